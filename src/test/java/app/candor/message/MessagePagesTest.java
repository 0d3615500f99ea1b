package app.candor.message;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.closure.Outcome;
import app.candor.closure.OutcomeInput;
import app.candor.closure.OutcomeService;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The message page and its actions, the needs-attention list, the candidate's history and the export, on the pages. */
@QuarkusTest
class MessagePagesTest {

    @Inject
    TestData data;

    @Inject
    OutcomeService outcomes;

    @Inject
    ApplicationService applications;

    User recruiter;
    User manager;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
    }

    private static String flash(Response response) {
        String cookie = response.getCookie("candor-flash");
        assertThat(cookie).as("a flash after a successful form").isNotNull();
        return URLDecoder.decode(cookie, StandardCharsets.UTF_8);
    }

    private static Message message(long id) {
        return Api.db(() -> Message.<Message>findById(id));
    }

    private Message scheduledRejection(Application a, String note) {
        return outcomes.record(a.id, new OutcomeInput(Outcome.REJECTED, 1L, note, OffsetDateTime.now().plusDays(2)), recruiter);
    }

    private Application phoneApplication() {
        CandidateInput phone = new CandidateInput("Mr", "Phone", "Person", false, TestData.email(), "+44 20 7946 0999", Channel.PHONE, "en");
        Application a = applications.addCandidate(requisition.id, phone, recruiter).application();
        applications.move(a.id, new MoveInput(Stage.INTERVIEW, null, null), recruiter);
        return a;
    }

    @Test
    void aScheduledMessageIsChangedOnItsPageAndABadTimeIsShownAgainWithNothingChanged() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Message m = message(scheduledRejection(a, "First words").id);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/messages/" + m.id).then().statusCode(200)
                .body(containsString("id=\"state\">Scheduled"), containsString("id=\"edit\""), containsString("id=\"send-now\""),
                        containsString("id=\"cancel\""), containsString("First words"), containsString("sandbox srcdoc="),
                        containsString(m.messageIdHeader.replace("<", "&lt;").replace(">", "&gt;")), containsString("the rejection is undone"));

        session.post("/messages/" + m.id + "/edit", Map.of("personalNote", "Typed <again>", "sendAt", "2001-02-03T04:05"))
                .then().statusCode(400)
                .body(containsString("class=\"errors\""), containsString("must be in the future"), containsString("Typed &lt;again&gt;"));
        Message unchanged = message(m.id);
        assertThat(unchanged.personalNote).isEqualTo("First words");
        assertThat(unchanged.dueAt).isEqualTo(m.dueAt);

        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.MINUTES);
        Response saved = session.post("/messages/" + m.id + "/edit", Map.of("personalNote", "Better words", "sendAt", at.toString()));
        saved.then().statusCode(303).header("Location", endsWith("/messages/" + m.id));
        assertThat(flash(saved)).startsWith("Saved: the message goes out");
        Message changed = message(m.id);
        assertThat(changed.personalNote).isEqualTo("Better words");
        assertThat(changed.bodyText).contains("Better words").doesNotContain("First words");
        assertThat(changed.dueAt).isEqualTo(at.toInstant(ZoneOffset.UTC));
        assertThat(changed.state).isEqualTo(MessageState.SCHEDULED);
    }

    @Test
    void cancellingAScheduledRejectionUndoesItAndASecondCancelIsRefused() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Message m = scheduledRejection(a, null);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/messages/" + m.id);

        Response cancelled = session.post("/messages/" + m.id + "/cancel", Map.of());
        cancelled.then().statusCode(303);
        assertThat(flash(cancelled)).contains("back where it was");
        assertThat(message(m.id).state).isEqualTo(MessageState.CANCELLED);
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.INTERVIEW);

        session.post("/messages/" + m.id + "/cancel", Map.of())
                .then().statusCode(409).body(containsString("class=\"errors\""), containsString("only a scheduled message"));
        session.request().when().get("/messages/" + m.id).then().statusCode(200)
                .body(containsString("CANCELLED"), not(containsString("id=\"edit\"")), containsString("Nothing more to do"));
    }

    @Test
    void sendNowSendsAScheduledMessageAtOnce() throws InterruptedException {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Message m = scheduledRejection(a, null);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/messages/" + m.id);

        Response sent = session.post("/messages/" + m.id + "/send-now", Map.of());
        sent.then().statusCode(303);
        assertThat(flash(sent)).startsWith("Sending to " + m.recipient);
        assertThat(awaitState(m.id, MessageState.SENT)).isEqualTo(MessageState.SENT);
        session.request().when().get("/messages/" + m.id).then().statusCode(200).body(containsString("id=\"state\">Sent"));
    }

    @Test
    void aCallTaskIsListedAsNeedingAttentionAndIsMarkedDoneWithANote() {
        Application a = phoneApplication();
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + a.id);
        Response created = session.post("/applications/" + a.id + "/outcome",
                Map.of("outcome", "OFFER", "personalNote", "", "previewedNote", ""));
        created.then().statusCode(303);
        assertThat(flash(created)).startsWith("Call task created: call +44 20 7946 0999");
        Message task = Api.db(() -> Message.<Message>find("application.id", a.id).singleResult());
        assertThat(task.state).isEqualTo(MessageState.CALL_PENDING);

        session.request().when().get("/requisitions").then().statusCode(200)
                .body(containsString("id=\"attention\""), containsString("/messages/" + task.id), containsString("Call +44 20 7946 0999"));
        session.get("/messages/" + task.id).then().statusCode(200)
                .body(containsString("id=\"call-done\""), containsString("id=\"call-script\""), containsString("Phone call to"));

        session.post("/messages/" + task.id + "/call-done", Map.of("note", "  "))
                .then().statusCode(400).body(containsString("class=\"errors\""), containsString("how did the call go"));
        assertThat(message(task.id).state).isEqualTo(MessageState.CALL_PENDING);

        Response done = session.post("/messages/" + task.id + "/call-done", Map.of("note", "Delighted, starts in March"));
        done.then().statusCode(303);
        assertThat(flash(done)).contains("Call marked done");
        Message after = message(task.id);
        assertThat(after.state).isEqualTo(MessageState.CALL_DONE);
        assertThat(after.callNote).isEqualTo("Delighted, starts in March");
        assertThat(Api.db(() -> Message.count("cause", task.cause + ":confirmation"))).as("the written confirmation").isEqualTo(1);
        session.request().when().get("/requisitions").then().statusCode(200).body(not(containsString("/messages/" + task.id + "\"")));
    }

    @Test
    void aFailedMessageWarnsOnEveryPageAndIsResentToTheCorrectedAddress() throws InterruptedException {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Message m = outcomes.record(a.id, new OutcomeInput(Outcome.REJECTED, 2L, null, null), recruiter);
        awaitState(m.id, MessageState.SENT);
        QuarkusTransaction.requiringNew().run(() -> {
            Message failed = Message.findById(m.id);
            failed.state = MessageState.FAILED;
            failed.lastError = "SMTP 550: <mailbox> unknown";
            failed.candidate.emailUndeliverable = failed.lastError;
        });
        long candidateId = Api.db(() -> Application.<Application>findById(a.id).candidate.id);
        PageSession session = PageSession.signIn(recruiter);

        session.get("/applications/" + a.id).then().statusCode(200)
                .body(containsString("id=\"undeliverable\""), containsString("SMTP 550: &lt;mailbox&gt; unknown"));
        session.get("/candidates/" + candidateId).then().statusCode(200)
                .body(containsString("id=\"undeliverable\""), containsString("id=\"communication\""), containsString("/messages/" + m.id),
                        containsString(requisition.title));
        session.get("/requisitions").then().statusCode(200)
                .body(containsString("id=\"attention\""), containsString("Fix the address and resend"));
        session.get("/messages/" + m.id).then().statusCode(200)
                .body(containsString("id=\"resend\""), containsString("/candidates/" + candidateId));

        String corrected = TestData.email();
        session.post("/candidates/" + candidateId, Map.of("salutation", "Ms", "firstName", "Test", "lastName", "Candidate",
                "email", corrected, "preferredChannel", "EMAIL", "language", "en")).then().statusCode(303);
        session.get("/messages/" + m.id);
        Response resent = session.post("/messages/" + m.id + "/resend", Map.of());
        resent.then().statusCode(303);
        assertThat(flash(resent)).isEqualTo("Queued again, to " + corrected + ".");
        assertThat(awaitState(m.id, MessageState.SENT)).isEqualTo(MessageState.SENT);
        assertThat(message(m.id).recipient).isEqualTo(corrected);
        session.request().when().get("/applications/" + a.id).then().statusCode(200).body(not(containsString("id=\"undeliverable\"")));
    }

    @Test
    void theExportPageOffersTheFiltersAndDownloadsCsv() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Message m = scheduledRejection(a, "=HYPERLINK(\"x\")");
        PageSession session = PageSession.signIn(recruiter);

        session.get("/requisitions").then().statusCode(200).body(containsString("href=\"/messages/export\""));
        session.get("/messages/export").then().statusCode(200)
                .body(containsString("action=\"/messages/export.csv\""), containsString("method=\"get\""),
                        containsString("<option value=\"" + requisition.id + "\""), containsString("value=\"" + recruiter.username + "\""),
                        containsString("<label for=\"f-from\""), containsString("<label for=\"f-to\""));

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Response csv = session.request().queryParam("requisitionId", requisition.id).queryParam("recruiter", recruiter.username)
                .queryParam("from", today).queryParam("to", today).when().get("/messages/export.csv");
        csv.then().statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment; filename=\"candor-messages-"));
        String body = csv.asString();
        assertThat(body).startsWith("\uFEFFmessage_id,").contains(String.valueOf(m.id)).contains(m.subject)
                .contains("'=HYPERLINK").hasLineCount(2);

        session.request().queryParam("from", "yesterday").when().get("/messages/export.csv")
                .then().statusCode(400).contentType(startsWith("text/html"))
                .body(containsString("class=\"errors\""), containsString("is not a date"), containsString("value=\"yesterday\""));
        PageSession.signIn(manager).request().when().get("/messages/export").then().statusCode(403);
    }

    private static MessageState awaitState(long id, MessageState wanted) {
        return app.candor.support.Eventually.await("message " + id + " to be " + wanted, Duration.ofSeconds(10),
                () -> message(id).state, state -> state == wanted);
    }
}
