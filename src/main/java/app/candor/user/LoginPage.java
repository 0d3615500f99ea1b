package app.candor.user;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Sign in (the form posts to Quarkus' j_security_check), sign out, and the start page by role. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed);
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") boolean error) {
        return Templates.login(error);
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response home() {
        String target = currentUser.isRecruiter() || currentUser.isHiringManager() ? "/requisitions" : "/admin/users";
        return Response.seeOther(URI.create(target)).build();
    }

    @POST
    @Path("logout")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response logout() {
        NewCookie expired = new NewCookie.Builder("candor-session").value("").path("/").maxAge(0).build();
        return Response.seeOther(URI.create("/login")).cookie(expired).build();
    }
}
