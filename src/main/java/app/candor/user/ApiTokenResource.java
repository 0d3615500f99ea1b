package app.candor.user;

import app.candor.system.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.List;

/**
 * The signed-in user's API tokens ({@link AdminTokenResource}: an admin's view of anyone's, e.g. a service account's). Tokens are managed with a
 * password or single sign-on only: a token that could make tokens would outlive its own revocation.
 */
@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "API tokens")
public class ApiTokenResource {

    @Inject
    ApiTokenService tokens;

    @Inject
    CurrentUser currentUser;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public List<ApiTokenView> mine() {
        return list(currentUser.get().id);
    }

    @POST
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response create(ApiTokenInput input) {
        return created(currentUser.get().id, input);
    }

    @DELETE
    @Path("{tokenId}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public ApiTokenView revoke(@PathParam("tokenId") long tokenId) {
        notByToken();
        return ApiTokenView.of(tokens.revoke(tokenId, currentUser.get().username, identity.hasRole(Role.ADMIN)), clock.instant());
    }

    List<ApiTokenView> list(long userId) {
        return tokens.listOwnedBy(userId).stream().map(t -> ApiTokenView.of(t, clock.instant())).toList();
    }

    Response created(long ownerId, ApiTokenInput input) {
        notByToken();
        if (input == null) {
            throw ProblemException.badRequest("A JSON body with name, scope and expiresInDays is required.");
        }
        ApiTokenService.Created c = tokens.create(ownerId, currentUser.get().username, identity.hasRole(Role.ADMIN),
                input.name(), input.scope(), input.days());
        return Response.created(URI.create("/api/tokens/" + c.token().id)).entity(ApiTokenView.created(c, clock.instant()))
                .header("Cache-Control", "no-store").build();
    }

    private void notByToken() {
        if (identity.getAttribute(ApiTokenIdentityProvider.SCOPE) != null) {
            throw ProblemException.forbidden("API tokens are made and revoked with a password or single sign-on, not with another token.");
        }
    }
}
