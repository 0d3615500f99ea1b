package app.candor.user;

import io.quarkus.arc.Arc;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Any change to a user's row through Hibernate (password, roles, active flag: the admin API and pages,
 * and whatever comes later) drops what {@link CredentialCache} remembers for them, at the update and again
 * once the transaction is over, so that a sign-in verified against the old row in between is not kept either.
 * Changes made elsewhere (SQL, another replica) are caught on the next request by the row check in
 * {@link CachingIdentityProvider}.
 */
public class CredentialCacheInvalidation {

    @PostUpdate
    @PostRemove
    void changed(User user) {
        String username = user.username;
        CredentialCache cache = Arc.container().instance(CredentialCache.class).get();
        cache.forget(username);
        TransactionSynchronizationRegistry registry = Arc.container().instance(TransactionSynchronizationRegistry.class).get();
        if (registry.getTransactionStatus() == Status.STATUS_ACTIVE) {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    cache.forget(username);
                }
            });
        }
    }
}
