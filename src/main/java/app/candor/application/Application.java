package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.requisition.Requisition;
import app.candor.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrimaryKeyJoinColumn;
import jakarta.persistence.SecondaryTable;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SecondaryRow;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A candidate in a requisition: where they stand and by when they were promised a decision. Its closure watch's sweep
 * part is in the secondary table closure_watch ({@link WatchedPromise}). Because of that table Hibernate would run any
 * JPQL bulk update of applications through a temporary table of ids (three statements, whatever columns it sets), so
 * the bulk updates of applications are native SQL, each one incrementing the version as a versioned update does.
 */
@Entity
@SecondaryTable(name = ClosureWatch.WATCH_TABLE, pkJoinColumns = @PrimaryKeyJoinColumn(name = "application_id"))
@SecondaryRow(table = ClosureWatch.WATCH_TABLE, optional = true) // a row only while the watch is open (ClosureWatch.sync)
public class Application extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_seq")
    @SequenceGenerator(name = "application_seq", sequenceName = "application_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "requisition_id", nullable = false)
    public Requisition requisition;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "candidate_id", nullable = false)
    public Candidate candidate;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Stage stage = Stage.APPLIED;

    @Column(name = "stage_entered_at", nullable = false)
    public Instant stageEnteredAt;

    /** The date the candidate was told to expect a decision by; null once the application is closed. */
    @Column(name = "promised_decision_date")
    public LocalDate promisedDecisionDate;

    /**
     * The recruiter of the requisition, copied here (and updated with the requisition) so that a
     * recruiter's closure board is served by one index (see V11).
     */
    @Column(name = "recruiter_id")
    public Long recruiterId;

    /** Whether the candidate has been told a final answer, and by when they were promised one: written only by its own rules. */
    @Embedded
    public ClosureWatch closure = new ClosureWatch(this);

    /** The sweep's part of an OPEN watch, in closure_watch (V26); null otherwise. Kept in step by {@link ClosureWatch} alone. */
    @Embedded
    private WatchedPromise watched;

    /** When the oldest chaser still waiting for an answer came in; null when none is waiting. */
    @Column(name = "chased_at")
    public Instant chasedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    /**
     * A new promised date for the candidate (null for a closing stage, which keeps the last promise in the
     * closure watch until they are told).
     */
    public void promise(LocalDate date, LocalDate today) {
        promisedDecisionDate = date;
        closure.promise(date, today);
    }

    /**
     * The ids of the requisition's suspended applications, oldest first: {@code inPipeline} those still
     * in a pipeline stage (they get a fresh promise when the role reopens), else the closed-stage ones
     * (a closing letter still on its way).
     */
    public static List<Long> listSuspendedIds(Requisition requisition, boolean inPipeline) {
        return getEntityManager().createQuery("select a.id from Application a where a.requisition = ?1 and a.closure.state = ?2"
                        + " and a.stage " + (inPipeline ? "in" : "not in") + " ?3 order by a.createdAt, a.id", Long.class)
                .setParameter(1, requisition).setParameter(2, ClosureState.SUSPENDED).setParameter(3, Stage.pipeline())
                .getResultList();
    }

    /** How many of the requisition's applications are paused in the pipeline (those a reopening writes to). */
    public static long countSuspendedInPipeline(long requisitionId) {
        return count("requisition.id = ?1 and closure.state = ?2 and stage in ?3", requisitionId, ClosureState.SUSPENDED, Stage.pipeline());
    }

    /** The ids of the requisition's applications still in the pipeline (not closed), oldest first. */
    public static List<Long> listOpenIdsByRequisition(Requisition requisition) {
        return getEntityManager().createQuery("select a.id from Application a where a.requisition = ?1 and a.stage in ?2"
                        + " order by a.createdAt, a.id", Long.class)
                .setParameter(1, requisition).setParameter(2, Stage.pipeline())
                .getResultList();
    }

    /** The application if it exists and its requisition is visible to {@code viewer}. */
    public static Optional<Application> findVisible(long id, User viewer) {
        return Application.<Application>find(
                        "select a from Application a join fetch a.requisition r join fetch a.candidate where a.id = ?1", id)
                .firstResultOptional()
                .filter(a -> a.requisition.isVisibleTo(viewer));
    }

    /**
     * The most recent applications of candidates writing in {@code language} that {@code viewer} may see (as
     * {@link Requisition#isVisibleTo}: recruiters all, hiring managers their requisitions', others none), the last added
     * first: by id, which a moved business clock (tests, demo) does not reorder.
     */
    public static List<Application> listRecentVisible(User viewer, String language, int max) {
        String select = "select a from Application a join fetch a.candidate c join fetch a.requisition r where c.language = ?1";
        String order = " order by a.id desc";
        if (viewer.seesAllRequisitions()) {
            return find(select + order, language).page(0, max).list();
        }
        if (viewer.isHiringManager()) {
            return find(select + " and r.hiringManager = ?2" + order, language, viewer).page(0, max).list();
        }
        return List.of();
    }

    public static List<Application> listByRequisition(Requisition requisition) {
        return find("select a from Application a join fetch a.candidate where a.requisition = ?1 "
                + "order by a.stageEnteredAt, a.id", requisition).list();
    }

    public static List<Application> listByCandidate(Candidate candidate) {
        return find("select a from Application a join fetch a.requisition where a.candidate = ?1 order by a.createdAt desc, a.id desc",
                candidate).list();
    }

    /** Open (not yet decided) applications per requisition id, in one query. */
    public static Map<Long, Long> countOpenByRequisition() {
        Map<Long, Long> counts = new HashMap<>();
        getEntityManager().createQuery("select a.requisition.id, count(a) from Application a where a.stage in ?1 group by a.requisition.id",
                        Object[].class)
                .setParameter(1, Stage.pipeline())
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }


    public static boolean exists(Requisition requisition, Candidate candidate) {
        return count("requisition = ?1 and candidate = ?2", requisition, candidate) > 0;
    }

    /**
     * Serialises the closing steps on one application: taken first in the transaction, so that a second submit of the
     * same step (a double click, two tabs) waits for the first to commit and is then refused by the same check as a
     * later resubmit ("already recorded"), instead of failing at commit with an optimistic-lock conflict that tells
     * the recruiter nothing. Held only for the (short) transaction.
     */
    public static void lockForUpdate(long id) {
        // The application's row only, natively: Hibernate 7.2's find with PESSIMISTIC_WRITE fails on this entity ("Injection
        // of parent instance into embeddable result is not possible": the lock's result graph gives ClosureWatch's @Parent
        // no owner). The callers load the application after this, so they read it as it is once locked.
        getEntityManager().createNativeQuery("select id from application where id = ?1 for update").setParameter(1, id).getResultList();
    }

    WatchedPromise watched() {
        return watched;
    }

    /** Set here, not by another class: Hibernate's enhancement tracks a change when the entity writes its own field. */
    void watched(WatchedPromise watched) {
        this.watched = watched;
    }

    /** As {@link #lockForUpdate}, for an application already loaded: locked, then read afresh. */
    public static void refreshLocked(Application a) {
        lockForUpdate(a.id);
        getEntityManager().refresh(a);
    }
}
