package app.candor.user;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.jpa.runtime.JpaIdentityProvider;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

import java.util.Optional;

/**
 * Username and password (HTTP Basic, and the form login's POST) without bcrypt on every request. Runs before
 * quarkus-security-jpa's generated provider (higher priority; the manager tries providers in priority
 * order). A password remembered by {@link CredentialCache} is accepted after one indexed read of the
 * user's row shows the same hash and roles and an active user; anything else is handed to the generated
 * provider, which checks bcrypt as before, and a success is remembered. A wrong password fails there with
 * AuthenticationFailedException, which ends the chain, so it is checked once and never remembered.
 */
@ApplicationScoped
public class CachingIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    /** Set on an identity whose user this provider has just read as active: {@link InactiveUserCheck} need not read it again. */
    static final String ACTIVE_CHECKED = "candor.activeChecked";

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
        if (!cache.enabled()) {
            cache.missed();
            return verifier.authenticate(request, context);
        }
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        Optional<CredentialCache.Verified> hit = cache.lookup(username, password);
        if (hit.isEmpty()) {
            return verify(request, context);
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
            return (SecurityIdentity) identity.build();
        }).flatMap(identity -> identity != null ? Uni.createFrom().item(identity) : verify(request, context));
    }

    /** The full check (bcrypt), remembered on success against the row as read before it began. */
    private Uni<SecurityIdentity> verify(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        long stamp = cache.stamp();
        // Read first: whatever is remembered is then at most as new as what bcrypt checked, and a change in
        // between shows as a different hash on the next hit.
        return blocking.<User>executeBlocking(() -> read(username)).flatMap(row -> {
            cache.missed();
            return verifier.authenticate(request, context).invoke(identity -> {
                if (identity != null && row != null && row.active) {
                    cache.remember(username, request.getPassword().getPassword(), new CredentialCache.Verified(
                            row.password, row.roles, identity.getPrincipal(), identity.getRoles(), identity.getAttributes()), stamp);
                }
            });
        });
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
