package app.candor.closure;

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

/** The rejection reasons recruiters choose from. */
@Path("/api/rejection-reasons")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure")
public class RejectionReasonResource {

    @Inject
    OutcomeService outcomes;

    public record ReasonView(Long id, String code, String label) {
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "The rejection reasons to choose from (internal; never quoted to the candidate)")
    public List<ReasonView> reasons() {
        return outcomes.reasons().stream().map(r -> new ReasonView(r.id, r.code, r.label)).toList();
    }
}
