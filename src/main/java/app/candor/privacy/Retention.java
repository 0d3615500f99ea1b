package app.candor.privacy;

import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.WhileStarted;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Retention: a candidate whose applications were all closed (told a final answer, in a final stage) longer than
 * {@code candor.privacy.retention} ago, with nothing still on its way to them, is anonymised ({@link Anonymiser}).
 * A candidate who never applied counts from when their record last changed.
 *
 * <p>Safe on several replicas: each candidate is taken by the conditional update of {@link Anonymiser#claim} with the
 * eligibility in its WHERE clause, in a transaction of its own; a second instance's update waits for the first one's
 * row lock and then matches nothing (as ClosureSweep's flags). Every run is logged in {@code privacy_run}: counts,
 * never who.
 */
@ApplicationScoped
public class Retention {

    /**
     * Eligible, on table {@code candidate} (?5 the cutoff): no application still open (in the pipeline, or not told
     * yet) or closed since the cutoff, no letter or call still pending, and either an application or an old record.
     */
    static final String ELIGIBLE = " and not exists (select 1 from application a where a.candidate_id = candidate.id"
            + " and (a.closure_state <> 'CLOSED' or a.stage in ('APPLIED', 'SCREENING', 'INTERVIEW', 'FINAL_INTERVIEW', 'OFFER')"
            + " or coalesce(a.closed_at, a.updated_at) >= ?5))"
            + " and not exists (select 1 from message m where m.candidate_id = candidate.id and m.state in ('QUEUED', 'SCHEDULED', 'CALL_PENDING'))"
            + " and (exists (select 1 from application a where a.candidate_id = candidate.id) or candidate.updated_at < ?5)";

    /**
     * The candidates the next run would anonymise (?1 the cutoff, ?2 after this id, ?3 how many at most), by id. The same
     * rule as the claim's, renumbered (Hibernate wants ordinal parameters from ?1 without gaps).
     */
    static final String DUE_SQL = "select candidate.id from candidate where candidate.anonymised_at is null and candidate.id > ?2"
            + ELIGIBLE.replace("?5", "?1") + " order by candidate.id limit ?3";

    static final String RECORD_RUN_SQL = "insert into privacy_run (id, started_at, finished_at, cutoff, candidates, applications, messages,"
            + " instance) values (nextval('privacy_run_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7)";

    /** Candidates looked at per round: the run goes on round after round until none is left. */
    static final int ROUND = 200;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    @Inject
    Anonymiser anonymiser;

    @Inject
    EntityManager em;

    private final String instance = "retention-" + UUID.randomUUID().toString().substring(0, 8);

    /** One run: how many candidates (and their applications and messages) it anonymised. */
    public record Run(Instant at, Instant cutoff, int candidates, int applications, int messages) {
    }

    /** One candidate the next run would anonymise, for the dry run (names are still held, so the admin may see them). */
    public record Due(long candidateId, String name, long applications, Instant lastClosedAt) {
    }

    @Scheduled(every = "${candor.privacy.retention-every:1h}", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void scheduled() {
        run();
    }

    /** Closures before this instant are old enough: now, less the retention period, in the company's time zone. */
    public Instant cutoff() {
        return calendar.now().atZone(calendar.zone()).minus(config.privacy().retention()).toInstant();
    }

    /** Runs retention now (each candidate in a transaction of its own) and logs the run. */
    public Run run() {
        Instant started = calendar.now();
        Instant cutoff = cutoff();
        int candidates = 0;
        int applications = 0;
        int messages = 0;
        List<Long> due;
        long after = 0;
        do {
            due = due(cutoff, after);
            for (long id : due) {
                Anonymiser.Removed removed = QuarkusTransaction.requiringNew().call(() -> {
                    if (!anonymiser.claim(id, Anonymiser.Why.RETENTION, calendar.now(), ELIGIBLE, cutoff)) {
                        return null; // another instance took it, or it became active again
                    }
                    return anonymiser.scrub(id, calendar.now());
                });
                if (removed != null) {
                    candidates++;
                    applications += removed.applications();
                    messages += removed.messages();
                }
                after = id;
            }
        } while (due.size() == ROUND);
        Run run = new Run(started, cutoff, candidates, applications, messages);
        int c = candidates;
        int a = applications;
        int m = messages;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(RECORD_RUN_SQL).setParameter(1, started)
                .setParameter(2, calendar.now()).setParameter(3, cutoff).setParameter(4, c).setParameter(5, a).setParameter(6, m)
                .setParameter(7, instance).executeUpdate());
        if (candidates > 0) {
            Log.infof("Retention: %d candidate(s) anonymised (%d applications, %d messages), closed before %s", candidates, applications,
                    messages, cutoff);
        } else {
            Log.debugf("Retention: nothing closed before %s", cutoff);
        }
        return run;
    }

    private List<Long> due(Instant cutoff, long after) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> rows = em.createNativeQuery(DUE_SQL).setParameter(1, cutoff).setParameter(2, after).setParameter(3, ROUND)
                    .getResultList();
            List<Long> ids = new ArrayList<>(rows.size());
            rows.forEach(n -> ids.add(n.longValue()));
            return ids;
        });
    }

    /** The dry run: what the next run would anonymise, at most {@code limit}, and how many in all. */
    public DryRun dryRun(int limit) {
        Instant cutoff = cutoff();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery(DUE_SQL).setParameter(1, cutoff).setParameter(2, 0L).setParameter(3, Integer.MAX_VALUE)
                    .getResultList();
            List<Due> listed = new ArrayList<>();
            for (Number id : ids.subList(0, Math.min(limit, ids.size()))) {
                Object[] row = (Object[]) em.createNativeQuery("select c.first_name, c.last_name, (select count(*) from application a"
                                + " where a.candidate_id = c.id), (select max(coalesce(a.closed_at, a.updated_at)) from application a"
                                + " where a.candidate_id = c.id) from candidate c where c.id = ?1")
                        .setParameter(1, id.longValue()).getSingleResult();
                listed.add(new Due(id.longValue(), row[0] + " " + row[1], ((Number) row[2]).longValue(), toInstant(row[3])));
            }
            return new DryRun(calendar.now(), config.privacy().retention().toString(), cutoff, ids.size(), listed);
        });
    }

    /** What {@link #dryRun} found: the cutoff, how many in all, the first of them. */
    public record DryRun(Instant at, String retention, Instant cutoff, int total, List<Due> candidates) {
    }

    /** The last runs, newest first (counts only). */
    public List<Run> recentRuns(int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("select started_at, cutoff, candidates, applications, messages from privacy_run"
                    + " order by started_at desc, id desc limit ?1").setParameter(1, limit).getResultList();
            return rows.stream().map(r -> new Run(toInstant(r[0]), toInstant(r[1]), ((Number) r[2]).intValue(), ((Number) r[3]).intValue(),
                    ((Number) r[4]).intValue())).toList();
        });
    }

    static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
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
        throw new IllegalStateException("not a time: " + value.getClass().getSimpleName());
    }
}
