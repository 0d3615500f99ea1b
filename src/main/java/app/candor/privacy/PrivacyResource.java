package app.candor.privacy;

import app.candor.user.CurrentUser;
import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Data protection for admins: the retention dry run and log, erasure on request, the access export. */
@Path("/api/admin")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Data protection (admin)")
public class PrivacyResource {

    @Inject
    Retention retention;

    @Inject
    Erasure erasure;

    @Inject
    AccessExport export;

    @Inject
    CurrentUser currentUser;

    /** What the next retention run would anonymise (the first 500, and how many in all); changes nothing. */
    @GET
    @Path("retention/dry-run")
    public Retention.DryRun dryRun() {
        return retention.dryRun(500);
    }

    /** The last retention runs, newest first: when, the cutoff and how many; never who. */
    @GET
    @Path("retention/runs")
    public List<Retention.Run> runs() {
        return retention.recentRuns(50);
    }

    /** Erases one candidate's personal data now; open applications are closed as withdrawn without a letter. */
    @POST
    @Path("candidates/{id}/erasure")
    public Erasure.Result erase(@PathParam("id") long id) {
        return erasure.erase(id, currentUser.get());
    }

    /** Everything Candor holds about the candidate, as a JSON download. */
    @GET
    @Path("candidates/{id}/export")
    public Response export(@PathParam("id") long id) {
        return Response.ok(export.export(id))
                .header("Content-Disposition", "attachment; filename=\"candor-candidate-" + id + ".json\"").build();
    }
}
