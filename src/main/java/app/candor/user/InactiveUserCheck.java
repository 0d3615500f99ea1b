package app.candor.user;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * quarkus-security-jpa checks the password but knows nothing of deactivation. Every request,
 * including one carrying an existing session cookie, is refused once the user is deactivated.
 */
@ApplicationScoped
public class InactiveUserCheck implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        return context.runBlocking(() -> {
            boolean active = QuarkusTransaction.joiningExisting().call(() -> User.findByUsername(identity.getPrincipal().getName())
                    .map(u -> u.active).orElse(false));
            if (!active) {
                throw new AuthenticationFailedException("account is deactivated");
            }
            return identity;
        });
    }
}
