package app.candor.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;

/**
 * quarkus-security-jpa checks the password but knows nothing of deactivation. Every request,
 * including one carrying an existing session cookie, is refused once the user is deactivated.
 * The user's row rides along on the identity, so pages need no query to show the name and
 * {@link CurrentUser} none to find the user.
 */
@ApplicationScoped
public class InactiveUserCheck implements SecurityIdentityAugmentor {

    @Inject
    SessionFactory sessionFactory;

    static final String FULL_NAME = "candor.fullName";
    /** The user's row as read while signing this request in (detached), for {@link CurrentUser}. */
    static final String USER = "candor.user";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || Boolean.TRUE.equals(identity.getAttribute(CachingIdentityProvider.ACTIVE_CHECKED))) {
            // the caching provider has just read this user's row and found them active (and their full name)
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            User user = CachingIdentityProvider.read(sessionFactory, identity.getPrincipal().getName());
            if (user == null || !user.active) {
                throw new AuthenticationFailedException("account is deactivated");
            }
            return QuarkusSecurityIdentity.builder(identity).addAttribute(FULL_NAME, user.fullName).addAttribute(USER, user).build();
        });
    }
}
