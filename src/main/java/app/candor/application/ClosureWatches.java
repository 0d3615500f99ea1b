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
 * its candidates watched again, a batch of delivered letters. Every statement is a versioned update, so
 * a recruiter's request that loaded one of these applications before fails at its commit instead of
 * writing the old closure state back.
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
        em().createQuery("update versioned Application a set a.closure.promiseLapsed = true where a.requisition = ?1"
                        + " and a.closure.state = ?2 and a.stage in ?3 and a.closure.due < ?4 and a.closure.promiseLapsed = false")
                .setParameter(1, requisition).setParameter(2, ClosureState.OPEN).setParameter(3, Stage.pipeline()).setParameter(4, today)
                .executeUpdate();
        return em().createQuery("update versioned Application a set a.closure.state = ?1, a.updatedAt = ?2"
                        + " where a.requisition = ?3 and a.closure.state = ?4 and a.stage in ?5")
                .setParameter(1, ClosureState.SUSPENDED).setParameter(2, at).setParameter(3, requisition)
                .setParameter(4, ClosureState.OPEN).setParameter(5, Stage.pipeline())
                .executeUpdate();
    }

    /**
     * Watched again without a new promise: the requisition's paused applications whose stage is one of
     * {@code stages} (a closed stage whose letter is still on its way when the role reopens; every paused
     * one when the role ends, since a pending notice is not a pause). Returns how many.
     */
    public static int resumeByRequisition(Requisition requisition, Collection<Stage> stages, Instant at) {
        return em().createQuery("update versioned Application a set a.closure.state = ?1, a.updatedAt = ?2,"
                        + " a.closure.flag = ?6, a.closure.dueSoonAt = null, a.closure.overdueAt = null"
                        + " where a.requisition = ?3 and a.closure.state = ?4 and a.stage in ?5")
                .setParameter(1, ClosureState.OPEN).setParameter(2, at).setParameter(3, requisition)
                .setParameter(4, ClosureState.SUSPENDED).setParameter(5, stages).setParameter(6, ClosureWatch.Flag.NONE)
                .executeUpdate();
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
        em().createQuery("update versioned Application a set a.closure.closedLate = ?1, a.closure.state = ?2, a.closure.closedAt = ?3,"
                        + " a.chasedAt = null where a.id in ?4 and a.closure.state <> ?2")
                .setParameter(1, late).setParameter(2, ClosureState.CLOSED).setParameter(3, at).setParameter(4, ids)
                .executeUpdate();
    }
}
