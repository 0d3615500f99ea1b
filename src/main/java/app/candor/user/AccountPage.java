package app.candor.user;

import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

/** A user's own password: the current one required. Changing it signs every session out, this one included. */
@Path("/account/password")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
public class AccountPage {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance password(Form form);
    }

    @GET
    public TemplateInstance form() {
        return Templates.password(Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@RestForm String oldPassword, @RestForm String newPassword) {
        try {
            users.changeOwnPassword(currentUser.get().username, oldPassword, newPassword);
            return Flash.redirect("/login", "Password changed: sign in with the new one.");
        } catch (ProblemException e) {
            return Response.status(e.status).entity(Templates.password(Form.empty().fail(e))).build();
        }
    }
}
