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

/** Offers and rejections: preview, then record and send in one step. */
@Path("/api/applications/{id}/outcome")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Closure")
public class OutcomeResource {

    @Inject
    OutcomeService outcomes;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Preview an offer or rejection exactly as the candidate will get it; writes nothing")
    public Preview preview(@PathParam("id") long id, OutcomeInput input) {
        return outcomes.preview(id, input, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Record an offer or rejection and send it",
            description = "Moves the stage (OFFER or REJECTED) and queues the message in one step. A rejection may be scheduled "
                    + "with sendAt. A candidate who prefers the phone gets a call task instead. 409 if it was already recorded.")
    public Response record(@PathParam("id") long id, OutcomeInput input) {
        MessageView m = MessageView.of(outcomes.record(id, input, currentUser.get()));
        return Response.created(URI.create("/api/messages/" + m.id())).entity(m).build();
    }
}
