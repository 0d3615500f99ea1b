package app.candor.application;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The application rows of a role's end (filled or cancelled), written set-based. The bulk path loads the
 * role's applications read-only and moves each one in memory with {@link ApplicationService#applyInBulk}
 * (the one rule for a move: its checks, its history row, its event); Hibernate then neither dirty-checks
 * nor updates them one statement each. This writes what such a move changed: the stage, when it was
 * entered, the promised date (none: the stage closes) and an answered chaser, with a version check like
 * the entity update's. Nothing else may have changed on them: a move to REJECTED or ROLE_CLOSED without a
 * told record leaves the closure watch alone (it closes when the letter is sent), which is why only those
 * two stages are accepted.
 */
public final class RoleEndMoves {

    private RoleEndMoves() {
    }

    /** What one statement writes: the applications with the same new values and the same loaded version. */
    private record Group(Stage stage, LocalDate promise, Instant chasedAt, int version) {
    }

    /**
     * Writes the applications' in-memory stage, stage entry time, promised date, chaser time and updated time,
     * one versioned UPDATE per group of equal values (usually one per chunk). Each group's stage entry and update
     * time is its latest (the moves of one chunk are microseconds apart; their history rows keep their own).
     * A row changed by someone else since it was loaded fails the transaction, as the entity update would.
     */
    public static void write(Collection<Application> moved) {
        Map<Group, List<Application>> groups = new LinkedHashMap<>();
        for (Application a : moved) {
            if (a.stage != Stage.REJECTED && a.stage != Stage.ROLE_CLOSED) {
                throw new IllegalArgumentException("Application " + a.id + " is in " + a.stage + ": only a role's end (REJECTED, "
                        + "ROLE_CLOSED) is written here; any other move may change its closure watch");
            }
            groups.computeIfAbsent(new Group(a.stage, a.promisedDecisionDate, a.chasedAt, a.version), g -> new ArrayList<>()).add(a);
        }
        groups.forEach((group, applications) -> {
            List<Long> ids = new ArrayList<>(applications.size());
            Instant entered = null;
            Instant updated = null;
            for (Application a : applications) {
                ids.add(a.id);
                entered = entered == null || a.stageEnteredAt.isAfter(entered) ? a.stageEnteredAt : entered;
                updated = updated == null || a.updatedAt.isAfter(updated) ? a.updatedAt : updated;
            }
            // Native SQL, as every bulk update of applications (Application says why); typed, for the nulls.
            int written = Application.getEntityManager().createNativeQuery("update application set stage = ?1, stage_entered_at = ?2,"
                            + " promised_decision_date = ?3, chased_at = ?4, updated_at = ?5, version = version + 1"
                            + " where id in (?6) and version = ?7")
                    .unwrap(NativeQuery.class)
                    .setParameter(1, group.stage().name()).setParameter(2, entered, Instant.class)
                    .setParameter(3, group.promise(), LocalDate.class).setParameter(4, group.chasedAt(), Instant.class)
                    .setParameter(5, updated, Instant.class).setParameter(6, ids).setParameter(7, group.version())
                    .executeUpdate();
            if (written != ids.size()) {
                throw new OptimisticLockException("Of " + ids.size() + " applications closed with the role, " + (ids.size() - written)
                        + " changed meanwhile (applications " + ids.get(0) + " … " + ids.get(ids.size() - 1) + ")");
            }
        });
    }
}
