package app.candor.closure;

import app.candor.user.CurrentUser;
import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** "How we are doing": the closure statistics as JSON. */
@Path("/api/closure/stats")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure watch")
public class ClosureStatsResource {

    @Inject
    ClosureStats stats;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    @Operation(summary = "On-time closure statistics",
            description = "Per ISO week (company time zone), per recruiter and per requisition: closures and how many were on time;"
                    + " the median days from application to closure; open applications overdue now.")
    public ClosureStatsView get(
            @Parameter(description = "Weeks up to and including the current one, 1 to 52 (default 12)") @QueryParam("weeks") String weeks,
            @Parameter(description = "mine (the requisitions you recruit for; default for recruiters) or team (everyone)")
            @QueryParam("scope") String scope) {
        return stats.compute(currentUser.get(), weeks, scope);
    }
}
