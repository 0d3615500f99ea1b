package app.candor.debrief;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.interview.HowItWent;
import app.candor.interview.InterviewApiTest;
import app.candor.message.Message;
import app.candor.message.MessageKind;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate debrief, with a controlled clock and the mock mailer: the letter goes out once after
 * the interview has ended (not on a requisition that turned it off), a GET never acts, one POST
 * records the answer and a second changes nothing, the team sees the answer, and no other link
 * opens the page.
 */
@QuarkusTest
class CandidateDebriefTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    MutableClock clock;

    @Inject
    DebriefLetters letters;

    User recruiter;
    User manager;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager, TestData.unique("Data Engineer"));
    }

    /** This test's interviews, cancelled afterwards: left scheduled, they would be overdue feedback in other tests' later clocks. */
    private final List<Long> scheduled = new java.util.ArrayList<>();

    @AfterEach
    void resetClock() {
        clock.reset();
        scheduled.forEach(id -> json(recruiter).when().post("/api/interviews/" + id + "/cancel").then().statusCode(200));
    }

    private Application candidate(String language) {
        CandidateInput input = new CandidateInput("Frau", "Ada", "Lovelace", false, TestData.email(), "+49 30 1234567", Channel.EMAIL, language);
        return data.application(requisition, recruiter, input);
    }

    /** Schedules a one-hour phone interview three days ahead; returns its id and start. */
    private record Scheduled(long id, OffsetDateTime startsAt) {
    }

    private Scheduled interview(Application a) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withNano(0);
        long id = json(recruiter).body(InterviewApiTest.interview(start.toString(), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
        scheduled.add(id);
        return new Scheduled(id, start);
    }

    private List<Mail> mailTo(String address, int count) {
        return Eventually.await(count + " mail(s) to " + address, Mails.DELIVERY, () -> mailbox.getMailsSentTo(address),
                mails -> mails.size() >= count);
    }

    private static String email(Application a) {
        return Api.db(() -> Application.<Application>findById(a.id).candidate.email);
    }

    private static long debriefLetters(Application a) {
        return Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, MessageKind.INTERVIEW_DEBRIEF));
    }

    private static long answers(long interview) {
        return Api.db(() -> Debrief.count("interview.id", interview));
    }

    @Test
    void theDebriefGoesOutOnceAfterTheInterviewAndTheCandidateAnswersOnce() {
        Application a = candidate("de");
        Scheduled interview = interview(a);
        Mail confirmation = mailTo(email(a), 1).get(0);

        clock.set(interview.startsAt().plusMinutes(30).toInstant()); // still going on
        letters.sendDue();
        assertThat(debriefLetters(a)).isZero();

        clock.set(interview.startsAt().plusMinutes(61).toInstant());
        letters.sendDue();
        clock.set(interview.startsAt().plusHours(3).toInstant());
        letters.sendDue();
        assertThat(debriefLetters(a)).as("one debrief letter however often the sweep runs").isEqualTo(1);

        Mail debrief = mailTo(email(a), 2).stream().filter(m -> Links.in(m.getText()).containsKey("debrief")).findFirst().orElseThrow();
        assertThat(Links.in(debrief.getText()).keySet()).containsExactly("debrief", "status");
        assertThat(debrief.getText()).contains("Vielen Dank, dass Sie sich die Zeit").contains("Rita Recruiter");
        String link = Links.of(debrief.getText(), "debrief");

        // Opening the link changes nothing; the page is in German.
        PageSession candidate = PageSession.candidate();
        String page = candidate.get(Links.pathOf(link)).then().statusCode(200).extract().asString();
        assertThat(page).contains("Wie war Ihr Gespräch?").contains("Wie ist das Gespräch für Sie gelaufen?")
                .contains("Sind Sie weiterhin an der Stelle interessiert?").contains("Sehr gut").contains("Nicht gut")
                .contains(requisition.title).contains("<html lang=\"de\">");
        assertThat(answers(interview.id())).isZero();

        // Nothing chosen: asked again, nothing recorded.
        Response incomplete = candidate.post("/c/debrief", Map.of("t", Links.token(link), "howItWent", "GOOD"));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.asString()).contains("Bitte beantworten Sie beide Fragen.");
        assertThat(answers(interview.id())).isZero();

        // Choose, send: recorded.
        Response first = candidate.post("/c/debrief", Map.of("t", Links.token(link), "howItWent", "MIXED", "interested", "no",
                "note", "The role is more on-call than I expected."));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).endsWith("/c/debrief?t=" + Links.token(link));
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("Vielen Dank für Ihre Rückmeldung. Rita Recruiter sieht Ihre Antwort.");
        Debrief d = Api.db(() -> Debrief.<Debrief>find("interview.id", interview.id()).firstResult());
        assertThat(d.howItWent).isEqualTo(HowItWent.MIXED);
        assertThat(d.stillInterested).isFalse();
        assertThat(d.note).isEqualTo("The role is more on-call than I expected.");

        // A second POST changes nothing.
        Response second = candidate.post("/c/debrief", Map.of("t", Links.token(link), "howItWent", "GREAT", "interested", "yes"));
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("Sie haben uns bereits geantwortet, vielen Dank.");
        assertThat(answers(interview.id())).isEqualTo(1);
        Debrief after = Api.db(() -> Debrief.<Debrief>find("interview.id", interview.id()).firstResult());
        assertThat(after.howItWent).isEqualTo(HowItWent.MIXED);
        assertThat(after.stillInterested).isFalse();

        // The team sees it: the application page and the API, recruiter and hiring manager.
        String show = PageSession.signIn(recruiter).get("/applications/" + a.id).asString();
        assertThat(show).contains("id=\"debrief-" + interview.id() + "\"").contains("Mixed").contains("No longer interested")
                .contains("The role is more on-call than I expected.");
        assertThat(PageSession.signIn(manager).get("/applications/" + a.id).asString()).contains("No longer interested");
        assertThat(json(manager).when().get("/api/interviews/" + interview.id()).then().statusCode(200).extract().jsonPath()
                .getString("debrief.howItWent")).isEqualTo("MIXED");
        assertThat(json(recruiter).when().get("/api/interviews/" + interview.id()).then().extract().jsonPath()
                .getBoolean("debrief.stillInterested")).isFalse();
    }

    @Test
    void aRequisitionWithTheDebriefOffSendsNone() {
        assertThat(PageSession.signIn(recruiter).get("/requisitions/" + requisition.id + "/edit").asString())
                .as("on unless turned off").contains("name=\"debriefEnabled\" type=\"checkbox\" value=\"true\" checked");
        json(recruiter).body(Map.of("title", requisition.title, "hiringManagerId", manager.id, "debriefEnabled", false))
                .when().put("/api/requisitions/" + requisition.id).then().statusCode(200)
                .body("debriefEnabled", org.hamcrest.Matchers.equalTo(false));
        Application a = candidate("en");
        Scheduled interview = interview(a);

        clock.set(interview.startsAt().plusHours(2).toInstant());
        letters.sendDue();
        assertThat(debriefLetters(a)).isZero();
        assertThat(json(recruiter).when().get("/api/requisitions/" + requisition.id).then().extract().jsonPath().getBoolean("debriefEnabled"))
                .isFalse();
    }

    @Test
    void otherLinksDoNotOpenTheDebriefPage() {
        Application a = candidate("en");
        Scheduled interview = interview(a);
        Mail confirmation = mailTo(email(a), 1).get(0);
        String status = Links.of(confirmation.getText(), "status");
        String withdraw = Links.of(confirmation.getText(), "withdraw");

        clock.set(interview.startsAt().plusHours(2).toInstant());
        letters.sendDue();
        String debrief = Links.of(mailTo(email(a), 2).stream().filter(m -> Links.in(m.getText()).containsKey("debrief")).findFirst().orElseThrow().getText(), "debrief");

        PageSession candidate = PageSession.candidate();
        for (String other : List.of(status, withdraw)) {
            Response refused = candidate.get("/c/debrief?t=" + Links.token(other));
            assertThat(refused.statusCode()).isEqualTo(404);
            assertThat(refused.asString()).contains("This link cannot be used");
        }
        // ...and the debrief link opens nothing else.
        assertThat(candidate.get("/c/withdraw?t=" + Links.token(debrief)).statusCode()).isEqualTo(404);
        // The English page.
        assertThat(candidate.get(Links.pathOf(debrief)).asString()).contains("How did the interview go for you?")
                .contains("Are you still interested in the role?");
        assertThat(answers(interview.id())).isZero();
    }
}
