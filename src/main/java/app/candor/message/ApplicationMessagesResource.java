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

/** An application's communication history. */
@Path("/api/applications/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class ApplicationMessagesResource {

    @Inject
    MessageService messages;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "An application's communication history, newest first")
    public List<MessageView> list(@PathParam("id") long id) {
        return messages.forApplication(id, currentUser.get());
    }
}
