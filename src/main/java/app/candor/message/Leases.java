package app.candor.message;

import app.candor.system.CandorConfig;
import app.candor.system.TableStatistics;
import io.quarkus.datasource.common.runtime.DatabaseKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * This instance's leases on the outbox: a claimed message carries its owner and an expiry, so that several app
 * instances never send the same message, and one whose sender died is taken over once its lease has run out.
 * <p>
 * A lease is live while {@code lease_until > now} ({@link #holds}, {@link #renew}, an edit's check) and has run out
 * from {@code lease_until <= now} on (the claims here, in SQL; {@link Message#LEASE_RUN_OUT_AT_4} and
 * {@link Message#leaseRunOut} for what Supersession, Message.lockStoppable and a withdrawal may stop): never both at
 * once, and never neither. With {@code < now} for "run out", a letter whose lease ended at the
 * very instant a newer one was written was not this dispatcher's to send any more, nor stale enough to cancel; it went
 * out after the newer letter (ClosureModelTest, on a loaded machine, where the test's clock stands still between steps).
 */
@ApplicationScoped
public class Leases {

    /**
     * Due, unclaimed messages, for the databases that claim one row at a time ({@link #CLAIM_SQL}, whose condition is
     * what makes a claim exclusive; H2 has no SKIP LOCKED). PostgreSQL claims a batch in one statement instead,
     * {@link #CLAIM_DUE_SQL}.
     */
    public static final String DUE_SQL = "select id from message where state in ('QUEUED', 'SCHEDULED') and due_at <= ?1"
            + " and (lease_until is null or lease_until <= ?1) order by due_at, id limit ?2";
    /** PostgreSQL: concurrent dispatchers pass each other's locked rows by instead of waiting for them. */
    private static final String SKIP_LOCKED = " for update skip locked";
    /**
     * H2 reads {@link #DUE_SQL} through ix_message_due (state, due_at): every due message, sorted, for each claim.
     * In due order it reads the first rows and stops, as PostgreSQL does by itself (V12__postgres_indexes.sql).
     */
    static final String H2_DUE_SQL = DUE_SQL.replace(" from message ", " from message use index (ix_message_due_order) ");
    /**
     * Takes one due message for this instance (?1 owner, ?2 lease until, ?3 id, ?4 now), only while nobody else
     * holds it. The version bump makes a concurrent edit or cancel of this message fail instead of racing the send.
     * For the databases that claim one row at a time (H2); PostgreSQL claims with {@link #CLAIM_DUE_SQL}.
     */
    public static final String CLAIM_SQL = "update message set lease_owner = ?1, lease_until = ?2, version = version + 1"
            + " where id = ?3 and state in ('QUEUED', 'SCHEDULED') and (lease_until is null or lease_until <= ?4)";

    /**
     * PostgreSQL: the due messages claimed in one statement (?1 owner, ?2 lease until, ?3 now, ?4 batch size), their
     * ids returned; one round trip a batch instead of one a message. The select's row locks (SKIP LOCKED) keep
     * concurrent dispatchers apart. MATERIALIZED: the batch is chosen once. As {@code where id in (select ... limit
     * ...)} PostgreSQL may run the select again for each row it updates, each time finding the next rows still
     * unleased, and one claim took them all (PostgresMigrationTest).
     * <p>
     * The select finds them by due time alone, which only a queued or scheduled message has (sending, failing and
     * cancelling clear it); the update still leases only those. Given the state there, PostgreSQL chose ix_message_due
     * (state, due_at), fetched every due message and sorted them all for each batch, whenever its statistics said few
     * were due (right after a bulk enqueue, until ANALYZE): QueryPlansPostgresTest, docs/benchmarks-history.md. By due time
     * alone it reads ix_message_due_order in due order and stops at the batch, as H2 is told to with its hint.
     * <p>
     * The state is checked on the row the select locked ({@code due.state}: locked, it is the row the update writes),
     * not as {@code m.state}: on the updated table, the same stale statistics made PostgreSQL find the batch's rows
     * through ix_message_due as well, reading every queued message's row for each batch (10 ms a claim with 10 000
     * queued) instead of the batch's by primary key.
     */
    public static final String CLAIM_DUE_SQL = "with due as materialized (select id, state from message where due_at <= ?3"
            + " and (lease_until is null or lease_until <= ?3) order by due_at, id limit ?4" + SKIP_LOCKED + ")"
            + " update message m set lease_owner = ?1, lease_until = ?2, version = m.version + 1 from due where m.id = due.id"
            + " and due.state in ('QUEUED', 'SCHEDULED') returning m.id";

    private static final List<MessageState> CLAIMABLE = List.of(MessageState.QUEUED, MessageState.SCHEDULED);

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    TableStatistics statistics;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    private final String owner = newOwner();

    /** The lease owner written on the messages this instance claims. */
    String owner() {
        return owner;
    }

    /**
     * The lease owner written on claimed messages: the host (the pod's name on Kubernetes) and the process
     * id, so that an operator can tell who holds a message, and a random part, unique per start.
     */
    static String newOwner() {
        // HOSTNAME only (set in every container): resolving the local host name can hang on a badly configured resolver.
        String host = System.getenv().getOrDefault("HOSTNAME", "").replaceAll("[^A-Za-z0-9._-]", "");
        if (host.isBlank()) {
            host = "dispatcher";
        }
        String suffix = "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
        // lease_owner is varchar(64)
        return (host.length() > 64 - suffix.length() ? host.substring(0, 64 - suffix.length()) : host) + suffix;
    }

    /** Claims a batch of due messages ({@code candor.mail.batch-size} at most) in its own transaction; returns their ids. */
    List<Long> claim() {
        Instant now = clock.instant();
        Instant until = now.plus(config.mail().lease());
        return QuarkusTransaction.requiringNew().call(() -> {
            if (DatabaseKind.isPostgreSQL(dbKind)) {
                statistics.keepCurrent("message"); // before the claim is planned
                @SuppressWarnings("unchecked")
                List<Number> claimed = em.createNativeQuery(CLAIM_DUE_SQL).setParameter(1, owner).setParameter(2, until)
                        .setParameter(3, now).setParameter(4, config.mail().batchSize()).getResultList();
                return claimed.stream().map(Number::longValue).toList(); // in no order: the window sends in due order
            }
            String sql = DatabaseKind.isH2(dbKind) ? H2_DUE_SQL : DUE_SQL;
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery(sql).setParameter(1, now).setParameter(2, config.mail().batchSize()).getResultList();
            List<Long> claimed = new ArrayList<>();
            for (Number id : due) {
                int updated = em.createNativeQuery(CLAIM_SQL).setParameter(1, owner).setParameter(2, until)
                        .setParameter(3, id.longValue()).setParameter(4, now).executeUpdate();
                if (updated == 1) {
                    claimed.add(id.longValue());
                }
            }
            return claimed;
        });
    }

    /**
     * Extends the leases on {@code ids} that are still this instance's (in the caller's transaction); returns how
     * many. A lease that already ran out may belong to someone else by now: it is not renewed.
     */
    int renew(List<Long> ids, Instant now) {
        return em.createQuery("update Message m set m.leaseUntil = ?1"
                        + " where m.id in ?2 and m.leaseOwner = ?3 and m.leaseUntil > ?4 and m.state in ?5")
                .setParameter(1, now.plus(config.mail().lease())).setParameter(2, ids).setParameter(3, owner)
                .setParameter(4, now).setParameter(5, CLAIMABLE)
                .executeUpdate();
    }

    /** Whether this instance holds {@code m}'s lease at {@code now}, and it is still to be sent: what {@link #renew} renews. */
    boolean holds(Message m, Instant now) {
        return owner.equals(m.leaseOwner) && !m.leaseRunOut(now) && CLAIMABLE.contains(m.state);
    }

    /**
     * {@link #renew}, then which of {@code ids} this instance still holds (in the caller's transaction): read by primary
     * key and checked with {@link #holds}, as the window's read is (DeliveryWindow, which says why).
     */
    List<Long> renewHeld(List<Long> ids, Instant now) {
        renew(ids, now);
        return em.createQuery("select m from Message m where m.id in ?1", Message.class)
                .setParameter(1, ids).setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList().stream().filter(m -> holds(m, now)).map(m -> m.id).toList();
    }

    /**
     * Gives back the messages this instance claimed and did not send (only called once the dispatcher's thread has
     * stopped, so none of them is in flight): no lease, due as before, for whichever instance claims next.
     */
    int release() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("update Message m set m.leaseOwner = null, m.leaseUntil = null"
                        + " where m.leaseOwner = ?1 and m.state in ?2")
                .setParameter(1, owner).setParameter(2, CLAIMABLE)
                .executeUpdate());
    }
}
