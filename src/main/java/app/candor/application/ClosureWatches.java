package app.candor.application;

import app.candor.requisition.Requisition;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * {@link ClosureWatch}'s rules for many applications at once, as set-based statements: a role's hold,
 * its candidates watched again, a batch of delivered letters. Native SQL, as every bulk update of applications
 * ({@link Application} says why). Every statement on application increments the version, so a recruiter's request
 * that loaded one of these applications before fails at its commit instead of writing the old closure state back.
 * Each change of state then puts the applications' closure_watch rows in step
 * (a row per OPEN watch, as {@link ClosureWatch}'s sync keeps it), in the same transaction, reading the state the
 * update left: the application rows are locked by then, so no concurrent change comes between the two statements.
 * (A role's bulk steps also hold its requisition's lock.)
 */
public final class ClosureWatches {

    private ClosureWatches() {
    }

    private static EntityManager em() {
        return Application.getEntityManager();
    }

    /**
     * A role put on hold: its open applications still in the pipeline pause their promise. One whose promise
     * has already passed lapsed before the pause (as the sweep would have recorded), whether or not the sweep
     * has run since. Returns how many were paused.
     */
    public static int suspendByRequisition(Requisition requisition, Instant at, LocalDate today) {
        List<String> pipeline = stageNames(Stage.pipeline());
        em().createNativeQuery("update application set promise_lapsed = true, version = version + 1 where requisition_id = ?1"
                        + " and closure_state = 'OPEN' and stage in (?2) and closure_due < ?3 and promise_lapsed = false")
                .setParameter(1, requisition.id).setParameter(2, pipeline).setParameter(3, today)
                .executeUpdate();
        int paused = em().createNativeQuery("update application set closure_state = 'SUSPENDED', updated_at = ?1, version = version + 1"
                        + " where requisition_id = ?2 and closure_state = 'OPEN' and stage in (?3)")
                .setParameter(1, at).setParameter(2, requisition.id).setParameter(3, pipeline)
                .executeUpdate();
        em().createNativeQuery("delete from closure_watch where application_id in (select a.id from application a"
                        + " where a.requisition_id = ?1 and a.closure_state = 'SUSPENDED')")
                .setParameter(1, requisition.id)
                .executeUpdate();
        return paused;
    }

    /**
     * Watched again without a new promise: the requisition's paused applications whose stage is one of
     * {@code stages} (a closed stage whose letter is still on its way when the role reopens; every paused
     * one when the role ends, since a pending notice is not a pause). Returns how many.
     */
    public static int resumeByRequisition(Requisition requisition, Collection<Stage> stages, Instant at) {
        if (stages.isEmpty()) {
            return 0;
        }
        List<String> names = stageNames(stages);
        int resumed = em().createNativeQuery("update application set closure_state = 'OPEN', updated_at = ?1, version = version + 1"
                        + " where requisition_id = ?2 and closure_state = 'SUSPENDED' and stage in (?3)")
                .setParameter(1, at).setParameter(2, requisition.id).setParameter(3, names)
                .executeUpdate();
        // Watched from no flag: a paused watch has no row, so the flags of before the pause are gone (ClosureWatch#resume).
        em().createNativeQuery("insert into closure_watch (application_id, due, flag) select a.id, a.closure_due, 0 from application a"
                        + " where a.requisition_id = ?1 and a.closure_state = 'OPEN'"
                        + " and not exists (select 1 from closure_watch w where w.application_id = a.id)")
                .setParameter(1, requisition.id)
                .executeUpdate();
        return resumed;
    }

    /**
     * As {@link ClosureWatch#told}, for applications not loaded (the dispatcher recording a batch of
     * deliveries): reads each one's watch, decides on time or late with {@link ClosureWatch#late}, and
     * closes them in (at most) two conditional updates that never fail on a concurrent edit (a failed
     * record would mean sending again). Returns the ids it closed (those not closed already).
     */
    public static List<Long> toldAll(Collection<Long> ids, Instant at, LocalDate day) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object[]> rows = em().createQuery("select a.id, a.closure.state, a.closure.due, a.closure.promiseLapsed from Application a"
                        + " where a.id in ?1 and a.closure.state <> ?2 order by a.id", Object[].class)
                .setParameter(1, ids).setParameter(2, ClosureState.CLOSED).getResultList();
        List<Long> late = new ArrayList<>();
        List<Long> onTime = new ArrayList<>();
        for (Object[] row : rows) {
            boolean isLate = ClosureWatch.late((ClosureState) row[1], (LocalDate) row[2], (Boolean) row[3], day);
            (isLate ? late : onTime).add((Long) row[0]);
        }
        close(late, true, at);
        close(onTime, false, at);
        List<Long> closed = new ArrayList<>(late);
        closed.addAll(onTime);
        closed.sort(null);
        return closed;
    }

    private static void close(List<Long> ids, boolean late, Instant at) {
        if (ids.isEmpty()) {
            return;
        }
        // Closing late records the lapse, as ClosureWatch#told does (the sweep's overdue flag goes with the row).
        em().createNativeQuery("update application set closed_late = ?1, closure_state = 'CLOSED', closed_at = ?2, chased_at = null,"
                        + " promise_lapsed = " + (late ? "true" : "promise_lapsed") + ", version = version + 1"
                        + " where id in (?3) and closure_state <> 'CLOSED'")
                .setParameter(1, late).setParameter(2, at).setParameter(3, ids)
                .executeUpdate();
        em().createNativeQuery("delete from closure_watch where application_id in (?1)"
                        + " and application_id in (select id from application where id in (?1) and closure_state = 'CLOSED')")
                .setParameter(1, ids).executeUpdate();
    }

    private static List<String> stageNames(Collection<Stage> stages) {
        return stages.stream().map(Stage::name).toList();
    }
}
