package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.ClosureState;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.message.Dispatcher;
import app.candor.requisition.Requisition;
import app.candor.support.ClosureRows;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The closure watch with a controlled clock (the test calendar is UTC with 25 and 26 December 2031 as
 * holidays): a promise becomes due soon one business day ahead and overdue the day after it, each
 * flagged once however often the sweep runs; a promise moved in time stays kept, one moved after it
 * lapsed is late; an application is closed when the candidate is told, not when the outcome is recorded.
 *
 * <p>All dates are in 2031, later than any other test's promises; each test first sweeps once at its
 * own start so that other tests' applications are flagged already and do not count in its figures.
 */
@QuarkusTest
class ClosureWatchTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ClosureSweep sweep;

    @Inject
    ApplicationService applications;

    @Inject
    Dispatcher dispatcher;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(String localDateTime) {
        clock.set(LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC));
    }

    /** An application in screening with the promise {@code promise}, created at the clock's current time. */
    private Application promised(User recruiter, Requisition requisition, String promise) {
        Application a = data.application(requisition, recruiter);
        applications.move(a.id, new MoveInput(Stage.SCREENING, null, LocalDate.parse(promise)), recruiter);
        return a;
    }

    /** Delivery runs on the dispatcher (woken after commit, polling each second); wait for it, boundedly. */
    private Application closedBy(Application a) {
        return app.candor.support.Eventually.await("application " + a.id + " closed", java.time.Duration.ofSeconds(20), () -> {
            dispatcher.dispatchDue();
            return reload(a);
        }, r -> r.closure.state() == ClosureState.CLOSED);
    }

    private static Application reload(Application a) {
        return QuarkusTransaction.requiringNew().call(() -> Application.<Application>findById(a.id));
    }

    @Test
    void aPromiseIsDueSoonOnTheBusinessDayBeforeItAndOverdueTheDayAfterAcrossAWeekendFlaggedOnce() {
        at("2031-11-10T09:00"); // a Monday
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = promised(recruiter, requisition, "2031-11-17"); // the Monday after

        at("2031-11-13T23:59"); // Thursday night: two business days left
        sweep.sweep();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
        assertThat(reload(a).closure.dueSoonAt()).isNull();

        at("2031-11-14T00:00"); // Friday: the next business day is the promised Monday
        sweep.sweep();
        Instant dueSoonAt = reload(a).closure.dueSoonAt();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.DUE_SOON);
        assertThat(dueSoonAt).isEqualTo(Instant.parse("2031-11-14T00:00:00Z"));

        for (String t : List.of("2031-11-14T12:00", "2031-11-15T10:00", "2031-11-16T10:00", "2031-11-17T23:59")) {
            at(t);
            sweep.sweep();
            assertThat(reload(a).closure.flag()).as("still due soon at %s", t).isEqualTo(app.candor.application.ClosureWatch.Flag.DUE_SOON);
            assertThat(reload(a).closure.dueSoonAt()).as("flagged once").isEqualTo(dueSoonAt);
            assertThat(reload(a).closure.overdueAt()).isNull();
        }

        at("2031-11-18T00:00"); // Tuesday: the promised Monday has passed
        sweep.sweep();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);
        assertThat(reload(a).closure.overdueAt()).isEqualTo(Instant.parse("2031-11-18T00:00:00Z"));
        assertThat(reload(a).closure.promiseLapsed()).isTrue();
        for (String t : List.of("2031-11-18T08:00", "2031-11-19T08:00", "2031-11-24T08:00")) {
            at(t);
            sweep.sweep();
            assertThat(reload(a).closure.overdueAt()).as("flagged overdue once").isEqualTo(Instant.parse("2031-11-18T00:00:00Z"));
        }
        assertThat(reload(a).closure.dueSoonAt()).isEqualTo(dueSoonAt);
    }

    @Test
    void holidaysDoNotCountAsBusinessDays() {
        at("2031-12-22T09:00"); // Monday; Thursday 25 and Friday 26 are holidays
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = promised(recruiter, requisition, "2031-12-29"); // the Monday after the holidays

        at("2031-12-23T23:59"); // Tuesday: Wednesday is a business day before the promise
        sweep.sweep();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);

        at("2031-12-24T00:00"); // Wednesday: the next business day (past two holidays and a weekend) is the promise
        sweep.sweep();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.DUE_SOON);

        at("2031-12-29T23:00");
        sweep.sweep();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.DUE_SOON);

        at("2031-12-30T00:00");
        sweep.sweep();
        assertThat(reload(a).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);
    }

    @Test
    void aPromiseMovedBeforeItLapsesIsKeptAndOneMovedAfterwardsStaysLate() {
        at("2031-11-10T09:00");
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application inTime = promised(recruiter, requisition, "2031-11-17");
        Application tooLate = promised(recruiter, requisition, "2031-11-17");

        at("2031-11-14T10:00"); // due soon: the recruiter asks for more time, with the decision-delayed letter
        sweep.sweep();
        json(recruiter).body(Map.of("promisedDecisionDate", "2031-11-21")).post("/api/applications/" + inTime.id + "/delay")
                .then().statusCode(201);
        assertThat(reload(inTime).closure.flag()).as("a new promise starts unflagged").isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
        assertThat(reload(inTime).closure.dueSoonAt()).isNull();
        assertThat(reload(inTime).closure.promiseLapsed()).isFalse();

        at("2031-11-18T10:00"); // the first promise has passed for the other one
        sweep.sweep();
        assertThat(reload(inTime).closure.flag()).as("the new promise is on Friday").isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
        assertThat(reload(tooLate).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);
        json(recruiter).body(Map.of("promisedDecisionDate", "2031-11-21")).post("/api/applications/" + tooLate.id + "/delay")
                .then().statusCode(201);
        assertThat(reload(tooLate).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
        assertThat(reload(tooLate).closure.promiseLapsed()).as("renegotiated after it lapsed").isTrue();

        at("2031-11-20T10:00"); // both are told before the new date
        for (Application a : List.of(inTime, tooLate)) {
            json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).post("/api/applications/" + a.id + "/outcome")
                    .then().statusCode(201);
        }
        Application kept = closedBy(inTime);
        assertThat(kept.closure.state()).isEqualTo(ClosureState.CLOSED);
        assertThat(kept.closure.closedLate()).isFalse();
        assertThat(kept.closure.closedAt()).isEqualTo(Instant.parse("2031-11-20T10:00:00Z"));
        Application late = closedBy(tooLate);
        assertThat(late.closure.closedLate()).isTrue();
    }

    @Test
    void anApplicationIsClosedWhenTheCandidateIsToldNotWhenTheOutcomeIsRecorded() {
        at("2031-11-10T09:00");
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = promised(recruiter, requisition, "2031-11-12");

        // A rejection recorded now but scheduled for after the promise: the candidate has not been told.
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "sendAt", "2031-11-14T09:00:00Z"))
                .post("/api/applications/" + a.id + "/outcome").then().statusCode(201);
        dispatcher.dispatchDue();
        assertThat(reload(a).stage).isEqualTo(Stage.REJECTED);
        assertThat(reload(a).closure.state()).isEqualTo(ClosureState.OPEN);
        assertThat(reload(a).closure.due()).as("the promise stands until they are told").isEqualTo(LocalDate.parse("2031-11-12"));

        at("2031-11-13T08:00");
        sweep.sweep();
        assertThat(reload(a).closure.flag()).as("overdue although decided").isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);

        at("2031-11-14T09:00");
        closedBy(a);
        assertThat(reload(a).closure.closedLate()).isTrue();
        assertThat(reload(a).closure.closedAt()).isEqualTo(Instant.parse("2031-11-14T09:00:00Z"));
    }

    @Test
    void aCandidateWhoPrefersThePhoneIsClosedWhenTheCallIsDone() {
        at("2031-11-10T09:00");
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter, TestData.callerInput());
        long call = json(recruiter).body(Map.of("outcome", "OFFER")).post("/api/applications/" + a.id + "/outcome")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        dispatcher.dispatchDue();
        assertThat(reload(a).closure.state()).as("a call still to make").isEqualTo(ClosureState.OPEN);

        at("2031-11-11T15:00");
        json(recruiter).body(Map.of("note", "Called, delighted")).post("/api/messages/" + call + "/call-done").then().statusCode(200);
        assertThat(reload(a).closure.state()).isEqualTo(ClosureState.CLOSED);
        assertThat(reload(a).closure.closedLate()).isFalse();
        assertThat(reload(a).closure.closedAt()).isEqualTo(Instant.parse("2031-11-11T15:00:00Z"));
    }

    @Test
    void twoSweepsRunningAtOnceFlagEachApplicationOnce() throws Exception {
        at("2031-06-02T09:00");
        sweep.sweep(); // everything already overdue at this time (other tests' data) is flagged now
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(data.application(requisition, recruiter).id);
        }
        // Their promises passed yesterday (written directly: the API refuses a date in the past).
        QuarkusTransaction.requiringNew().run(() -> ClosureRows.due(LocalDate.parse("2031-06-01"), ids));

        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<ClosureSweep.Result>> sweeps = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sweeps.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return sweep.sweep();
            }));
        }
        int flagged = 0;
        for (CompletableFuture<ClosureSweep.Result> s : sweeps) {
            flagged += s.get(60, TimeUnit.SECONDS).overdue();
        }
        assertThat(flagged).as("newly overdue across both sweeps").isEqualTo(ids.size());
        long overdue = QuarkusTransaction.requiringNew().call(() -> Application.count("id in ?1 and watched.flag = ?2", ids, app.candor.application.ClosureWatch.Flag.OVERDUE));
        assertThat(overdue).isEqualTo(ids.size());
    }

    @Test
    void closedAndSuspendedApplicationsAreNeverFlagged() {
        at("2031-06-02T09:00");
        sweep.sweep();
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application closed = data.application(requisition, recruiter);
        Application suspended = data.application(requisition, recruiter);
        QuarkusTransaction.requiringNew().run(() -> {
            ClosureRows.due(LocalDate.parse("2031-05-30"), List.of(closed.id, suspended.id));
            ClosureRows.state(ClosureState.CLOSED, closed.id);
            ClosureRows.state(ClosureState.SUSPENDED, suspended.id);
        });
        at("2031-06-03T09:00");
        sweep.sweep();
        assertThat(reload(closed).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
        assertThat(reload(suspended).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
    }

    @Test
    void aRejectionMovedWithoutALetterStaysOpenAndCanStillBeToldOnce() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter);
        TestData.untoldAt(a.id, Stage.REJECTED); // as before issue 17: a plain move now needs how the candidate was told
        var view = json(recruiter).get("/api/applications/" + a.id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("closure.state")).isEqualTo("OPEN");
        assertThat(view.getBoolean("closure.untold")).isTrue();
        assertThat(view.getBoolean("closure.canTell")).isTrue();

        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 2)).post("/api/applications/" + a.id + "/outcome").then().statusCode(201);
        Application told = closedBy(a);
        assertThat(told.stage).isEqualTo(Stage.REJECTED);
        assertThat(json(recruiter).get("/api/applications/" + a.id + "/history").then().extract().jsonPath().getList("note", String.class))
                .anyMatch(n -> n != null && n.contains("(told now)"));
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 2)).post("/api/applications/" + a.id + "/outcome").then().statusCode(409);
        assertThat(app.candor.support.Api.db(() -> app.candor.message.Message.count("application.id = ?1 and kind = ?2", a.id,
                app.candor.message.MessageKind.REJECTION))).isEqualTo(1);
    }

    @Test
    void aWithdrawalTheRecruiterRecordsClosesAtOnceAndAHireToo() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application withdrawn = data.application(requisition, recruiter);
        Application hired = data.applicationAt(requisition, recruiter, Stage.OFFER);
        json(recruiter).body(Map.of("stage", "WITHDRAWN", "note", "Called: accepted another offer")).post("/api/applications/" + withdrawn.id + "/stage")
                .then().statusCode(200);
        json(recruiter).body(Map.of("stage", "HIRED")).post("/api/applications/" + hired.id + "/stage").then().statusCode(200);
        assertThat(reload(withdrawn).closure.state()).isEqualTo(ClosureState.CLOSED);
        assertThat(reload(withdrawn).closure.closedLate()).isFalse();
        assertThat(reload(hired).closure.state()).isEqualTo(ClosureState.CLOSED);
        assertThat(json(recruiter).get("/api/applications/" + hired.id).then().extract().jsonPath().getString("closure.watch"))
                .isEqualTo("CLOSED_ON_TIME");
    }

    @Test
    void aRequisitionHandedToAnotherRecruiterMovesItsOverdueCandidatesToTheirBoard() {
        User rita = data.recruiter();
        User rob = data.recruiter();
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(rita, manager);
        Application a = data.application(requisition, rita);
        QuarkusTransaction.requiringNew().run(() -> ClosureRows.due(LocalDate.now(ZoneOffset.UTC).minusDays(3), a.id));
        assertThat(json(rita).get("/api/board?scope=mine").then().statusCode(200).extract().jsonPath()
                .getList("rows.applicationId", Long.class)).contains(a.id);

        json(rita).body(Map.of("title", requisition.title, "recruiterId", rob.id, "hiringManagerId", manager.id))
                .put("/api/requisitions/" + requisition.id).then().statusCode(200);
        assertThat(reload(a).recruiterId).isEqualTo(rob.id);
        assertThat(json(rob).get("/api/board?scope=mine").then().statusCode(200).extract().jsonPath()
                .getList("rows.applicationId", Long.class)).contains(a.id);
        assertThat(json(rita).get("/api/board?scope=mine").then().statusCode(200).extract().jsonPath()
                .getList("rows.applicationId", Long.class)).doesNotContain(a.id);
    }
}
