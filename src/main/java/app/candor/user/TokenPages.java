package app.candor.user;

import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
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
import org.jboss.resteasy.reactive.RestForm;

import java.time.Clock;
import java.util.List;

/**
 * API tokens on pages: a user's own (/account/tokens; {@link AdminTokenPages}: an admin's view of anyone's, for
 * service accounts). A new token's secret is shown on the answer to the POST itself, once, and never stored:
 * not a redirect with a flash message, which would carry the secret through the session.
 */
@Produces(MediaType.TEXT_HTML)
@Path("/account/tokens")
public class TokenPages {

    @Inject
    ApiTokenService tokens;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @Inject
    SecurityIdentity identity;

    @Inject
    Clock clock;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance tokens(User owner, boolean own, String action, List<ApiTokenView> tokens, Form form,
                                              ApiTokenView created, boolean admin);
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public TemplateInstance mine() {
        return page(currentUser.get(), Form.empty().with("expiresInDays", "90").with("scope", "read-only"), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response createMine(@RestForm String name, @RestForm String scope, @RestForm String expiresInDays) {
        return create(currentUser.get(), name, scope, expiresInDays);
    }

    @POST
    @Path("{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response revokeMine(@PathParam("tokenId") long tokenId) {
        ApiToken t = tokens.revoke(tokenId, currentUser.get().username, false);
        return Flash.redirect("/account/tokens", "Token '" + t.name + "' revoked: it no longer works.");
    }

    Response create(User owner, String name, String scope, String days) {
        Form form = Form.empty().with("name", name).with("scope", scope).with("expiresInDays", days);
        try {
            ApiTokenService.Created c = tokens.create(owner.id, currentUser.get().username, identity.hasRole(Role.ADMIN), name, scope, days);
            return Response.ok(page(owner, Form.empty().with("expiresInDays", "90").with("scope", "read-only"),
                    ApiTokenView.created(c, clock.instant()))).header("Cache-Control", "no-store").build();
        } catch (ProblemException e) {
            if (e.status == 404) {
                throw e;
            }
            return Response.status(e.status).entity(page(owner, form.fail(e), null)).build();
        }
    }

    TemplateInstance page(User owner, Form form, ApiTokenView created) {
        boolean own = owner.username.equals(currentUser.get().username);
        String action = own ? "/account/tokens" : "/admin/users/" + owner.id + "/tokens";
        List<ApiTokenView> list = tokens.listOwnedBy(owner.id).stream().map(t -> ApiTokenView.of(t, clock.instant())).toList();
        return Templates.tokens(owner, own, action, list, form, created, identity.hasRole(Role.ADMIN));
    }

}
