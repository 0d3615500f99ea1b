package app.candor.webhook;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/**
 * The ids of the active endpoints, remembered for {@code candor.webhooks.endpoints-cache-for}: every event of a bulk
 * step (a filled role closes thousands of applications) asks, and a query each time would also flush that step's
 * session every time. Changes on this instance take effect at once; another replica's within the cache period.
 */
@ApplicationScoped
public class ActiveEndpoints {

    @Inject
    EntityManager em;

    @Inject
    WebhookConfig config;

    /** Until is System.nanoTime(): how long a reading is trusted is wall time, not the business clock (which tests move). */
    private record Cached(List<Long> ids, long until) {
    }

    private volatile Cached cached;

    public List<Long> active() {
        Cached c = cached;
        long now = System.nanoTime();
        if (c == null || now - c.until() >= 0) {
            // Its own transaction: never a flush of the caller's session, and the committed state.
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> List.copyOf(em.createQuery(
                    "select e.id from WebhookEndpoint e where e.active = true order by e.id", Long.class).getResultList()));
            c = new Cached(ids, now + config.endpointsCacheFor().toNanos());
            cached = c;
        }
        return c.ids();
    }

    /** An endpoint was added, enabled or disabled here: read again at the next event. */
    public void changed() {
        cached = null;
    }
}
