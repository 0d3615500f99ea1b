package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.application.ClosureWatch;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17, end to end through the API: every path to a final stage tells the candidate once or records how
 * they were told; newer notices supersede pending ones; a decision already told is never contradicted; a
 * withdrawal cancels the interviews still to come and tells the hiring manager.
 */
@QuarkusTest
class ClosureByConstructionTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ClosureSweep sweep;

    @Inject
    MockMailbox mailbox;

    @Inject
    app.candor.system.BusinessCalendar calendar;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Application load(long id) {
        return Api.db(() -> Application.<Application>findById(id));
    }

    private static List<Message> messages(long applicationId) {
        return Api.db(() -> Message.<Message>list("application.id = ?1 order by id", applicationId));
    }

    private static void status(User recruiter, Requisition requisition, String status) {
        json(recruiter).body(Map.of("status", status)).when().post("/api/requisitions/" + requisition.id + "/status")
                .then().statusCode(200);
    }

    private Application phoneCandidate(Requisition requisition, User recruiter) {
        return data.application(requisition, recruiter, TestData.callerInput());
    }

    @Test
    void holdReopenFillLeavesOnlyTheRoleFilledCallAndNoSecondClosingLetter() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = phoneCandidate(requisition, recruiter);

        status(recruiter, requisition, "ON_HOLD");
        status(recruiter, requisition, "OPEN");
        status(recruiter, requisition, "FILLED");

        List<Message> all = messages(a.id);
        assertThat(all).extracting(m -> m.kind).containsExactly(MessageKind.ROLE_ON_HOLD, MessageKind.ROLE_REOPENED, MessageKind.ROLE_FILLED);
        assertThat(all).extracting(m -> m.state).as("the stale calls are cancelled; only the newest one is left to make")
                .containsExactly(MessageState.CANCELLED, MessageState.CANCELLED, MessageState.CALL_PENDING);
        List<StageChange> history = Api.db(() -> StageChange.listFor(Application.findById(a.id)));
        assertThat(history).extracting(ch -> ch.note).anyMatch(n -> n != null && n.contains("\"Role on hold\" call")
                && n.contains("superseded by \"Role open again\""));
        assertThat(history).extracting(ch -> ch.note).anyMatch(n -> n != null && n.contains("\"Role open again\" call")
                && n.contains("superseded by \"Role filled\""));

        // The stale calls cannot be made any more, and no rejection letter can follow the "role filled" one.
        json(recruiter).body(Map.of("note", "Called")).when().post("/api/messages/" + all.get(0).id + "/call-done").then().statusCode(409);
        JsonPath view = json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getBoolean("closure.untold")).isTrue();
        assertThat(view.getBoolean("closure.canTell")).as("a closing call is on its way: make it").isFalse();
        long reason = Api.db(() -> RejectionReason.listActive().get(0).id);
        Api.problem(json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", reason)).when()
                .post("/api/applications/" + a.id + "/outcome"), 409, "Role filled", "second closing letter");
        Api.problem(json(recruiter).body(Map.of("how", "PHONE")).when().post("/api/applications/" + a.id + "/told"), 409, "on its way");

        json(recruiter).body(Map.of("note", "Told him the role is filled")).when().post("/api/messages/" + all.get(2).id + "/call-done")
                .then().statusCode(200);
        assertThat(load(a.id).closure.state()).isEqualTo(ClosureState.CLOSED);
        List<Message> after = messages(a.id);
        assertThat(after.stream().filter(m -> m.kind.closes() && m.state != MessageState.CANCELLED).map(m -> m.kind).distinct())
                .as("one final answer (the call and its written confirmation)").containsExactly(MessageKind.ROLE_FILLED);
    }

    @Test
    void theStatusPageDoesNotShowTheRoleFilledAnswerWhileItsCallIsStillToMake() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = phoneCandidate(requisition, recruiter);
        json(recruiter).body(Map.of("stage", "INTERVIEW")).when().post("/api/applications/" + a.id + "/stage").then().statusCode(200);
        // A delay by phone; its written confirmation carries the candidate's status link.
        LocalDate later = calendar.addBusinessDays(load(a.id).promisedDecisionDate, 3);
        long delay = json(recruiter).body(Map.of("promisedDecisionDate", later.toString())).when().post("/api/applications/" + a.id + "/delay")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        json(recruiter).body(Map.of("note", "Told him it takes longer")).when().post("/api/messages/" + delay + "/call-done").then().statusCode(200);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        Eventually.await("the confirmation", Mails.DELIVERY, () -> mailbox.getMailsSentTo(email), m -> !m.isEmpty());
        String status = Links.of(mailbox.getMailsSentTo(email).get(0).getText(), "status");

        status(recruiter, requisition, "FILLED");
        assertThat(messages(a.id)).extracting(m -> m.kind + ":" + m.state).contains("ROLE_FILLED:CALL_PENDING");

        String page = PageSession.candidate().get(Links.pathOf(status)).asString();
        assertThat(page).as("not told yet: where they stood").contains("You are in the interview stage.")
                .doesNotContain("We decided not to move forward");
    }

    @Test
    void aHeldRoleThatIsFilledIsWatchedAgainAndItsPendingCallIsNoPause() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = phoneCandidate(requisition, recruiter);
        status(recruiter, requisition, "ON_HOLD");
        Message hold = messages(a.id).get(0);

        status(recruiter, requisition, "FILLED");

        Application filled = load(a.id);
        assertThat(filled.closure.state()).as("not SUSPENDED: the role is gone").isEqualTo(ClosureState.OPEN);
        assertThat(Mails.message(hold.id).state).as("the stale on-hold call").isEqualTo(MessageState.CANCELLED);
        // The role-filled call waits past the promise: the candidate is overdue and shows up as such.
        LocalDate due = filled.closure.due();
        clock.set(due.plusDays(3).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC));
        sweep.sweep();
        Application late = load(a.id);
        assertThat(late.closure.flag()).isEqualTo(ClosureWatch.Flag.OVERDUE);
        Message call = messages(a.id).stream().filter(m -> m.kind == MessageKind.ROLE_FILLED).findFirst().orElseThrow();
        json(recruiter).body(Map.of("note", "Told him")).when().post("/api/messages/" + call.id + "/call-done").then().statusCode(200);
        assertThat(load(a.id).closure.closedLate()).as("the call waited past the promise").isTrue();
    }

    @Test
    void cancellingAHeldRoleCancelsTheStaleOnHoldCall() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = phoneCandidate(requisition, recruiter);
        status(recruiter, requisition, "ON_HOLD");
        status(recruiter, requisition, "CANCELLED");
        assertThat(messages(a.id)).extracting(m -> m.kind + ":" + m.state)
                .containsExactly("ROLE_ON_HOLD:CANCELLED", "ROLE_CANCELLED:CALL_PENDING");
    }

    @Test
    void aPlainMoveToAFinalStageNeedsHowTheCandidateWasTold() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter);
        for (String stage : List.of("ROLE_CLOSED", "REJECTED")) {
            JsonPath refused = Api.problem(json(recruiter).body(Map.of("stage", stage)).when().post("/api/applications/" + a.id + "/stage"),
                    400, "told", "IN_PERSON");
            assertThat(Api.errorFields(refused)).containsExactly("told");
        }
        assertThat(load(a.id).stage).as("nothing moved").isEqualTo(Stage.APPLIED);
        assertThat(Api.db(() -> StageChange.listFor(Application.findById(a.id)))).hasSize(1);

        // The page offers the same choice: Role closed needs how they were told, and then records it.
        PageSession page = PageSession.signIn(recruiter);
        assertThat(page.get("/applications/" + a.id + "?action=move").asString()).contains("name=\"toldHow\"");
        page.post("/applications/" + a.id + "/stage", Map.of("stage", "ROLE_CLOSED")).then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("is required to move to ROLE_CLOSED"));
        assertThat(load(a.id).stage).isEqualTo(Stage.APPLIED);
        page.post("/applications/" + a.id + "/stage", Map.of("stage", "ROLE_CLOSED", "toldHow", "IN_PERSON", "note", "Told at the office"))
                .then().statusCode(303);
        Application closed = load(a.id);
        assertThat(closed.stage).isEqualTo(Stage.ROLE_CLOSED);
        assertThat(closed.closure.state()).isEqualTo(ClosureState.CLOSED);
        assertThat(closed.closure.toldHow()).isEqualTo(ClosureWatch.ToldHow.IN_PERSON);
        assertThat(closed.closure.toldBy()).isEqualTo(recruiter.username);
    }

    @Test
    void anUntoldRoleClosedFromBeforeCanBeToldByRecordingHowOnceAndOnlyOnce() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter);
        TestData.untoldAt(a.id, Stage.ROLE_CLOSED);

        JsonPath view = json(recruiter).when().get("/api/applications/" + a.id).then().extract().jsonPath();
        assertThat(view.getBoolean("closure.untold")).isTrue();
        assertThat(view.getBoolean("closure.canTell")).isTrue();
        PageSession page = PageSession.signIn(recruiter);
        assertThat(page.get("/applications/" + a.id + "?action=told").asString()).contains("id=\"told\"").contains("Record how the candidate was told");

        JsonPath told = json(recruiter).body(Map.of("how", "IN_PERSON", "note", "Told her at the office")).when()
                .post("/api/applications/" + a.id + "/told").then().statusCode(200).extract().jsonPath();
        assertThat(told.getString("closure.state")).isEqualTo("CLOSED");
        assertThat(told.getString("closure.toldHow")).isEqualTo("IN_PERSON");
        assertThat(told.getString("closure.toldBy")).isEqualTo(recruiter.username);
        assertThat(told.getBoolean("closure.untold")).isFalse();
        assertThat(told.getList("history.note", String.class)).contains("Candidate told in person: Told her at the office");

        Api.problem(json(recruiter).body(Map.of("how", "PHONE")).when().post("/api/applications/" + a.id + "/told"), 409, "already told");
        Api.problem(json(recruiter).body(Map.of("how", "CARRIER_PIGEON")).when().post("/api/applications/" + a.id + "/told"), 400);
    }

    @Test
    void aPlainMoveCanRecordHowTheCandidateWasToldAndAPlainOfferCanStillBeSent() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application rejected = data.application(requisition, recruiter);
        json(recruiter).body(Map.of("stage", "REJECTED", "told", Map.of("how", "PHONE", "note", "Called after the screening")))
                .when().post("/api/applications/" + rejected.id + "/stage").then().statusCode(200)
                .body("closure.state", org.hamcrest.Matchers.equalTo("CLOSED"))
                .body("closure.toldHow", org.hamcrest.Matchers.equalTo("PHONE"));
        Api.problem(json(recruiter).body(Map.of("stage", "SCREENING", "told", Map.of("how", "PHONE"))).when()
                .post("/api/applications/" + data.application(requisition, recruiter).id + "/stage"), 400, "told");

        Application offer = data.application(requisition, recruiter);
        json(recruiter).body(Map.of("stage", "OFFER")).when().post("/api/applications/" + offer.id + "/stage").then().statusCode(200);
        json(recruiter).body(Map.of("outcome", "OFFER")).when().post("/api/applications/" + offer.id + "/outcome").then().statusCode(201);
        assertThat(messages(offer.id)).extracting(m -> m.kind).containsExactly(MessageKind.OFFER);
        Api.problem(json(recruiter).body(Map.of("outcome", "OFFER")).when().post("/api/applications/" + offer.id + "/outcome"), 409);
    }

    @Test
    void fillingARoleLeavesACandidateWhoWasSentAnOfferAloneAndThePreviewSaysSo() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application offered = data.applicationAt(requisition, recruiter, Stage.FINAL_INTERVIEW);
        Application other = data.application(requisition, recruiter);
        json(recruiter).body(Map.of("outcome", "OFFER")).when().post("/api/applications/" + offered.id + "/outcome").then().statusCode(201);
        Message offer = messages(offered.id).get(0);
        Mails.awaitState(offer.id, MessageState.SENT);
        Eventually.await("the offer closes the application", Mails.DELIVERY, () -> load(offered.id).closure.state(),
                s -> s == ClosureState.CLOSED);

        JsonPath preview = json(recruiter).body(Map.of("status", "FILLED")).when().post("/api/requisitions/" + requisition.id + "/status/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("recipients")).isEqualTo(1);
        assertThat(preview.getList("leftOut", String.class)).singleElement().asString()
                .contains("application " + offered.id).contains("already told a final answer");

        status(recruiter, requisition, "FILLED");
        assertThat(load(offered.id).stage).as("her offer stands").isEqualTo(Stage.OFFER);
        assertThat(messages(offered.id)).extracting(m -> m.kind).containsExactly(MessageKind.OFFER);
        assertThat(load(other.id).stage).isEqualTo(Stage.REJECTED);
        assertThat(messages(other.id)).extracting(m -> m.kind).containsExactly(MessageKind.ROLE_FILLED);
    }

    @Test
    void theHiringManagersUpcomingInterviewsAreOnlyThoseStillToCome() {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        java.time.OffsetDateTime starts = java.time.OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withHour(10).withMinute(0).withSecond(0).withNano(0);
        json(recruiter).body(Map.of("startsAt", starts.toString(), "durationMinutes", 60, "kind", "PHONE",
                        "interviewers", List.of(Map.of("name", "Barbara Liskov", "title", "Architect"))))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201);
        assertThat(PageSession.signIn(manager).get("/requisitions").asString()).contains("Barbara Liskov");

        clock.set(starts.plusMinutes(30).toInstant());
        assertThat(PageSession.signIn(manager).get("/requisitions").asString()).as("under way").contains("Barbara Liskov");
        clock.set(starts.plusHours(3).toInstant());
        assertThat(PageSession.signIn(manager).get("/requisitions").asString()).as("over").doesNotContain("Barbara Liskov");
    }

    @Test
    void aWithdrawalCancelsTheUpcomingInterviewAndTellsTheHiringManager() {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        String starts = java.time.OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).withHour(10).withMinute(0).withSecond(0).withNano(0).toString();
        json(recruiter).body(Map.of("startsAt", starts, "durationMinutes", 60, "kind", "VIDEO", "location", "https://meet.example.test/abc",
                        "interviewers", List.of(Map.of("name", "Grace Hopper", "title", "Staff Engineer"))))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        Eventually.await("the invitation", Mails.DELIVERY, () -> mailbox.getMailsSentTo(email), m -> !m.isEmpty());
        Mail invitation = mailbox.getMailsSentTo(email).get(0);
        assertThat(PageSession.signIn(manager).get("/requisitions").asString()).contains("Grace Hopper");

        PageSession candidate = PageSession.candidate();
        String withdraw = Links.of(invitation.getText(), "withdraw");
        assertThat(candidate.get(Links.pathOf(withdraw)).statusCode()).isEqualTo(200);
        assertThat(candidate.post("/c/withdraw", Map.of("t", Links.token(withdraw))).statusCode()).isEqualTo(303);

        List<Interview> interviews = Api.db(() -> Interview.<Interview>list("application.id", a.id));
        assertThat(interviews).extracting(i -> i.state).containsExactly(InterviewState.CANCELLED);
        List<Message> notices = Api.db(() -> Message.<Message>list("application.id = ?1 and kind = ?2 and recipient = ?3", a.id,
                MessageKind.WITHDRAWAL_NOTICE, manager.email));
        assertThat(notices).singleElement().satisfies(m -> assertThat(m.bodyText).contains("Grace Hopper").contains("cancelled"));
        assertThat(PageSession.signIn(manager).get("/requisitions").asString()).as("no longer upcoming").doesNotContain("Grace Hopper");
    }
}
