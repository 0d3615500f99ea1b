package app.candor.closure;

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

/** Putting a requisition on hold, reopening, cancelling or filling it, with the letters that go to its candidates. */
@Path("/api/requisitions/{id}/status")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Closure")
public class RequisitionStatusResource {

    @Inject
    RoleNoticeService roleNotices;

    @Inject
    CurrentUser currentUser;

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Preview the letter a status change sends, and to how many candidates; writes nothing",
            description = "ON_HOLD, CANCELLED and FILLED: one sample letter (for the first application still in the pipeline) and how "
                    + "many get one. OPEN (reopening an ON_HOLD requisition): the letter with the first paused candidate's fresh "
                    + "promised date, and how many paused candidates get one. recipients is 0 (and the letter empty) when nobody is told. "
                    + "409 for a change that is not allowed from the current status.")
    public Preview preview(@PathParam("id") long id, StatusChangeInput input) {
        return roleNotices.preview(id, input, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Put a requisition on hold, reopen, cancel or fill it",
            description = "From OPEN: ON_HOLD, CANCELLED or FILLED; from ON_HOLD: OPEN, CANCELLED or FILLED; CANCELLED and FILLED are "
                    + "final (409, nothing sent). ON_HOLD tells every open application the role is on hold (not a rejection) and pauses "
                    + "their promised dates. OPEN gives each paused application a fresh promised date (the stage's default from today), "
                    + "records it in the history and tells the candidate. CANCELLED tells every open application and closes it as "
                    + "ROLE_CLOSED. FILLED sends every open application a kind \"role filled\" rejection and moves it to REJECTED (history "
                    + "note \"Role filled\"); HIRED applications are untouched, and so are candidates told a final answer or with an"
                    + " offer out (the preview lists them in leftOut, with why). Pending notices the change makes stale are cancelled. Status, history, stage changes and letters are written in "
                    + "one transaction; candidates who prefer the phone get a call task. notices is how many letters were queued.")
    public RoleNoticeService.Result change(@PathParam("id") long id, StatusChangeInput input) {
        return roleNotices.change(id, input, currentUser.get());
    }
}
