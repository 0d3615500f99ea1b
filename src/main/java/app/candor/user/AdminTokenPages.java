package app.candor.user;

import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.ProblemException;
import io.quarkus.qute.TemplateInstance;
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

/** An admin's page for a user's API tokens (a service account's): the same page as {@link TokenPages}, for anyone. */
@Produces(MediaType.TEXT_HTML)
@Path("/admin/users/{id}/tokens")
@RolesAllowed(Role.ADMIN)
public class AdminTokenPages {

    @Inject
    TokenPages pages;

    @Inject
    ApiTokenService tokens;

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @GET
    public TemplateInstance ofUser(@PathParam("id") long id) {
        return pages.page(owner(id), Form.empty().with("expiresInDays", "90").with("scope", "read-only"), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFor(@PathParam("id") long id, @RestForm String name, @RestForm String scope, @RestForm String expiresInDays) {
        return pages.create(owner(id), name, scope, expiresInDays);
    }

    @POST
    @Path("{tokenId}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeFor(@PathParam("id") long id, @PathParam("tokenId") long tokenId) {
        ApiToken t = tokens.revoke(tokenId, currentUser.get().username, true);
        return Flash.redirect("/admin/users/" + id + "/tokens", "Token '" + t.name + "' revoked: it no longer works.");
    }

    private User owner(long id) {
        return users.find(id).orElseThrow(() -> ProblemException.notFound("User", id));
    }
}
