package app.candor.system;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.List;

/**
 * Counts failures per subject (an account, a client address) in the database, so that every replica sees the
 * same counts, and tells until when a subject is refused. Each call runs in a transaction of its own: a failure
 * is recorded even when the request that caused it is rolled back.
 */
@ApplicationScoped
public class Throttle {

    /** How failures turn into a wait: {@code free} failures within {@code window} cost nothing; then each one more blocks for {@code firstWait}, doubling, at most {@code maxWait}. */
    public record Policy(int free, Duration window, Duration firstWait, Duration maxWait) {
        Duration waitAfter(int failures) {
            int over = failures - free;
            if (over <= 0) {
                return Duration.ZERO;
            }
            Duration wait = firstWait.multipliedBy(1L << Math.min(over - 1, 20));
            return wait.compareTo(maxWait) > 0 ? maxWait : wait;
        }
    }

    static final int MAX_SUBJECT = 160;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** How long the most blocked of these subjects must still wait; zero when none is blocked. */
    public Duration blockedFor(Collection<String> subjects) {
        Instant now = clock.instant();
        List<String> keys = subjects.stream().map(Throttle::subject).toList();
        List<?> until = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select blocked_until from throttle where subject in (:subjects) and blocked_until is not null")
                .setParameter("subjects", keys).getResultList());
        Duration longest = Duration.ZERO;
        for (Object value : until) {
            Duration left = Duration.between(now, instant(value));
            if (left.compareTo(longest) > 0) {
                longest = left;
            }
        }
        return longest;
    }

    /** Records one failure of {@code subject}; returns how long it is now blocked (zero: not blocked). */
    public Duration failed(String subject, Policy policy) {
        String key = subject(subject);
        try {
            return QuarkusTransaction.requiringNew().call(() -> count(key, policy));
        } catch (PersistenceException | QuarkusTransactionException e) {
            // Two replicas inserted the first failure at once: the row exists now; count again.
            return QuarkusTransaction.requiringNew().call(() -> count(key, policy));
        }
    }

    /** Forgets the failures of {@code subject} (a successful sign-in). */
    public void clear(String subject) {
        String key = subject(subject);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("delete from throttle where subject = :s")
                .setParameter("s", key).executeUpdate());
    }

    private Duration count(String key, Policy policy) {
        Instant now = clock.instant();
        // One atomic statement counts (and starts a new window when the old one has passed); it also locks the row
        // until this transaction ends, so concurrent failures on other replicas are counted one after the other.
        int updated = em.createNativeQuery("update throttle set "
                        + "failures = case when window_start <= :expired then 1 else failures + 1 end, "
                        + "window_start = case when window_start <= :expired then :now else window_start end where subject = :s")
                .setParameter("expired", now.minus(policy.window())).setParameter("now", now).setParameter("s", key)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("insert into throttle (subject, failures, window_start) values (:s, 1, :now)")
                    .setParameter("s", key).setParameter("now", now).executeUpdate();
            em.flush();
        }
        int failures = ((Number) em.createNativeQuery("select failures from throttle where subject = :s")
                .setParameter("s", key).getSingleResult()).intValue();
        Duration wait = policy.waitAfter(failures);
        if (!wait.isZero()) {
            em.createNativeQuery("update throttle set blocked_until = :until where subject = :s")
                    .setParameter("until", now.plus(wait)).setParameter("s", key).executeUpdate();
        }
        return wait;
    }

    /** Rows whose window and block have both passed count for nothing: drop them, so that junk subjects do not pile up. */
    @Scheduled(every = "10m", delayed = "1m", skipExecutionIf = WhileStarted.class)
    void purge() {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "delete from throttle where window_start < :cutoff and (blocked_until is null or blocked_until < :cutoff)")
                .setParameter("cutoff", cutoff).executeUpdate());
    }

    private static String subject(String subject) {
        return subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
    }
}
