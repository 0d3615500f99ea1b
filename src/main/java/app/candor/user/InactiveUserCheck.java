package app.candor.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;

import java.util.Map;

/**
 * quarkus-security-jpa checks the password but knows nothing of deactivation or of ended sessions. Every
 * request, including one carrying an existing session cookie, is refused once the user is deactivated; a
 * request signed in by session cookie also needs a {@link SessionTicket} that is still current (not signed
 * out, no password or role change since, not older than the absolute lifetime). A successful sign-in on the
 * form gets its ticket here. The user's row rides along on the identity, so pages need no query to show the
 * name and {@link CurrentUser} none to find the user.
 */
@ApplicationScoped
public class InactiveUserCheck implements SecurityIdentityAugmentor {

    @Inject
    SessionFactory sessionFactory;

    @Inject
    SessionTicket tickets;

    static final String FULL_NAME = "candor.fullName";
    /** The user's row as read while signing this request in (detached), for {@link CurrentUser}. */
    static final String USER = "candor.user";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (identity.getAttribute(ApiTokenIdentityProvider.SCOPE) != null || OidcSignIn.signedInByProvider(identity)) {
            // an API token (its owner read as active with the token) or the identity provider (OidcSignIn checks)
            return Uni.createFrom().item(identity);
        }
        boolean password = Boolean.TRUE.equals(identity.getAttribute(CachingIdentityProvider.PASSWORD_CHECKED));
        if (password && Boolean.TRUE.equals(identity.getAttribute(CachingIdentityProvider.ACTIVE_CHECKED))) {
            // the caching provider has just read this user's row and found them active (and their full name)
            issueOnSignIn(rc, identity.getAttribute(USER));
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            User user = CachingIdentityProvider.read(sessionFactory, identity.getPrincipal().getName());
            if (user == null || !user.active) {
                throw new AuthenticationFailedException("account is deactivated");
            }
            if (password) {
                issueOnSignIn(rc, user);
            } else if (rc == null || !tickets.valid(rc, user)) {
                // a session cookie without a current ticket: signed out, changed, or past its lifetime
                if (rc != null) {
                    rc.response().addCookie(SessionTicket.expired(rc));
                }
                throw new AuthenticationFailedException("session ended");
            }
            return QuarkusSecurityIdentity.builder(identity).addAttribute(FULL_NAME, user.fullName).addAttribute(USER, user).build();
        });
    }

    /** The sign-in form's POST succeeded: hand out the ticket that makes the new session revocable. */
    private void issueOnSignIn(RoutingContext rc, Object user) {
        if (rc != null && user instanceof User u && "/j_security_check".equals(rc.normalizedPath())) {
            tickets.issue(rc, u);
        }
    }
}
