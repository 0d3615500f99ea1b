package app.candor.application;

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
                    + "a backward move needs a note.")
    public ApplicationView move(@PathParam("id") long id, MoveInput input) {
        return applications.moveAndView(id, input, currentUser.get());
    }
}
