package app.candor.application;

import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Move and tell: a move forward can send the candidate a stage update naming the new decision date, previewed,
 * in their language and channel, through the one move rule (API and page alike); and the letters that keep a
 * promise name its date.
 */
@QuarkusTest
class MoveAndTellTest {

    @Inject
    TestData data;

    User recruiter;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
    }

    private static List<Message> letters(long applicationId) {
        return Api.db(() -> Message.<Message>list("application.id = ?1 and kind = ?2 order by id", applicationId, MessageKind.STAGE_UPDATE));
    }

    private static String english(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK).format(date);
    }

    @Test
    void aMoveThroughTheApiTellsTheCandidateTheNewDecisionDate() {
        Application a = data.application(requisition, recruiter);
        LocalDate promise = LocalDate.now().plusDays(20);
        String body = "{\"stage\":\"INTERVIEW\",\"promisedDecisionDate\":\"" + promise + "\",\"tellCandidate\":true,"
                + "\"personalNote\":\"Looking forward to meeting you.\"}";

        json(recruiter).body(body).post("/api/applications/" + a.id + "/stage/preview").then().statusCode(200)
                .body("subject", containsString("your application moves on"))
                .body("bodyText", containsString("the interview. We expect to decide by " + english(promise)))
                .body("bodyText", containsString("Looking forward to meeting you."));
        assertThat(letters(a.id)).as("a preview writes nothing").isEmpty();

        json(recruiter).body(body).post("/api/applications/" + a.id + "/stage").then().statusCode(200)
                .body("stage", equalTo("INTERVIEW")).body("promisedDecisionDate", equalTo(promise.toString()));
        List<Message> sent = letters(a.id);
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).bodyText).contains(english(promise)).contains("Looking forward to meeting you.");
        assertThat(sent.get(0).bodyHtml).contains(english(promise));
        assertThat(sent.get(0).channel).isEqualTo(Channel.EMAIL);

        // Without tellCandidate a move tells nobody, as before.
        json(recruiter).body("{\"stage\":\"FINAL_INTERVIEW\"}").post("/api/applications/" + a.id + "/stage").then().statusCode(200);
        assertThat(letters(a.id)).hasSize(1);
    }

    @Test
    void onlyAMoveForwardThatKeepsTheApplicationOpenCanTell() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        long history = TestData.count(StageChange.class);
        problem(json(recruiter).body("{\"stage\":\"SCREENING\",\"note\":\"wrong column\",\"tellCandidate\":true}")
                .post("/api/applications/" + a.id + "/stage"), 400, "stage update");
        problem(json(recruiter).body("{\"stage\":\"WITHDRAWN\",\"tellCandidate\":true}")
                .post("/api/applications/" + a.id + "/stage"), 400, "stage update");
        assertThat(TestData.count(StageChange.class)).as("nothing changed").isEqualTo(history);
        assertThat(letters(a.id)).isEmpty();
    }

    @Test
    void aGermanCandidateGetsTheLetterInGermanAndAPhoneCandidateACallTask() {
        Application german = data.application(requisition, recruiter, new CandidateInput("Frau", "Greta", "Berger", false,
                TestData.email(), "+49 30 1234567", Channel.EMAIL, "de"));
        applicationsMove(german.id);
        Message letter = letters(german.id).get(0);
        LocalDate promise = Api.db(() -> Application.<Application>findById(german.id).promisedDecisionDate);
        assertThat(letter.subject).contains("Ihre Bewerbung geht weiter");
        assertThat(letter.bodyText).contains("Frau Berger").contains("dem Vorstellungsgespräch")
                .contains(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.GERMAN).format(promise));

        Application caller = data.application(requisition, recruiter, TestData.callerInput());
        applicationsMove(caller.id);
        assertThat(letters(caller.id).get(0).channel).isEqualTo(Channel.PHONE);
    }

    private void applicationsMove(long id) {
        json(recruiter).body("{\"stage\":\"INTERVIEW\",\"tellCandidate\":true}").post("/api/applications/" + id + "/stage")
                .then().statusCode(200);
    }

    @Test
    void onThePageTheLetterIsPreviewedBeforeTheMove() {
        Application a = data.application(requisition, recruiter);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + a.id + "?action=move").then().statusCode(200).body(containsString("id=\"f-tell\""));
        Map<String, String> form = Map.of("stage", "SCREENING", "promisedDecisionDate", "", "note", "", "toldHow", "",
                "tell", "on", "personalNote", "Speak soon");
        session.post("/applications/" + a.id + "/stage", form).then().statusCode(200)
                .body(containsString("Preview: Stage update for"), containsString("Speak soon"), containsString("Move and send"));
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).as("a preview moves nothing").isEqualTo(Stage.APPLIED);

        var sent = session.post("/applications/" + a.id + "/stage", Map.of("stage", "SCREENING", "promisedDecisionDate", "", "note", "",
                "toldHow", "", "tell", "on", "personalNote", "Speak soon", "previewedNote", "Speak soon"));
        sent.then().statusCode(303);
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.SCREENING);
        assertThat(letters(a.id)).hasSize(1);
        assertThat(letters(a.id).get(0).bodyText).contains("Speak soon");
    }

    @Test
    void anInterviewConfirmationNamesTheDecisionDate() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        LocalDate promise = Api.db(() -> Application.<Application>findById(a.id).promisedDecisionDate);
        String starts = java.time.OffsetDateTime.now().plusDays(3).withHour(10).withMinute(0).withSecond(0).withNano(0).toString();
        json(recruiter).body("{\"startsAt\":\"" + starts + "\",\"kind\":\"VIDEO\",\"location\":\"https://meet.example.test/x\","
                        + "\"interviewers\":[{\"name\":\"Grace Hopper\",\"title\":\"Head of Platform\"}]}")
                .post("/api/applications/" + a.id + "/interviews").then().statusCode(201);
        Message confirmation = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", a.id, MessageKind.INTERVIEW_INVITATION)
                .firstResult());
        assertThat(confirmation.bodyText).contains("We expect to decide on your application by " + english(promise));
    }
}
