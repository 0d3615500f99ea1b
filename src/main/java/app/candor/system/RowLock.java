package app.candor.system;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.LockModeType;

/**
 * Serialises the closing steps on one application or requisition. Without it two submits of the
 * same step (a double click, two tabs) both pass the checks, and the loser only fails at commit
 * with an optimistic-lock conflict that tells the recruiter nothing about what happened. With the
 * row locked first, the second request waits for the first to commit and is then refused by the
 * same check as a later resubmit ("already recorded"). Taken before anything else is read, so the
 * checks see the committed state; held only for the (short) transaction.
 */
public final class RowLock {

    private RowLock() {
    }

    public static void application(long id) {
        Panache.getEntityManager().find(Application.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    public static void requisition(long id) {
        Panache.getEntityManager().find(Requisition.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
}
