package app.candor.feedback;

import app.candor.message.MessageView;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

/** Sending interview feedback to the candidate: recruiters only (a hiring manager never writes to candidates). */
@Path("/api/applications/{id}/feedback-message")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Interview feedback")
public class FeedbackMessageResource {

    @Inject
    FeedbackMessageService messages;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "The text Candor proposes (shareable parts only) and the letter as the candidate would get it; writes nothing")
    public FeedbackMessageService.Draft preview(@PathParam("id") long id, FeedbackMessageInput input) {
        return messages.preview(id, input == null ? new FeedbackMessageInput(null) : input, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Send the feedback (the proposed text, or the recruiter's edit of it); once per application")
    public Response send(@PathParam("id") long id, FeedbackMessageInput input) {
        MessageView m = MessageView.of(messages.send(id, input == null ? new FeedbackMessageInput(null) : input, currentUser.get()));
        return Response.created(URI.create("/api/messages/" + m.id())).entity(m).build();
    }
}
