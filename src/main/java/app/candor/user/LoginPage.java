package app.candor.user;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import app.candor.system.CandorConfig;
import io.quarkus.security.identity.SecurityIdentity;
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
import java.time.Duration;

/** Sign in (the form posts to Quarkus' j_security_check), sign out, and the start page by role. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    /** quarkus.oidc.logout.path (application.properties). */
    static final String OIDC_LOGOUT_PATH = "/logout/sso";

    @Inject
    CurrentUser currentUser;

    @Inject
    UserService users;

    @Inject
    CandorConfig config;

    @Inject
    SecurityIdentity identity;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean failed, String wait, String sso, boolean passwords);
    }

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("error") boolean error, @QueryParam("wait") Long waitSeconds) {
        // wait: set by the sign-in throttle (CachingIdentityProvider); only a number is ever shown
        String wait = waitSeconds == null || waitSeconds <= 0 ? null
                : SignInThrottle.describe(Duration.ofSeconds(Math.min(waitSeconds, 86_400)));
        return Templates.login(error, wait, config.oidc().enabled() ? config.oidc().providerName() : null,
                config.auth().localPasswords());
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response home() {
        String target = currentUser.isRecruiter() || currentUser.isHiringManager() ? "/requisitions" : "/admin/users";
        return Response.seeOther(URI.create(target)).build();
    }

    /** The sign-in page's single sign-on button: PageSignIn sends an anonymous visitor to the provider first. */
    @GET
    @Path("sso")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response singleSignOn() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("logout")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Response logout() {
        // Clearing the cookie is not enough: a copy of it would still work. Ending the user's sessions is.
        users.signOut(currentUser.get().username);
        NewCookie expired = new NewCookie.Builder("candor-session").value("").path("/").maxAge(0).build();
        NewCookie ticket = new NewCookie.Builder(SessionTicket.COOKIE).value("").path("/").maxAge(0).build();
        if (OidcSignIn.signedInByProvider(identity)) {
            // quarkus-oidc's logout path removes its session cookie and sends the browser to the provider's logout
            // (RP-initiated logout), which comes back to the sign-in page
            return Response.seeOther(URI.create(OIDC_LOGOUT_PATH)).cookie(expired, ticket).build();
        }
        return Response.seeOther(URI.create("/login")).cookie(expired, ticket).build();
    }
}
