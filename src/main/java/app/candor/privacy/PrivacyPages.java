package app.candor.privacy;

import app.candor.candidate.Candidate;
import app.candor.system.Flash;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** The admin's data-protection pages: retention (dry run and log), a candidate's data (readable export), erasure. */
@Path("/admin/privacy")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class PrivacyPages {

    @Inject
    Retention retention;

    @Inject
    Erasure erasure;

    @Inject
    AccessExport export;

    @Inject
    CurrentUser currentUser;

    /** A candidate found by the search box. */
    public record Found(long id, String name, String email, boolean anonymised) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Retention.DryRun dryRun, List<Retention.Run> runs, String q, List<Found> found);

        static native TemplateInstance candidate(AccessExport.Document d);
    }

    @GET
    public TemplateInstance overview(@QueryParam("q") String q) {
        List<Found> found = q == null || q.isBlank() ? List.of() : QuarkusTransaction.requiringNew().call(() ->
                Candidate.search(q, 50).stream().map(c -> new Found(c.id, c.displayName(), c.email, c.anonymisedAt != null)).toList());
        return Templates.overview(retention.dryRun(100), retention.recentRuns(20), q, found);
    }

    @GET
    @Path("candidates/{id}")
    public TemplateInstance candidate(@PathParam("id") long id) {
        return Templates.candidate(export.export(id));
    }

    @GET
    @Path("candidates/{id}/export.json")
    @Produces(MediaType.APPLICATION_JSON)
    public Response download(@PathParam("id") long id) {
        return Response.ok(export.export(id))
                .header("Content-Disposition", "attachment; filename=\"candor-candidate-" + id + ".json\"").build();
    }

    @POST
    @Path("candidates/{id}/erase")
    public Response erase(@PathParam("id") long id) {
        try {
            Erasure.Result r = erasure.erase(id, currentUser.get());
            return Flash.redirect("/admin/privacy/candidates/" + id, "Personal data of candidate " + id + " erased; "
                    + r.applicationsClosed() + " open application(s) closed as withdrawn without a letter.");
        } catch (ProblemException e) {
            if (e.status == 404) {
                throw e;
            }
            return Flash.redirect("/admin/privacy/candidates/" + id, e.getMessage());
        }
    }
}
