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

/** Putting a requisition on hold, cancelling or reopening it, with the notices that go to its candidates. */
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
    @Operation(summary = "Preview the notice open applications would get for a status change, and how many")
    public Preview preview(@PathParam("id") long id, StatusChangeInput input) {
        return roleNotices.preview(id, input, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Put a requisition on hold, cancel it or reopen it",
            description = "ON_HOLD and CANCELLED notify every open application (not a rejection); CANCELLED closes them as ROLE_CLOSED.")
    public RoleNoticeService.Result change(@PathParam("id") long id, StatusChangeInput input) {
        return roleNotices.change(id, input, currentUser.get());
    }
}
