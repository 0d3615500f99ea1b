package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.application.PromisePolicy;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import app.candor.system.BusinessCalendar;
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
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role on hold pauses its candidates' promises (the sweep leaves them alone however late it gets);
 * reopening gives each of them a fresh promise from the reopening day and one letter saying so, in
 * their language; filling the role from hold closes them with the "role filled" letter, on time.
 * Time is moved with the test clock; the sweep is run by hand.
 */
@QuarkusTest
class OnHoldTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ClosureSweep sweep;

    @Inject
    BusinessCalendar calendar;

    @Inject
    PromisePolicy promises;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Application load(long id) {
        return Api.db(() -> Application.<Application>findById(id));
    }

    /** Sets the test clock to 10:00 UTC on {@code day} (the company zone in tests is UTC). */
    private void at(LocalDate day) {
        clock.set(day.atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC));
    }

    private static void status(User recruiter, Requisition requisition, String status, int notices) {
        json(recruiter).body(Map.of("status", status)).when().post("/api/requisitions/" + requisition.id + "/status")
                .then().statusCode(200).body("notices", org.hamcrest.Matchers.equalTo(notices))
                .body("requisition.status", org.hamcrest.Matchers.equalTo(status));
    }

    private static List<Message> letters(long applicationId, MessageKind kind) {
        return Api.db(() -> Message.<Message>list("application.id = ?1 and kind = ?2", applicationId, kind));
    }

    /** Waits until the application's only letter of this kind is sent; returns it. */
    private static Message sentOnce(long applicationId, MessageKind kind) {
        List<Message> found = letters(applicationId, kind);
        assertThat(found).as("one %s letter for application %d", kind, applicationId).hasSize(1);
        Message sent = Mails.awaitState(found.get(0).id, MessageState.SENT);
        assertThat(sent.attempts).isEqualTo(1);
        return sent;
    }

    private List<Mail> mailsTo(String address, int count) {
        Eventually.await(count + " mail(s) to " + address, Mails.DELIVERY, () -> mailbox.getMailsSentTo(address), m -> m.size() >= count);
        Mails.drain();
        assertThat(mailbox.getMailsSentTo(address)).as("mails to " + address).hasSize(count);
        return mailbox.getMailsSentTo(address);
    }

    @Test
    void aHoldSuspendsTheOpenPromisesAndTheSweepDoesNotFlagThemHoweverLateItGets() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application applied = data.application(requisition, recruiter);
        Application interview = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Application withdrawn = data.applicationAt(requisition, recruiter, Stage.WITHDRAWN);
        Requisition running = data.requisition(recruiter, data.hiringManager());
        Application elsewhere = data.application(running, recruiter);

        status(recruiter, requisition, "ON_HOLD", 2);

        assertThat(load(applied.id).closure.state()).isEqualTo(ClosureState.SUSPENDED);
        assertThat(load(interview.id).closure.state()).isEqualTo(ClosureState.SUSPENDED);
        assertThat(load(withdrawn.id).closure.state()).as("not in the pipeline: not told, not paused").isNotEqualTo(ClosureState.SUSPENDED);
        assertThat(load(elsewhere.id).closure.state()).isEqualTo(ClosureState.OPEN);
        sentOnce(applied.id, MessageKind.ROLE_ON_HOLD);
        sentOnce(interview.id, MessageKind.ROLE_ON_HOLD);
        assertThat(load(applied.id).closure.state()).as("the on-hold notice is no closure").isEqualTo(ClosureState.SUSPENDED);

        at(load(applied.id).closure.due().plusDays(60));
        sweep.sweep();

        for (long id : List.of(applied.id, interview.id)) {
            Application a = load(id);
            assertThat(a.closure.state()).isEqualTo(ClosureState.SUSPENDED);
            assertThat(a.closure.flag()).as("flag of application %d", id).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
            assertThat(a.closure.overdueAt()).isNull();
            assertThat(a.closure.dueSoonAt()).isNull();
            assertThat(a.closure.promiseLapsed()).isFalse();
        }
        assertThat(load(elsewhere.id).closure.flag()).as("the same sweep flags an open promise as overdue").isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);
    }

    @Test
    void theOnHoldNoticeAnswersTheCandidatesWaitingChaser() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application chasing = data.application(requisition, recruiter);
        Application quiet = data.application(requisition, recruiter);
        java.time.Instant receivedAt = java.time.Instant.now().minusSeconds(3600);
        long chaser = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> {
            Application a = Application.findById(chasing.id);
            Chaser c = new Chaser();
            c.application = a;
            c.channel = Channel.EMAIL;
            c.receivedAt = receivedAt;
            c.loggedBy = recruiter.username;
            c.loggedAt = receivedAt;
            c.persist();
            a.chasedAt = receivedAt;
            return c.id;
        });

        status(recruiter, requisition, "ON_HOLD", 2);

        Chaser answered = Api.db(() -> Chaser.<Chaser>findById(chaser));
        assertThat(answered.answeredAt).isNotNull();
        assertThat(answered.answeredBy).isEqualTo(recruiter.username);
        assertThat(load(chasing.id).chasedAt).isNull();
        assertThat(load(quiet.id).chasedAt).isNull();
    }

    @Test
    void reopeningGivesEachPausedCandidateAFreshPromiseFromTheReopeningDayAndOneLetterInTheirLanguage() {
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Data Engineer"));
        Application applied = data.application(requisition, recruiter);
        Application interview = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        CandidateInput grete = new CandidateInput("Frau", "Grete", "Müller", false, TestData.email(), "+49 30 1234567", Channel.EMAIL, "de");
        Application german = data.application(requisition, recruiter, grete);
        data.applicationAt(requisition, recruiter, Stage.REJECTED); // closed before the hold: no letter on reopening
        String english = Api.db(() -> Application.<Application>findById(interview.id).candidate.email);
        // Move the German candidate to SCREENING (the earliest default), then let the sweep flag her promise as due soon.
        json(recruiter).body(Map.of("stage", "SCREENING")).when().post("/api/applications/" + german.id + "/stage").then().statusCode(200);
        at(load(german.id).closure.due());
        sweep.sweep();
        assertThat(load(german.id).closure.flag()).as("due soon before the hold").isEqualTo(app.candor.application.ClosureWatch.Flag.DUE_SOON);

        status(recruiter, requisition, "ON_HOLD", 3);
        for (long id : List.of(applied.id, interview.id, german.id)) {
            sentOnce(id, MessageKind.ROLE_ON_HOLD);
        }

        LocalDate reopening = load(applied.id).closure.due().plusDays(40);
        at(reopening);
        sweep.sweep();
        JsonPath preview = json(recruiter).body(Map.of("status", "OPEN")).when().post("/api/requisitions/" + requisition.id + "/status/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("recipients")).isEqualTo(3);
        assertThat(preview.getString("kind")).isEqualTo("ROLE_REOPENED");
        assertThat(preview.getString("bodyText")).contains("is open again");
        assertThat(letters(applied.id, MessageKind.ROLE_REOPENED)).as("the preview writes nothing").isEmpty();

        status(recruiter, requisition, "OPEN", 3);

        for (Application before : List.of(applied, interview, german)) {
            Application a = load(before.id);
            LocalDate expected = calendar.addBusinessDays(reopening, promises.defaultBusinessDays(a.stage));
            assertThat(a.closure.state()).isEqualTo(ClosureState.OPEN);
            assertThat(a.promisedDecisionDate).as("promise of application %d (%s)", a.id, a.stage).isEqualTo(expected);
            assertThat(a.closure.due()).isEqualTo(expected);
            assertThat(a.closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.NONE);
            assertThat(a.closure.dueSoonAt()).isNull();
            assertThat(a.closure.overdueAt()).isNull();
            assertThat(a.closure.promiseLapsed()).as("the hold paused the promise; it did not lapse").isFalse();
            StageChange last = Api.db(() -> StageChange.listFor(Application.findById(before.id))).stream().reduce((x, y) -> y).orElseThrow();
            assertThat(last.note).isEqualTo("Role reopened; new promised date " + expected);
            assertThat(last.toStage).isEqualTo(a.stage);
            assertThat(last.promisedDecisionDate).isEqualTo(expected);
            assertThat(last.changedBy).isEqualTo(recruiter.username);
        }

        Message englishLetter = sentOnce(interview.id, MessageKind.ROLE_REOPENED);
        LocalDate englishDate = load(interview.id).promisedDecisionDate;
        assertThat(englishLetter.subject).isEqualTo(requisition.title + " at Candor Demo Ltd: the role is open again");
        assertThat(englishLetter.bodyText)
                .contains("is open again")
                .contains("We expect to decide by " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK).format(englishDate))
                .contains("Thank you for the time and care you have given to your application.")
                .contains("See where your application stands")
                .contains("Withdraw your application");
        assertThat(mailsTo(english, 2)).extracting(Mail::getSubject)
                .containsExactlyInAnyOrder(requisition.title + " at Candor Demo Ltd: the role is on hold", englishLetter.subject);

        Message germanLetter = sentOnce(german.id, MessageKind.ROLE_REOPENED);
        LocalDate germanDate = load(german.id).promisedDecisionDate;
        assertThat(germanLetter.language).isEqualTo("de");
        assertThat(germanLetter.subject).isEqualTo(requisition.title + " bei Candor Demo Ltd: die Stelle ist wieder offen");
        assertThat(germanLetter.bodyText)
                .startsWith("Guten Tag Frau Müller,")
                .contains("wieder offen")
                .contains("bis zum " + DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.GERMAN).format(germanDate))
                .contains("Bewerbung zurückziehen")
                .doesNotContain("Thank you");
        List<Mail> toGrete = mailsTo(grete.email(), 2);
        assertThat(toGrete).extracting(Mail::getSubject).contains(germanLetter.subject);
        sentOnce(applied.id, MessageKind.ROLE_REOPENED);

        Api.problem(json(recruiter).body(Map.of("status", "OPEN")).when().post("/api/requisitions/" + requisition.id + "/status"),
                409, "already OPEN");
        Mails.drain();
        assertThat(letters(applied.id, MessageKind.ROLE_REOPENED)).as("no second letter").hasSize(1);

        // Watched again: once the fresh promise passes, the sweep flags it.
        at(load(applied.id).closure.due().plusDays(1));
        sweep.sweep();
        assertThat(load(applied.id).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);
    }

    @Test
    void aRejectionStillToBeToldWhenTheRoleReopensIsWatchedAgainAndFlaggedWhenItsPromisePasses() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application byPhone = data.application(requisition, recruiter, TestData.callerInput());
        status(recruiter, requisition, "ON_HOLD", 1);
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when().post("/api/applications/" + byPhone.id + "/outcome")
                .then().statusCode(201);
        assertThat(letters(byPhone.id, MessageKind.REJECTION)).extracting(m -> m.state).containsExactly(MessageState.CALL_PENDING);
        assertThat(load(byPhone.id).closure.state()).as("decided while paused: still paused").isEqualTo(ClosureState.SUSPENDED);
        assertThat(watchRow(byPhone.id)).as("a paused watch has no closure_watch row").isEmpty();

        status(recruiter, requisition, "OPEN", 0); // no letter: the call is still to make (ClosureWatches.resumeByRequisition)

        Application resumed = load(byPhone.id);
        assertThat(resumed.closure.state()).isEqualTo(ClosureState.OPEN);
        assertThat(watchRow(byPhone.id)).as("watched again from its promise, unflagged")
                .containsExactly(String.valueOf(resumed.closure.due()), "0");
        at(resumed.closure.due().plusDays(1));
        sweep.sweep();
        assertThat(load(byPhone.id).closure.flag()).isEqualTo(app.candor.application.ClosureWatch.Flag.OVERDUE);
    }

    /** The application's closure_watch row as (due, flag), empty when there is none. */
    private static List<String> watchRow(long applicationId) {
        List<?> rows = Api.db(() -> Application.getEntityManager()
                .createNativeQuery("select due, flag from closure_watch where application_id = ?1").setParameter(1, applicationId).getResultList());
        return rows.isEmpty() ? List.of() : java.util.Arrays.stream((Object[]) rows.get(0)).map(String::valueOf).toList();
    }

    @Test
    void fillingARoleOnHoldClosesThePausedApplicationsWithTheRoleFilledLetterOnTime() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application byMail = data.applicationAt(requisition, recruiter, Stage.FINAL_INTERVIEW);
        Application byPhone = data.application(requisition, recruiter, TestData.callerInput());
        status(recruiter, requisition, "ON_HOLD", 2);
        sentOnce(byMail.id, MessageKind.ROLE_ON_HOLD);

        at(load(byMail.id).closure.due().plusDays(30)); // long past the promise made before the hold
        sweep.sweep();
        JsonPath preview = json(recruiter).body(Map.of("status", "FILLED")).when().post("/api/requisitions/" + requisition.id + "/status/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(preview.getInt("recipients")).isEqualTo(2);
        assertThat(preview.getString("kind")).isEqualTo("ROLE_FILLED");
        assertThat(preview.getString("bodyText")).contains("has now been filled").doesNotContain("Withdraw");

        status(recruiter, requisition, "FILLED", 2);

        Message letter = sentOnce(byMail.id, MessageKind.ROLE_FILLED);
        assertThat(letter.bodyText).contains("not a judgement of you").doesNotContain("Withdraw your application");
        Application closed = Eventually.await("closed once told", Mails.DELIVERY, () -> load(byMail.id), a -> a.closure.state() == ClosureState.CLOSED);
        assertThat(closed.stage).isEqualTo(Stage.REJECTED);
        assertThat(closed.closure.closedLate()).as("the promise was paused while the role was on hold").isFalse();
        assertThat(Api.db(() -> StageChange.count("application.id = ?1 and toStage = ?2 and note = ?3", byMail.id, Stage.REJECTED, "Role filled")))
                .isEqualTo(1);

        List<Message> call = letters(byPhone.id, MessageKind.ROLE_FILLED);
        assertThat(call).hasSize(1);
        assertThat(call.get(0).state).isEqualTo(MessageState.CALL_PENDING);
        assertThat(call.get(0).callScript).contains("has now been filled");
        assertThat(load(byPhone.id).stage).isEqualTo(Stage.REJECTED);
        // Not told until the call is made, but no longer paused: the role is gone, and a pending call is no pause (issue 17).
        // Its promise passed during the hold, so the answer is owed by the next business day.
        assertThat(load(byPhone.id).closure.state()).as("watched again, not SUSPENDED").isEqualTo(ClosureState.OPEN);
        assertThat(load(byPhone.id).closure.due()).isEqualTo(calendar.addBusinessDays(calendar.today(), 1));
        json(recruiter).body(Map.of("note", "Took it well")).when().post("/api/messages/" + call.get(0).id + "/call-done")
                .then().statusCode(200);
        assertThat(load(byPhone.id).closure.state()).isEqualTo(ClosureState.CLOSED);

        Api.problem(json(recruiter).body(Map.of("status", "FILLED")).when().post("/api/requisitions/" + requisition.id + "/status"),
                409, "already FILLED");
    }
}
