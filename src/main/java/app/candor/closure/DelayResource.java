package app.candor.closure;

import app.candor.message.MessageView;
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

/** A decision that needs longer: a later promise and an apology, in one step. */
@Path("/api/applications/{id}/delay")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Closure")
public class DelayResource {

    @Inject
    DelayService delays;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Preview the 'decision delayed' message; writes nothing")
    public Preview preview(@PathParam("id") long id, DelayInput input) {
        return delays.preview(id, input, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Move the promised decision date later and tell the candidate, with an apology")
    public Response delay(@PathParam("id") long id, DelayInput input) {
        MessageView m = MessageView.of(delays.delay(id, input, currentUser.get()));
        return Response.created(URI.create("/api/messages/" + m.id())).entity(m).build();
    }
}
