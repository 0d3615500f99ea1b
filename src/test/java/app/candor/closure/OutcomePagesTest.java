package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatus;
import app.candor.requisition.RequisitionStatusChange;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * The outcome, delay and status-change forms on the pages: previews write nothing, a send writes one
 * message and redirects, a repeat is refused with 409, and only recruiters with a CSRF token get anywhere.
 */
@QuarkusTest
class OutcomePagesTest {

    @Inject
    TestData data;

    @Inject
    OutcomeService outcomes;

    User recruiter;
    User manager;
    Requisition requisition;
    Application application;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
    }

    /** Everything a refused or preview-only request must leave as it was. */
    private record Counts(long messages, long history, long statusChanges) {
        static Counts now() {
            return new Counts(TestData.count(Message.class), TestData.count(StageChange.class),
                    TestData.count(RequisitionStatusChange.class));
        }
    }

    private static Map<String, Object> rejection(String note) {
        Map<String, Object> form = new HashMap<>();
        form.put("outcome", "REJECTED");
        form.put("reasonId", "1");
        form.put("personalNote", note);
        form.put("when", "now");
        form.put("sendAt", "");
        form.put("previewedNote", note);
        return form;
    }

    static String flash(Response response) {
        String cookie = response.getCookie("candor-flash");
        assertThat(cookie).as("a flash after a successful form").isNotNull();
        return URLDecoder.decode(cookie, StandardCharsets.UTF_8);
    }

    private Stage stage() {
        return Api.db(() -> Application.<Application>findById(application.id).stage);
    }

    @Test
    void previewsShowTheMessageAndWriteNothing() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        Counts before = Counts.now();

        session.post("/applications/" + application.id + "/outcome/preview", rejection("See you <b>around</b>"))
                .then().statusCode(200)
                .body(containsString("Preview: Rejection"), containsString("id=\"subject\""), containsString(requisition.title),
                        containsString("<iframe class=\"letter-html\" id=\"html-part\" sandbox srcdoc=\""),
                        containsString("See you &lt;b&gt;around&lt;/b&gt;"), not(containsString("See you <b>around</b>")),
                        containsString("name=\"previewedNote\""), containsString("Send rejection"));
        session.post("/applications/" + application.id + "/delay/preview",
                        Map.of("promisedDecisionDate", LocalDate.now().plusDays(40).toString(), "personalNote", "Sorry for the wait"))
                .then().statusCode(200).body(containsString("Decision delayed"), containsString("Sorry for the wait"));
        session.post("/requisitions/" + requisition.id + "/status/preview", Map.of("status", "CANCELLED", "note", "budget"))
                .then().statusCode(200).body(containsString("not a rejection"));

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(stage()).isEqualTo(Stage.INTERVIEW);
        assertThat(Api.db(() -> Requisition.<Requisition>findById(requisition.id).status)).isEqualTo(RequisitionStatus.OPEN);
    }

    @Test
    void sendingRecordsTheRejectionOnceAndASecondSendIsRefusedWith409() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        long messages = TestData.count(Message.class);

        Response sent = session.post("/applications/" + application.id + "/outcome", rejection("All the best"));
        sent.then().statusCode(303).header("Location", endsWith("/applications/" + application.id));
        assertThat(flash(sent)).startsWith("Rejection sent to ");
        assertThat(TestData.count(Message.class)).isEqualTo(messages + 1);
        assertThat(stage()).isEqualTo(Stage.REJECTED);

        session.post("/applications/" + application.id + "/outcome", rejection("All the best"))
                .then().statusCode(409)
                .body(containsString("class=\"errors\""), containsString("already recorded"), containsString("nothing new was sent"));
        assertThat(TestData.count(Message.class)).isEqualTo(messages + 1);

        Message m = Api.db(() -> Message.<Message>find("application.id", application.id).singleResult());
        assertThat(m.kind).isEqualTo(MessageKind.REJECTION);
        assertThat(m.personalNote).isEqualTo("All the best");
        assertThat(m.rejectionReasonId).isEqualTo(1L);
        session.request().when().get("/applications/" + application.id).then().statusCode(200)
                .body(containsString("id=\"timeline\""), containsString("/messages/" + m.id), containsString(m.subject));
    }

    @Test
    void aScheduledRejectionGoesOutAtTheChosenTimeInTheCompanyZone() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id + "?action=outcome").then().statusCode(200)
                .body(containsString("type=\"datetime-local\""), containsString("value=\"" + nextMorning() + "\""),
                        // "Send now" is preselected; scheduling is the recruiter's explicit choice.
                        containsString("id=\"f-when-now\" name=\"when\" value=\"now\" checked>"),
                        org.hamcrest.Matchers.not(containsString("value=\"later\" checked")));
        LocalDateTime at = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).withSecond(0).withNano(0);
        Map<String, Object> form = rejection("");
        form.put("when", "later");
        form.put("sendAt", at.toString());

        Response sent = session.post("/applications/" + application.id + "/outcome", form);
        sent.then().statusCode(303);
        assertThat(flash(sent)).contains("scheduled for");

        Message m = Api.db(() -> Message.<Message>find("application.id", application.id).singleResult());
        assertThat(m.state).isEqualTo(MessageState.SCHEDULED);
        assertThat(m.dueAt).isEqualTo(at.toInstant(ZoneOffset.UTC)); // the test profile's company zone is UTC
    }

    private String nextMorning() {
        return outcomes.nextBusinessMorning().toString();
    }

    @Test
    void aRejectionWithoutAReasonIsShownAgainWithTheTypedNoteAndWritesNothing() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        Counts before = Counts.now();
        Map<String, Object> form = rejection("Kept <typed> note");
        form.put("reasonId", "");

        session.post("/applications/" + application.id + "/outcome/preview", form)
                .then().statusCode(400)
                .body(containsString("class=\"errors\""), containsString("is required for a rejection"),
                        containsString("Kept &lt;typed&gt; note"), containsString("id=\"outcome\""));
        session.post("/applications/" + application.id + "/outcome", form).then().statusCode(400);
        form.put("reasonId", "1");
        form.put("when", "later");
        form.put("sendAt", "2000-01-01T09:00");
        session.post("/applications/" + application.id + "/outcome", form)
                .then().statusCode(400).body(containsString("must be in the future"));

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(stage()).isEqualTo(Stage.INTERVIEW);
    }

    @Test
    void aNoteChangedAfterThePreviewIsNotSentButPreviewedAgain() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        Counts before = Counts.now();
        Map<String, Object> form = rejection("The new note");
        form.put("previewedNote", "The old note");

        session.post("/applications/" + application.id + "/outcome", form)
                .then().statusCode(200)
                .body(containsString("Not sent yet"), containsString("The new note"), containsString("value=\"The new note\""));

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(stage()).isEqualTo(Stage.INTERVIEW);
    }

    @Test
    void anOfferIgnoresTheRejectionOnlyFieldsAndGoesOutAtOnce() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        Map<String, Object> form = rejection("Welcome aboard");
        form.put("outcome", "OFFER");
        form.put("when", "later");
        form.put("sendAt", nextMorning());

        Response sent = session.post("/applications/" + application.id + "/outcome", form);
        sent.then().statusCode(303);
        assertThat(flash(sent)).startsWith("Offer sent to ");
        Message m = Api.db(() -> Message.<Message>find("application.id", application.id).singleResult());
        assertThat(m.kind).isEqualTo(MessageKind.OFFER);
        assertThat(m.rejectionReasonId).isNull();
        assertThat(m.state).isIn(MessageState.QUEUED, MessageState.SENT);
        assertThat(stage()).isEqualTo(Stage.OFFER);
    }

    @Test
    void theDelayFormMovesThePromiseAndTellsTheCandidate() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        LocalDate later = Api.db(() -> Application.<Application>findById(application.id).promisedDecisionDate).plusDays(7);

        session.post("/applications/" + application.id + "/delay", Map.of("promisedDecisionDate", "", "personalNote", "x"))
                .then().statusCode(400).body(containsString("is required: the new date"), containsString("id=\"delay\""));
        Response sent = session.post("/applications/" + application.id + "/delay",
                Map.of("promisedDecisionDate", later.toString(), "personalNote", "Sorry", "previewedNote", "Sorry"));
        sent.then().statusCode(303);
        assertThat(flash(sent)).contains("Decision now promised by").contains("sent to");

        assertThat(Api.db(() -> Application.<Application>findById(application.id).promisedDecisionDate)).isEqualTo(later);
        Message m = Api.db(() -> Message.<Message>find("application.id", application.id).singleResult());
        assertThat(m.kind).isEqualTo(MessageKind.DECISION_DELAYED);
        assertThat(m.personalNote).isEqualTo("Sorry");
        // The same date again is no delay: refused, nothing new.
        session.post("/applications/" + application.id + "/delay",
                        Map.of("promisedDecisionDate", later.toString(), "personalNote", "Sorry", "previewedNote", "Sorry"))
                .then().statusCode(400).body(containsString("must be later than the current promise"));
        assertThat(Api.db(() -> Message.count("application.id", application.id))).isEqualTo(1);
    }

    @Test
    void thePlainMoveNoLongerOffersOrRejects() {
        PageSession session = PageSession.signIn(recruiter);
        String page = session.get("/applications/" + application.id + "?action=move").then().statusCode(200).extract().asString();
        String select = page.substring(page.indexOf("<select id=\"f-stage\""), page.indexOf("</select>", page.indexOf("<select id=\"f-stage\"")));
        assertThat(select).contains("value=\"FINAL_INTERVIEW\"").doesNotContain("value=\"OFFER\"").doesNotContain("value=\"REJECTED\"");
        Counts before = Counts.now();

        session.post("/applications/" + application.id + "/stage", Map.of("stage", "REJECTED"))
                .then().statusCode(400).body(containsString("class=\"errors\""), containsString("goes through"));

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(stage()).isEqualTo(Stage.INTERVIEW);
    }

    @Test
    void theStatusChangePreviewCountsTheOpenApplicationsAndTheConfirmNotifiesThem() {
        Application second = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Application withdrawn = data.applicationAt(requisition, recruiter, Stage.WITHDRAWN);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/" + requisition.id).then().statusCode(200)
                .body(containsString("id=\"status\""), containsString("Put on hold"), containsString("Cancel the role"));
        long messages = TestData.count(Message.class);

        session.post("/requisitions/" + requisition.id + "/status/preview", Map.of("status", "ON_HOLD", "note", "Budget freeze"))
                .then().statusCode(200)
                .body(containsString("<strong>2</strong> candidates"), containsString("not a rejection"), containsString("id=\"html-part\""),
                        containsString("Put on hold and notify 2 candidates"), containsString("value=\"Budget freeze\""));
        assertThat(TestData.count(Message.class)).isEqualTo(messages);

        Response confirmed = session.post("/requisitions/" + requisition.id + "/status", Map.of("status", "ON_HOLD", "note", "Budget freeze"));
        confirmed.then().statusCode(303).header("Location", endsWith("/requisitions/" + requisition.id));
        assertThat(flash(confirmed)).isEqualTo("Requisition put on hold; 2 candidates notified.");

        assertThat(Api.db(() -> Requisition.<Requisition>findById(requisition.id).status)).isEqualTo(RequisitionStatus.ON_HOLD);
        List<Long> told = Api.db(() -> Message.<Message>list("requisition.id = ?1 and kind = ?2", requisition.id, MessageKind.ROLE_ON_HOLD)
                .stream().map(m -> m.application.id).sorted().toList());
        assertThat(told).containsExactlyInAnyOrder(application.id, second.id).doesNotContain(withdrawn.id);
        assertThat(TestData.count(Message.class)).isEqualTo(messages + 2);

        session.post("/requisitions/" + requisition.id + "/status", Map.of("status", "ON_HOLD", "note", ""))
                .then().statusCode(409).body(containsString("class=\"errors\""), containsString("already ON_HOLD"));
        assertThat(TestData.count(Message.class)).isEqualTo(messages + 2);
        session.request().when().get("/requisitions/" + requisition.id).then().statusCode(200)
                .body(containsString("Reopen"), not(containsString("Put on hold")));
    }

    @Test
    void theFormOffersFillingWithTheCountThePreviewShowsTheKindRejectionAndTheConfirmTellsEveryone() {
        Application second = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Application withdrawn = data.applicationAt(requisition, recruiter, Stage.WITHDRAWN);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/" + requisition.id).then().statusCode(200)
                .body(containsString("id=\"f-status-FILLED\""), containsString("Mark as filled"),
                        containsString("Sends a kind rejection"), containsString("to the 2 remaining candidates"));
        Counts before = Counts.now();

        session.post("/requisitions/" + requisition.id + "/status/preview", Map.of("status", "FILLED", "note", "Offer accepted"))
                .then().statusCode(200)
                .body(containsString("<strong>2</strong> candidates"), containsString("id=\"kind-rejection\""),
                        not(containsString("not a rejection")), containsString("the position has been filled"),
                        containsString("Mark as filled and notify 2 candidates"), containsString("value=\"Offer accepted\""));
        assertThat(Counts.now()).isEqualTo(before);

        Response confirmed = session.post("/requisitions/" + requisition.id + "/status", Map.of("status", "FILLED", "note", "Offer accepted"));
        confirmed.then().statusCode(303).header("Location", endsWith("/requisitions/" + requisition.id));
        assertThat(flash(confirmed)).isEqualTo("Role filled: 2 candidates will be told.");
        assertThat(Api.db(() -> Requisition.<Requisition>findById(requisition.id).status)).isEqualTo(RequisitionStatus.FILLED);
        List<Long> told = Api.db(() -> Message.<Message>list("requisition.id = ?1 and kind = ?2", requisition.id, MessageKind.ROLE_FILLED)
                .stream().map(m -> m.application.id).toList());
        assertThat(told).containsExactlyInAnyOrder(application.id, second.id).doesNotContain(withdrawn.id);
        assertThat(Counts.now()).isEqualTo(new Counts(before.messages() + 2, before.history() + 2, before.statusChanges() + 1));

        session.request().when().get("/requisitions/" + requisition.id).then().statusCode(200)
                .body(containsString(">Filled<"), not(containsString("id=\"f-status-")));
    }

    @Test
    void reopeningARoleOnHoldIsPreviewedWithTheNewDateAndTheCount() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/" + requisition.id).then().statusCode(200);
        session.post("/requisitions/" + requisition.id + "/status", Map.of("status", "ON_HOLD", "note", "")).then().statusCode(303);
        session.get("/requisitions/" + requisition.id).then().statusCode(200)
                .body(containsString("Reopen"), containsString("The 1 candidate on hold gets a fresh promised date"), containsString("Mark as filled"));
        Counts before = Counts.now();

        session.post("/requisitions/" + requisition.id + "/status/preview", Map.of("status", "OPEN", "note", ""))
                .then().statusCode(200)
                .body(containsString("<strong>1</strong> candidate on hold"), containsString("id=\"reopen-promise\""),
                        containsString("is open again"), containsString("Reopen and notify 1 candidate"));
        assertThat(Counts.now()).isEqualTo(before);

        Response confirmed = session.post("/requisitions/" + requisition.id + "/status", Map.of("status", "OPEN", "note", ""));
        confirmed.then().statusCode(303);
        assertThat(flash(confirmed)).isEqualTo("Role reopened: 1 candidate will be told their new date.");
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", application.id, MessageKind.ROLE_REOPENED))).isEqualTo(1);
    }

    @Test
    void aHiringManagerSeesTheCommunicationButGets403OnEveryMessageForm() {
        Application other = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Message scheduled = outcomes.record(other.id,
                new OutcomeInput(Outcome.REJECTED, 2L, "later", OffsetDateTime.now().plusDays(3)), recruiter);
        PageSession session = PageSession.signIn(manager);
        session.get("/applications/" + other.id).then().statusCode(200)
                .body(containsString("id=\"timeline\""), containsString("/messages/" + scheduled.id),
                        not(containsString("id=\"outcome\"")), not(containsString("id=\"delay\"")), not(containsString("id=\"move\"")));
        session.get("/messages/" + scheduled.id).then().statusCode(200)
                .body(containsString("SCHEDULED"), not(containsString("id=\"edit\"")), not(containsString("id=\"cancel\"")));
        session.get("/requisitions/" + requisition.id).then().statusCode(200).body(not(containsString("id=\"status\"")));
        Counts before = Counts.now();

        Map<String, Object> any = Map.of("personalNote", "x", "note", "x", "status", "ON_HOLD", "outcome", "OFFER",
                "promisedDecisionDate", LocalDate.now().plusDays(60).toString(), "sendAt", nextMorning());
        for (String path : List.of("/applications/" + application.id + "/outcome/preview", "/applications/" + application.id + "/outcome",
                "/applications/" + application.id + "/delay/preview", "/applications/" + application.id + "/delay",
                "/requisitions/" + requisition.id + "/status/preview", "/requisitions/" + requisition.id + "/status",
                "/messages/" + scheduled.id + "/edit", "/messages/" + scheduled.id + "/cancel", "/messages/" + scheduled.id + "/send-now",
                "/messages/" + scheduled.id + "/call-done", "/messages/" + scheduled.id + "/resend")) {
            session.post(path, any).then().statusCode(403);
        }

        assertThat(Counts.now()).isEqualTo(before);
        Message after = Api.db(() -> Message.<Message>findById(scheduled.id));
        assertThat(after.state).isEqualTo(MessageState.SCHEDULED);
        assertThat(after.personalNote).isEqualTo("later");
        assertThat(Api.db(() -> Requisition.<Requisition>findById(requisition.id).status)).isEqualTo(RequisitionStatus.OPEN);
    }

    @Test
    void formPostsWithoutTheCsrfTokenAreRefusedAndWriteNothing() {
        Application other = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Message scheduled = outcomes.record(other.id,
                new OutcomeInput(Outcome.REJECTED, 2L, null, OffsetDateTime.now().plusDays(3)), recruiter);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        Counts before = Counts.now();

        for (String path : List.of("/applications/" + application.id + "/outcome", "/applications/" + application.id + "/delay",
                "/requisitions/" + requisition.id + "/status", "/messages/" + scheduled.id + "/cancel",
                "/messages/" + scheduled.id + "/send-now")) {
            Response refused = session.postWithoutToken(path, Map.of("status", "ON_HOLD", "outcome", "OFFER",
                    "promisedDecisionDate", LocalDate.now().plusDays(60).toString()));
            assertThat(refused.statusCode()).as(path).isEqualTo(400);
        }

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(Api.db(() -> Message.<Message>findById(scheduled.id).state)).isEqualTo(MessageState.SCHEDULED);
    }
}
