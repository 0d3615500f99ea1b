package app.candor.user;

import app.candor.system.CandorConfig;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * How the pages sign a request in (quarkus.http.auth.permission.pages.auth-mechanism=candor-page): the form login's
 * session cookie, or, with single sign-on on, the identity provider's code flow (quarkus-oidc, its q_session cookie).
 * A visitor who is not signed in goes to /login, which offers both; with local passwords off, straight to the
 * provider. {@link #SSO_PATH} starts the provider's sign-in from the sign-in page's button.
 */
@ApplicationScoped
public class PageSignIn implements HttpAuthenticationMechanism {

    public static final String SCHEME = "candor-page";
    /** The sign-in page's "Sign in with ..." button; back from the provider, it goes on to the start page. */
    public static final String SSO_PATH = "/sso";

    @Inject
    CandorConfig config;

    @Inject
    QuarkusMechanisms quarkus;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
        if (throughProvider(rc)) {
            return quarkus.oidc().authenticate(rc, identities);
        }
        return quarkus.form().authenticate(rc, identities);
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext rc) {
        return challenger(rc).getChallenge(rc);
    }

    @Override
    public Uni<Boolean> sendChallenge(RoutingContext rc) {
        return challenger(rc).sendChallenge(rc);
    }

    private HttpAuthenticationMechanism challenger(RoutingContext rc) {
        boolean provider = config.oidc().enabled()
                && (!config.auth().localPasswords() || SSO_PATH.equals(rc.normalizedPath()) || providerCookie(rc));
        return provider ? quarkus.oidc() : quarkus.form();
    }

    /** The provider's session, its sign-in coming back (state cookie), or the button that starts it. */
    private boolean throughProvider(RoutingContext rc) {
        return config.oidc().enabled() && (providerCookie(rc) || SSO_PATH.equals(rc.normalizedPath()));
    }

    private static boolean providerCookie(RoutingContext rc) {
        for (Cookie cookie : rc.request().cookies()) {
            if (cookie.getName().startsWith("q_session") || cookie.getName().startsWith("q_auth")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Ahead of {@link ApiSignIn}: where no path names a mechanism (the API document, /q/swagger-ui) a browser without a
     * session is sent to the sign-in page, as on every page; a client with a token or Basic still signs in there.
     */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        // what the form (password, then its cookie) and quarkus-oidc (tokens) hand to the identity providers
        return Set.of(UsernamePasswordAuthenticationRequest.class,
                TrustedAuthenticationRequest.class,
                TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext rc) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.COOKIE, SCHEME));
    }
}
