package app.candor.closure;

import app.candor.user.CurrentUser;
import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Candidates chasing: log an e-mail or call that came in, list them, mark them answered. */
@Path("/api/applications/{id}/chasers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure watch")
public class ChaserResource {

    @Inject
    ChaserService chasers;

    @Inject
    CurrentUser currentUser;

    /** How many waiting chasers a "called back" answered. */
    public record Answered(long applicationId, int answered) {
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    @Operation(summary = "The application's chasers, newest first, answered or waiting")
    public List<ChaserView> list(@PathParam("id") long id) {
        return chasers.list(id, currentUser.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    @Operation(summary = "Log that the candidate got in touch (EMAIL or PHONE)",
            description = "receivedAt defaults to now and may not be in the future; the note is optional (at most 2000 characters). "
                    + "409 when the application is closed (the candidate has been told).")
    public Response log(@PathParam("id") long id, ChaserInput input) {
        ChaserView c = ChaserView.of(chasers.log(id, input, currentUser.get()), false);
        return Response.created(URI.create("/api/applications/" + id + "/chasers")).entity(c).build();
    }

    @POST
    @Path("answered")
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    @Operation(summary = "Mark the waiting chasers answered (the candidate was called back)",
            description = "The next letter to the candidate answers them too, by itself. Answers with how many were waiting.")
    public Answered answered(@PathParam("id") long id) {
        return new Answered(id, chasers.answered(id, currentUser.get()));
    }
}
