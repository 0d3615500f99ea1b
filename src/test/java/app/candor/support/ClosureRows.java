package app.candor.support;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import jakarta.persistence.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * A test's shortcut to a closure watch the API would not produce (a promise in the past, a state set directly), written
 * as ClosureWatch keeps it: the application's columns and the sweep's closure_watch row (one per OPEN watch, with its
 * promise) in step. In the caller's transaction; each returns how many applications it changed.
 */
public final class ClosureRows {

    private ClosureRows() {
    }

    public static int due(LocalDate due, long id) {
        return due(due, List.of(id));
    }

    public static int due(LocalDate due, Collection<Long> ids) {
        run("update closure_watch set due = ?1 where application_id in (?2)", due, ids);
        return run("update application set closure_due = ?1 where id in (?2)", due, ids);
    }

    public static int dueForRequisition(LocalDate due, long requisitionId) {
        run("update closure_watch set due = ?1 where application_id in (select id from application where requisition_id = ?2)",
                due, requisitionId);
        return run("update application set closure_due = ?1 where requisition_id = ?2", due, requisitionId);
    }

    public static int state(ClosureState state, long id) {
        int changed = run("update application set closure_state = ?1 where id = ?2", state.name(), id);
        if (state != ClosureState.OPEN) {
            run("delete from closure_watch where application_id = ?1", id);
            return changed;
        }
        run("insert into closure_watch (application_id, due, flag) select id, closure_due, 0 from application a"
                + " where a.id = ?1 and a.closure_state = 'OPEN' and not exists (select 1 from closure_watch w where w.application_id = a.id)", id);
        return changed;
    }

    private static int run(String sql, Object... parameters) {
        Query query = Application.getEntityManager().createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.executeUpdate();
    }
}
