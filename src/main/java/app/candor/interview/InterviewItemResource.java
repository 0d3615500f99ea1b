package app.candor.interview;

import app.candor.user.CurrentUser;
import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One interview: read, move (new details to the candidate), cancel (a notice to the candidate). */
@Path("/api/interviews/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews")
public class InterviewItemResource {

    @Inject
    InterviewService interviews;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "An interview")
    public InterviewView get(@PathParam("id") long id) {
        return interviews.view(id, currentUser.get());
    }

    @PUT
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Move an interview or change who the candidate meets; the candidate gets the new details")
    public InterviewView reschedule(@PathParam("id") long id, InterviewInput input) {
        return interviews.reschedule(id, input, currentUser.get());
    }

    @POST
    @Path("cancel")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Cancel an interview; a candidate still expecting it is told")
    public InterviewView cancel(@PathParam("id") long id) {
        return interviews.cancel(id, currentUser.get());
    }
}
