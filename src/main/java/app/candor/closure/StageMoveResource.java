package app.candor.closure;

import app.candor.application.ApplicationView;
import app.candor.application.MoveInput;
import app.candor.message.Preview;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A move to another stage, with the stage update that may tell the candidate; listed with the applications' API. */
@Path("/api/applications/{id}/stage")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class StageMoveResource {

    @Inject
    StageMoveService moves;

    @Inject
    CurrentUser currentUser;

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Move to another stage",
            description = "Sets the promised decision date (the stage default unless given). 409 for a move the stage rules forbid; "
                    + "a backward move needs a note. A move to REJECTED or ROLE_CLOSED needs told {how, at, note}: how the candidate was "
                    + "told without a letter (400 without it; the outcome and the requisition's status tell them by letter). 409 while a "
                    + "closing letter or call is on its way. With tellCandidate=true, a forward move to SCREENING, INTERVIEW or "
                    + "FINAL_INTERVIEW also sends the candidate a stage update naming the new decision date (personalNote added to it), "
                    + "in their channel and language; 400 for any other move.")
    public ApplicationView move(@PathParam("id") long id, MoveInput input) {
        return moves.moveAndView(id, input, currentUser.get());
    }

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Preview the stage update a move would send",
            description = "The letter a move with tellCandidate=true would send, exactly as the candidate would get it, naming the "
                    + "decision date the move would promise. Checks the move as the move does; writes nothing.")
    public Preview preview(@PathParam("id") long id, MoveInput input) {
        return moves.preview(id, input, currentUser.get());
    }
}
