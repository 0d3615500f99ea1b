package app.candor.message;

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

/** A candidate's communication history across requisitions. */
@Path("/api/candidates/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class CandidateMessagesResource {

    @Inject
    MessageService messages;

    @GET
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "A candidate's communication history across requisitions, newest first")
    public List<MessageView> list(@PathParam("id") long id) {
        return messages.forCandidate(id);
    }
}
