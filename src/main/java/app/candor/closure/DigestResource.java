package app.candor.closure;

import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the daily digest check now, besides its schedule: for operations (after a mail outage, a changed digest time) and tests. */
@Path("/api/closure/digest")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure watch")
public class DigestResource {

    @Inject
    ClosureDigest digest;

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Run the daily digest check now",
            description = "On a business day from the digest time on, sends today's digest to every active recruiter who has not had it"
                    + " (once per recruiter and day) and says how many were sent, recorded with nothing to say, or skipped.")
    public ClosureDigest.Result run() {
        return digest.check();
    }
}
