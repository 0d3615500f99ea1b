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

/** Runs the closure sweep now, besides its schedule: for an admin after changing holidays, and for the benchmark. */
@Path("/api/closure/sweep")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure watch")
public class SweepResource {

    @Inject
    ClosureSweep sweep;

    @POST
    @RolesAllowed(Role.ADMIN)
    @Operation(summary = "Run the closure sweep now", description = "Flags newly due-soon and overdue promises (each once) and says how many and how long it took.")
    public ClosureSweep.Result sweep() {
        return sweep.sweep();
    }
}
