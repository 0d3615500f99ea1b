package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatus;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.persistence.TupleElement;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application rows a role's end writes, column by column, read inside the status change's own transaction
 * (before the dispatcher can send a letter and close anything): each concerned application changes exactly the
 * columns a closing move changes (stage, when it entered it, the promised date, the answered chaser, the version),
 * and every other column keeps its value, whatever its closure watch held (a lapsed promise flagged overdue, a
 * chaser waiting, a hold). Those left alone are untouched. Written before the role's applications were closed
 * with set-based statements instead of entity updates, and passed on both.
 */
@QuarkusTest
class RoleEndRowsTest {

    @Inject
    TestData data;

    @Inject
    ApplicationService applications;

    @Inject
    RoleNoticeService notices;

    @Test
    void fillingARoleChangesOnlyTheClosingMoveColumnsOfEachApplicationItTells() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        long plain = data.application(requisition, recruiter).id;
        long interviewed = data.applicationAt(requisition, recruiter, Stage.INTERVIEW).id;
        long chased = data.application(requisition, recruiter).id;
        long lapsed = data.applicationAt(requisition, recruiter, Stage.SCREENING).id;
        long phone = data.application(requisition, recruiter, TestData.callerInput()).id;
        long hired = data.applicationAt(requisition, recruiter, Stage.OFFER).id;
        applications.move(hired, new MoveInput(Stage.HIRED, null, null), recruiter);
        QuarkusTransaction.requiringNew().run(() -> {
            Application.update("chasedAt = ?1 where id = ?2", Instant.now().minus(Duration.ofDays(2)), chased);
            // As the sweep leaves a promise that passed: flagged overdue, and late whatever follows.
            Application.getEntityManager().createNativeQuery("update application set closure_due = ?1, promise_lapsed = true where id = ?2")
                    .setParameter(1, LocalDate.now().minusDays(10)).setParameter(2, lapsed).executeUpdate();
            Application.getEntityManager().createNativeQuery("update closure_watch set due = ?1, flag = 2, overdue_at = current_timestamp"
                            + " where application_id = ?2")
                    .setParameter(1, LocalDate.now().minusDays(10)).setParameter(2, lapsed).executeUpdate();
        });
        Map<Long, Map<String, Object>> before = QuarkusTransaction.requiringNew().call(() -> rows(requisition.id));

        Map<Long, Map<String, Object>> after = QuarkusTransaction.requiringNew().call(() -> {
            notices.change(requisition.id, new StatusChangeInput(RequisitionStatus.FILLED, "Offer accepted"), recruiter);
            return rows(requisition.id);
        });

        for (long id : List.of(plain, interviewed, chased, lapsed, phone)) {
            assertClosingMove(id, before.get(id), after.get(id), Stage.REJECTED, 1);
        }
        assertThat(after.get(hired)).as("the hire is left alone").isEqualTo(before.get(hired));
    }

    @Test
    void cancellingARoleOnHoldResumesAndClosesEachPausedApplicationWithOnlyThoseColumnsChanged() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        // By phone: the hold's call tasks stay pending (no dispatcher sends them), so the end supersedes each one.
        long applied = data.application(requisition, recruiter, TestData.callerInput()).id;
        long screening = data.application(requisition, recruiter, TestData.callerInput()).id;
        applications.move(screening, new MoveInput(Stage.SCREENING, null, null), recruiter);
        notices.change(requisition.id, new StatusChangeInput(RequisitionStatus.ON_HOLD, null), recruiter);
        Map<Long, Map<String, Object>> before = QuarkusTransaction.requiringNew().call(() -> rows(requisition.id));
        assertThat(before.get(applied).get("closure_state")).isEqualTo("SUSPENDED");

        Map<Long, Map<String, Object>> after = QuarkusTransaction.requiringNew().call(() -> {
            notices.change(requisition.id, new StatusChangeInput(RequisitionStatus.CANCELLED, null), recruiter);
            return rows(requisition.id);
        });

        for (long id : List.of(applied, screening)) {
            Map<String, Object> resumed = new LinkedHashMap<>(before.get(id));
            resumed.put("closure_state", "OPEN"); // watched again: the role is gone, a pending call is no pause
            // ... so the sweep watches it again from no flag (a paused watch has no closure_watch row).
            assertThat(before.get(id).get("application_id")).as("closure_watch row of paused application " + id).isNull();
            assertThat(((Number) after.get(id).get("flag")).intValue()).as("flag of application " + id).isZero();
            resumed.put("application_id", after.get(id).get("application_id"));
            resumed.put("due", before.get(id).get("closure_due"));
            resumed.put("flag", after.get(id).get("flag"));
            // The superseded call recorded (written at the next query), resumed (written before the letters), then the closing move.
            assertClosingMove(id, resumed, after.get(id), Stage.ROLE_CLOSED, 3);
        }
    }

    private static void assertClosingMove(long id, Map<String, Object> before, Map<String, Object> after, Stage to, int versions) {
        Map<String, Object> expected = new LinkedHashMap<>(before);
        expected.put("stage", to.name());
        expected.put("promised_decision_date", null);
        expected.put("chased_at", null);
        expected.put("version", ((Number) before.get("version")).intValue() + versions);
        Map<String, Object> actual = new LinkedHashMap<>(after);
        actual.put("version", ((Number) after.get("version")).intValue());
        for (String moved : List.of("stage_entered_at", "updated_at")) {
            assertThat(after.get(moved)).as(moved + " of application " + id).isNotNull().isNotEqualTo(before.get(moved));
            expected.remove(moved);
            actual.remove(moved);
        }
        assertThat(actual).as("application " + id).isEqualTo(expected);
    }

    /** Every column of the requisition's applications, by id, as the database holds them. */
    private static Map<Long, Map<String, Object>> rows(long requisitionId) {
        @SuppressWarnings("unchecked")
        List<Tuple> tuples = Application.getEntityManager()
                .createNativeQuery("select a.*, w.* from application a left join closure_watch w on w.application_id = a.id"
                        + " where a.requisition_id = ?1 order by a.id", Tuple.class)
                .setParameter(1, requisitionId).getResultList();
        Map<Long, Map<String, Object>> rows = new LinkedHashMap<>();
        for (Tuple t : tuples) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (TupleElement<?> e : t.getElements()) {
                row.put(e.getAlias().toLowerCase(), t.get(e));
            }
            rows.put(((Number) row.get("id")).longValue(), row);
        }
        return rows;
    }
}
