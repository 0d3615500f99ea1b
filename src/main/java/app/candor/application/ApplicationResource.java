package app.candor.application;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @Inject
    CurrentUser currentUser;

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "An application with its promise and its history")
    public ApplicationView get(@PathParam("id") long id) {
        return applications.view(id, currentUser.get());
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "Every stage change: who, when, from, to, note and promise")
    public List<ApplicationView.HistoryEntry> history(@PathParam("id") long id) {
        return applications.view(id, currentUser.get()).history();
    }

    @POST
    @Path("{id}/stage")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Move to another stage",
            description = "Sets the promised decision date (the stage default unless given). 409 for a move the stage rules forbid; "
                    + "a backward move needs a note. A move to REJECTED or ROLE_CLOSED needs told {how, at, note}: how the candidate was "
                    + "told without a letter (400 without it; the outcome and the requisition's status tell them by letter). 409 while a "
                    + "closing letter or call is on its way. With tellCandidate=true, a forward move to SCREENING, INTERVIEW or "
                    + "FINAL_INTERVIEW also sends the candidate a stage update naming the new decision date (personalNote added to it), "
                    + "in their channel and language; 400 for any other move.")
    public ApplicationView move(@PathParam("id") long id, MoveInput input) {
        return applications.moveAndView(id, input, currentUser.get());
    }

    @POST
    @Path("{id}/stage/preview")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Preview the stage update a move would send",
            description = "The letter a move with tellCandidate=true would send, exactly as the candidate would get it, naming the "
                    + "decision date the move would promise. Checks the move as the move does; writes nothing.")
    public Preview previewMove(@PathParam("id") long id, MoveInput input) {
        return applications.previewMove(id, input, currentUser.get());
    }

    @POST
    @Path("{id}/told")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Record how the candidate was told their final answer outside Candor's letters",
            description = "Closes the closure watch of an application at a final stage (or OFFER) whose candidate has not been told"
                    + " by a letter or call: how (IN_PERSON, PHONE, VIDEO_CALL, OTHER), when (default now) and a note; the recruiter"
                    + " is who told them. 409 once told, or while a closing letter or call is on its way.")
    public ApplicationView told(@PathParam("id") long id, ToldInput input) {
        return applications.recordTold(id, input, currentUser.get());
    }
}
