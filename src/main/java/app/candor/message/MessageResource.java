package app.candor.message;

import app.candor.system.BusinessCalendar;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** The communication history, and what can still be done with a message. */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
public class MessageResource {

    @Inject
    MessageService messages;

    @Inject
    HistoryExport export;

    @Inject
    CurrentUser currentUser;

    @Inject
    BusinessCalendar calendar;

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "A message exactly as sent (or as it will be sent), with its delivery state")
    public MessageView get(@PathParam("id") long id) {
        return messages.view(id, currentUser.get());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Change a scheduled message's personal note and time before it leaves")
    public MessageView edit(@PathParam("id") long id, MessageEdit input) {
        return messages.edit(id, input, currentUser.get());
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Cancel a scheduled message; a cancelled rejection puts the application back where it was")
    public MessageView cancel(@PathParam("id") long id) {
        return messages.cancel(id, currentUser.get());
    }

    @POST
    @Path("{id}/send-now")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Send a scheduled message now")
    public MessageView sendNow(@PathParam("id") long id) {
        return messages.sendNow(id, currentUser.get());
    }

    @POST
    @Path("{id}/call-done")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Mark a call task done; the written confirmation goes by e-mail")
    public MessageView callDone(@PathParam("id") long id, CallDone input) {
        return messages.callDone(id, input, currentUser.get());
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Send a FAILED message again, to the candidate's current e-mail address")
    public MessageView resend(@PathParam("id") long id) {
        return messages.resend(id, currentUser.get());
    }

    @GET
    @Path("export")
    @Produces("text/csv")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "The communication history as CSV (filters optional; dates inclusive)")
    public Response exportCsv(@QueryParam("requisitionId") String requisitionId, @QueryParam("recruiter") String recruiter,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        String csv = export.csv(HistoryExport.Filter.parse(requisitionId, recruiter, from, to), currentUser.get());
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"candor-messages-" + calendar.today() + ".csv\"").build();
    }
}
