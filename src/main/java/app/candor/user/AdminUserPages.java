package app.candor.user;

import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.InputValidator;
import app.candor.system.PageNumber;
import app.candor.system.ProblemException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The admin's user pages: list, create, edit roles and details, deactivate and reactivate. */
@Path("/admin/users")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class AdminUserPages {

    @Inject
    UserService users;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(UserService.UserPage list, Long confirm);

        static native TemplateInstance form(Long id, Form form, List<String> roles, boolean active);
    }

    /** A page of users by name, or those the search matches; {@code confirm}: whose deactivation to confirm (nothing changes on GET). */
    @GET
    public TemplateInstance list(@QueryParam("q") String search, @QueryParam("page") String page, @QueryParam("confirm") Long confirm) {
        return Templates.list(users.page(InputValidator.clean(search), PageNumber.parse(page)), confirm);
    }

    @GET
    @Path("new")
    public TemplateInstance newForm() {
        return Templates.form(null, Form.empty(), Role.ALL, true);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String password, @RestForm String fullName,
                           @RestForm String jobTitle, @RestForm String email, @RestForm List<String> roles) {
        Form form = form(username, fullName, jobTitle, email, roles);
        try {
            User user = users.create(new UserInput(username, emptyToNull(password), fullName, jobTitle, emptyToNull(email), roles));
            return Flash.redirect("/admin/users", "User " + user.username + " created.");
        } catch (ProblemException e) {
            return Response.status(e.status).entity(Templates.form(null, form.fail(e), Role.ALL, true)).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance editForm(@PathParam("id") long id) {
        User user = users.find(id).orElseThrow(() -> ProblemException.notFound("User", id));
        return Templates.form(id, form(user.username, user.fullName, user.jobTitle, user.email, user.roleList()), Role.ALL, user.active);
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String username, @RestForm String password,
                           @RestForm String fullName, @RestForm String jobTitle, @RestForm String email,
                           @RestForm List<String> roles) {
        Form form = form(username, fullName, jobTitle, email, roles);
        return FormRefusal.attempt(() -> {
            users.update(id, new UserInput(username, emptyToNull(password), fullName, jobTitle, emptyToNull(email), roles),
                    currentUser.get().username);
            return Flash.redirect("/admin/users", "User " + username + " saved.");
        }, e -> {
            boolean active = users.find(id).map(u -> u.active).orElse(true);
            return Templates.form(id, form.fail(e), Role.ALL, active);
        });
    }

    @POST
    @Path("{id}/deactivate")
    public Response deactivate(@PathParam("id") long id) {
        return setActive(id, false);
    }

    @POST
    @Path("{id}/activate")
    public Response activate(@PathParam("id") long id) {
        return setActive(id, true);
    }

    private Response setActive(long id, boolean active) {
        try {
            User user = users.setActive(id, active, currentUser.get().username);
            return Flash.redirect("/admin/users", "User " + user.username + (active ? " can sign in again." : " deactivated: they can no longer sign in."));
        } catch (ProblemException e) {
            if (e.status == 404) {
                throw e;
            }
            return Flash.redirect("/admin/users", e.getMessage());
        }
    }

    private static Form form(String username, String fullName, String jobTitle, String email, List<String> roles) {
        return Form.empty().with("username", username).with("fullName", fullName).with("jobTitle", jobTitle).with("email", email)
                .withAll("roles", roles);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
