package app.candor.user;

import app.candor.system.ApiChallenge;
import app.candor.system.CandorConfig;
import app.candor.system.ClientAddress;
import app.candor.system.Refusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * Username and password (HTTP Basic, and the form login's POST) without bcrypt on every request. Runs before
 * quarkus-security-jpa's generated provider (higher priority; the manager tries providers in priority
 * order). A password remembered by {@link CredentialCache} is accepted after one indexed read of the
 * user's row shows the same hash and roles and an active user; anything else is handed to the generated
 * provider, which checks bcrypt as before, and a success is remembered. A wrong password fails there with
 * AuthenticationFailedException, which ends the chain, so it is checked once and never remembered.
 * <p>Every attempt first asks {@link SignInThrottle} whether its account or address must wait; a waiting attempt
 * is refused before any password check, and each wrong password is counted.
 */
@ApplicationScoped
public class CachingIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Set on an identity whose user this provider has just read as active: {@link InactiveUserCheck} need not read it again. */
    static final String ACTIVE_CHECKED = "candor.activeChecked";

    /** Set on an identity that a password signed in (rather than a session cookie): {@link InactiveUserCheck} tells them apart by it. */
    static final String PASSWORD_CHECKED = "candor.passwordChecked";

    @Inject
    SignInThrottle throttle;

    @Inject
    CandorConfig config;

    @Inject
    ApiChallenge apiChallenge;

    @Inject
    CredentialCache cache;

    /** The provider quarkus-security-jpa generates for {@link User}: the one that checks bcrypt. */
    @Inject
    JpaIdentityProvider verifier;

    @Inject
    BlockingSecurityExecutor blocking;

    @Inject
    SessionFactory sessionFactory;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public int priority() {
        return verifier.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        apiChallenge.answerFailuresWithProblem(rc);
        String address = rc == null ? "unknown" : ClientAddress.of(rc.request());
        String username = request.getUsername();
        boolean form = rc != null && "/j_security_check".equals(rc.normalizedPath());
        if (!config.auth().localPasswords() || (!form && !config.auth().basic())) {
            // passwords switched off (all of them, or HTTP Basic): ApiSignIn says so on the API; this covers every path
            return Uni.createFrom().failure(new AuthenticationFailedException("passwords are switched off"));
        }
        // Before anything costs bcrypt: is this account or address waiting after too many wrong passwords?
        return blocking.executeBlocking(() -> throttle.waitFor(username, address)).flatMap(wait -> {
            if (!wait.isZero() && !wait.isNegative()) {
                return refuseThrottled(rc, wait);
            }
            return check(request, context, rc, address);
        });
    }

    private Uni<SecurityIdentity> check(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context,
                                        RoutingContext rc, String address) {
        if (!cache.enabled()) {
            cache.missed();
            return counted(verifier.authenticate(request, context), request.getUsername(), address, context);
        }
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        Optional<CredentialCache.Verified> hit = cache.lookup(username, password);
        if (hit.isEmpty()) {
            return verify(request, context, address);
        }
        CredentialCache.Verified seen = hit.get();
        return context.runBlocking(() -> {
            User row = read(username);
            if (row == null || !row.active || !row.password.equals(seen.passwordHash()) || !row.roles.equals(seen.roles())) {
                cache.forget(username);
                return null;
            }
            QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                    .setPrincipal(seen.principal())
                    .addRoles(seen.roleSet())
                    .addCredential(request.getPassword())
                    .addAttribute(InactiveUserCheck.FULL_NAME, row.fullName)
                    .addAttribute(InactiveUserCheck.USER, row)
                    .addAttribute(ACTIVE_CHECKED, Boolean.TRUE);
            seen.attributes().forEach(identity::addAttribute);
            identity.addAttribute(PASSWORD_CHECKED, Boolean.TRUE);
            return (SecurityIdentity) identity.build();
        }).flatMap(identity -> identity != null ? Uni.createFrom().item(identity) : verify(request, context, address));
    }

    /** The full check (bcrypt), remembered on success against the row as read before it began. */
    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context, String address) {
        String username = request.getUsername();
        long stamp = cache.stamp();
        // Read first: whatever is remembered is then at most as new as what bcrypt checked, and a change in
        // between shows as a different hash on the next hit.
        return blocking.<User>executeBlocking(() -> read(username)).flatMap(row -> {
            cache.missed();
            return counted(verifier.authenticate(request, context), username, address, context).invoke(identity -> {
                if (identity != null && row != null && row.active) {
                    cache.remember(username, request.getPassword().getPassword(), new CredentialCache.Verified(
                            row.password, row.roles, identity.getPrincipal(), identity.getRoles(), identity.getAttributes()), stamp);
                }
            });
        });
    }

    /** bcrypt's verdict, counted by the throttle: a failure against the account and the address, a success clears the account. */
    private Uni<SecurityIdentity> counted(Uni<SecurityIdentity> verdict, String username, String address, AuthenticationRequestContext context) {
        return verdict
                .onFailure(AuthenticationFailedException.class).call(e -> blocking.executeBlocking(() -> throttle.failed(username, address)))
                .call(identity -> blocking.executeBlocking(() -> {
                    if (identity == null) {
                        throttle.failed(username, address);
                    } else {
                        throttle.succeeded(username);
                    }
                    return null;
                }))
                .map(identity -> identity == null ? null
                        : QuarkusSecurityIdentity.builder(identity).addAttribute(PASSWORD_CHECKED, Boolean.TRUE).build());
    }

    /**
     * A throttled attempt: the sign-in form goes back to the sign-in page saying how long to wait; the API answers
     * 429 with Retry-After and Problem Details (written here: the authentication failure handler leaves an ended
     * response alone).
     */
    static Uni<SecurityIdentity> refuseThrottled(RoutingContext rc, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (rc != null && "/j_security_check".equals(rc.normalizedPath())) {
            return Uni.createFrom().failure(new AuthenticationRedirectException(302, "/login?wait=" + seconds));
        }
        if (rc != null && !rc.response().ended()) {
            String detail = "Too many failed sign-ins. Try again in " + SignInThrottle.describe(wait) + ".";
            rc.response().putHeader("Retry-After", Long.toString(seconds));
            Refusal.send(rc, true, 429, "Too Many Requests", detail);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("too many failed sign-ins"));
    }

    private User read(String username) {
        return read(sessionFactory, username);
    }

    /**
     * The user's row, once per request: the identity then carries it (detached), and {@link CurrentUser} need not
     * read it again. As quarkus-security-jpa reads it: a read-only session of its own, no JTA transaction to commit.
     */
    static User read(SessionFactory sessionFactory, String username) {
        try (Session session = sessionFactory.openSession()) {
            session.setHibernateFlushMode(FlushMode.MANUAL);
            session.setDefaultReadOnly(true);
            return session.createSelectionQuery("from User where username = ?1", User.class)
                    .setParameter(1, username).getResultStream().findFirst().orElse(null);
        }
    }
}
