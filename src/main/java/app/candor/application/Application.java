package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.requisition.Requisition;
import app.candor.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A candidate in a requisition: where they stand and by when they were promised a decision. */
@Entity
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

    /** Whether the candidate has been told a final answer (see {@link ClosureState}). */
    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "closure_state", nullable = false, length = 10)
    public ClosureState closureState = ClosureState.OPEN;

    /**
     * The last promised decision date. Unlike {@link #promisedDecisionDate} it stays when the stage
     * closes: a rejection recorded but not yet told still owes the candidate an answer by this date.
     */
    @Column(name = "closure_due")
    public LocalDate closureDue;

    /** What the closure sweep has noticed about the current promise: 0 nothing, 1 due soon, 2 overdue. */
    @Column(name = "closure_flag", nullable = false)
    public short closureFlag;

    @Column(name = "due_soon_at")
    public Instant dueSoonAt;

    @Column(name = "overdue_at")
    public Instant overdueAt;

    /** A promise passed while the application was open: closing it later is closing it late, even after a new date. */
    @Column(name = "promise_lapsed", nullable = false)
    public boolean promiseLapsed;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_late")
    public Boolean closedLate;

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
     * A new promised date. Moving the promise before it lapses renegotiates it (it stays kept); once it
     * has passed with the application open, the application stays late whatever date follows. The
     * sweep's flags belong to the old promise and are cleared. A null date (a closing stage) keeps the
     * last promise: the candidate is owed the answer by it until they are told.
     */
    public void promise(LocalDate date, LocalDate today) {
        promisedDecisionDate = date;
        if (date == null || date.equals(closureDue)) {
            return;
        }
        if (closureState == ClosureState.OPEN && closureDue != null && today.isAfter(closureDue)) {
            promiseLapsed = true;
        }
        closureDue = date;
        closureFlag = 0;
        dueSoonAt = null;
        overdueAt = null;
    }

    /** The candidate has been told a final answer (for an application loaded in this transaction). */
    public void close(Instant at, LocalDate day) {
        if (closureState == ClosureState.CLOSED) {
            return;
        }
        closedLate = promiseLapsed || (closureState == ClosureState.OPEN && closureDue != null && day.isAfter(closureDue));
        closureState = ClosureState.CLOSED;
        closedAt = at;
        chasedAt = null;
    }

    /**
     * The role is on again after a hold: the promise is watched again from today. Call after setting the
     * fresh promise (while still SUSPENDED, so the pause does not count as a lapse). The sweep's flags
     * are cleared even if the new date happens to equal the old one; a promise that had lapsed before
     * the hold stays lapsed.
     */
    public void resumeWatch() {
        if (closureState != ClosureState.SUSPENDED) {
            return;
        }
        closureState = ClosureState.OPEN;
        closureFlag = 0;
        dueSoonAt = null;
        overdueAt = null;
    }

    /**
     * A role put on hold: its applications still in the pipeline whose promise is watched pause it
     * (SUSPENDED), in one update. Versioned, so a recruiter's concurrent edit of one of them fails
     * instead of writing the old state back. Returns how many.
     */
    public static int suspendByRequisition(Requisition requisition, Instant at) {
        return getEntityManager().createQuery("update versioned Application a set a.closureState = ?1, a.updatedAt = ?2"
                        + " where a.requisition = ?3 and a.closureState = ?4 and a.stage in ?5")
                .setParameter(1, ClosureState.SUSPENDED).setParameter(2, at).setParameter(3, requisition)
                .setParameter(4, ClosureState.OPEN).setParameter(5, Stage.pipeline())
                .executeUpdate();
    }

    /**
     * The ids of the requisition's suspended applications, oldest first: {@code inPipeline} those still
     * in a pipeline stage (they get a fresh promise when the role reopens), else the closed-stage ones
     * (a closing letter still on its way).
     */
    public static List<Long> listSuspendedIds(Requisition requisition, boolean inPipeline) {
        return getEntityManager().createQuery("select a.id from Application a where a.requisition = ?1 and a.closureState = ?2"
                        + " and a.stage " + (inPipeline ? "in" : "not in") + " ?3 order by a.createdAt, a.id", Long.class)
                .setParameter(1, requisition).setParameter(2, ClosureState.SUSPENDED).setParameter(3, Stage.pipeline())
                .getResultList();
    }

    /**
     * Back to OPEN without a new promise, in one versioned update: suspended applications whose stage
     * already closed (a rejection recorded during the hold, its letter not yet sent). Returns how many.
     */
    public static int resumeClosedStages(Requisition requisition, Instant at) {
        return getEntityManager().createQuery("update versioned Application a set a.closureState = ?1, a.updatedAt = ?2,"
                        + " a.closureFlag = 0, a.dueSoonAt = null, a.overdueAt = null"
                        + " where a.requisition = ?3 and a.closureState = ?4 and a.stage not in ?5")
                .setParameter(1, ClosureState.OPEN).setParameter(2, at).setParameter(3, requisition)
                .setParameter(4, ClosureState.SUSPENDED).setParameter(5, Stage.pipeline())
                .executeUpdate();
    }

    /** How many of the requisition's applications are paused in the pipeline (those a reopening writes to). */
    public static long countSuspendedInPipeline(long requisitionId) {
        return count("requisition.id = ?1 and closureState = ?2 and stage in ?3", requisitionId, ClosureState.SUSPENDED, Stage.pipeline());
    }

    /** The ids of the requisition's applications still in the pipeline (not closed), oldest first. */
    public static List<Long> listOpenIdsByRequisition(Requisition requisition) {
        return getEntityManager().createQuery("select a.id from Application a where a.requisition = ?1 and a.stage in ?2"
                        + " order by a.createdAt, a.id", Long.class)
                .setParameter(1, requisition).setParameter(2, Stage.pipeline())
                .getResultList();
    }

    /**
     * As {@link #close}, for applications not loaded (the dispatcher recording a batch of deliveries): one
     * conditional update that never fails on a concurrent edit (a failed record would mean sending again).
     * It bumps the version, so a recruiter's request that loaded an application before it fails at its own
     * commit instead of writing the old closure state back. Returns the ids it closed (those not closed
     * already), found first by the same condition.
     */
    public static List<Long> closeAllById(java.util.Collection<Long> ids, Instant at, LocalDate day) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> open = getEntityManager().createQuery("select a.id from Application a where a.id in ?1 and a.closureState <> ?2"
                        + " order by a.id", Long.class)
                .setParameter(1, ids).setParameter(2, ClosureState.CLOSED).getResultList();
        if (open.isEmpty()) {
            return open;
        }
        getEntityManager().createQuery("update versioned Application set"
                        + " closedLate = (case when promiseLapsed = true or (closureState = ?3 and closureDue < ?2) then true else false end),"
                        + " closureState = ?4, closedAt = ?1, chasedAt = null where id in ?5 and closureState <> ?4")
                .setParameter(1, at).setParameter(2, day).setParameter(3, ClosureState.OPEN).setParameter(4, ClosureState.CLOSED)
                .setParameter(5, open).executeUpdate();
        return open;
    }

    /** The application if it exists and its requisition is visible to {@code viewer}. */
    public static Optional<Application> findVisible(long id, User viewer) {
        return Application.<Application>find(
                        "select a from Application a join fetch a.requisition r join fetch a.candidate where a.id = ?1", id)
                .firstResultOptional()
                .filter(a -> a.requisition.isVisibleTo(viewer));
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
    public static java.util.Map<Long, Long> countOpenByRequisition() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
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
}
