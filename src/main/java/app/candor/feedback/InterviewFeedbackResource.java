package app.candor.feedback;

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

import java.util.List;

/** Feedback on one interview: the team reads it; the requisition's hiring manager writes and submits their own. */
@Path("/api/interviews/{id}/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interview feedback")
public class InterviewFeedbackResource {

    @Inject
    InterviewFeedbackService feedback;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "All feedback on the interview, with the history of edits after submission")
    public List<InterviewFeedbackView> list(@PathParam("id") long id) {
        return feedback.list(id, currentUser.get());
    }

    @PUT
    @RolesAllowed(Role.HIRING_MANAGER)
    @Operation(summary = "Save your feedback (a draft, or an edit of submitted feedback, kept as history)")
    public InterviewFeedbackView save(@PathParam("id") long id, InterviewFeedbackInput input) {
        return feedback.save(id, input, currentUser.get());
    }

    @POST
    @Path("submit")
    @RolesAllowed(Role.HIRING_MANAGER)
    @Operation(summary = "Submit your draft; needs a recommendation and the text that may be shared with the candidate")
    public InterviewFeedbackView submit(@PathParam("id") long id) {
        return feedback.submit(id, currentUser.get());
    }
}
