package app.candor.user;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** An admin's view of a user's API tokens, e.g. a service account's: listed and made here, revoked at /api/tokens/{id}. */
@Path("/api/admin/users/{id}/tokens")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class AdminTokenResource {

    @Inject
    ApiTokenResource tokens;

    @GET
    public List<ApiTokenView> list(@PathParam("id") long id) {
        return tokens.list(id);
    }

    @POST
    public Response create(@PathParam("id") long id, ApiTokenInput input) {
        return tokens.created(id, input);
    }
}
