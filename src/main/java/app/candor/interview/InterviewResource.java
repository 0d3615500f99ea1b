package app.candor.interview;

import app.candor.message.Preview;
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

/** Interviews of one application: list (recruiters, the requisition's hiring manager), schedule (recruiters). */
@Path("/api/applications/{id}/interviews")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews")
public class InterviewResource {

    @Inject
    InterviewService interviews;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "The application's interviews, earliest first")
    public List<InterviewView> list(@PathParam("id") long id) {
        return interviews.list(id, currentUser.get());
    }

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Preview the candidate's interview confirmation; writes nothing")
    public Preview preview(@PathParam("id") long id, InterviewInput input) {
        return interviews.preview(id, input, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Schedule an interview; the candidate gets a confirmation naming everyone they will meet")
    public Response schedule(@PathParam("id") long id, InterviewInput input) {
        InterviewView view = interviews.schedule(id, input, currentUser.get());
        return Response.created(URI.create("/api/interviews/" + view.id())).entity(view).build();
    }
}
