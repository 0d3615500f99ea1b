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
