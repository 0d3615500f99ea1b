package app.candor.bulk;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Bulk actions from the pipeline: a confirmation that shows each letter and how many go out and writes nothing,
 * then the same services as the single actions, one application at a time, a refused one reported and the rest done.
 */
@QuarkusTest
class BulkActionsTest {

    @Inject
    TestData data;

    User recruiter;
    Requisition requisition;
    Application ada;
    Application alan;
    Application grace;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
        ada = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        alan = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        grace = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
    }

    private static long letters(MessageKind kind, Application... of) {
        return Api.db(() -> Message.count("application.id in ?1 and kind = ?2",
                java.util.Arrays.stream(of).map(a -> a.id).toList(), kind));
    }

    private io.restassured.response.Response post(PageSession session, String path, List<Long> ids, String... fields) {
        var request = session.request().contentType(ContentType.URLENC).formParam("csrf-token", session.csrfToken());
        for (Long id : ids) {
            request = request.formParam("application", id);
        }
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }

    @Test
    void rejectingSeveralShowsEachLetterFirstThenRejectsThroughTheOutcome() {
        PageSession session = PageSession.signIn(recruiter);
        String pipeline = "/requisitions/" + requisition.id;
        session.get(pipeline).then().statusCode(200).body(containsString("id=\"bulk\""), containsString("id=\"select-" + ada.id + "\""),
                containsString("id=\"next-" + alan.id + "\""), containsString("id=\"status-change\""));
        long history = TestData.count(StageChange.class);

        post(session, pipeline + "/bulk", List.of(ada.id, alan.id), "action", "REJECT", "reasonId", "1", "personalNote", "Thank you")
                .then().statusCode(200)
                .body(containsString("id=\"letter-count\">2<"), containsString("id=\"bulk-row-" + ada.id + "\""),
                        containsString("id=\"bulk-row-" + alan.id + "\""), not(containsString("id=\"bulk-row-" + grace.id + "\"")),
                        containsString("Thank you"));
        assertThat(TestData.count(StageChange.class)).as("the confirmation page writes nothing").isEqualTo(history);
        assertThat(letters(MessageKind.REJECTION, ada, alan)).isZero();

        post(session, pipeline + "/bulk/confirm", List.of(ada.id, alan.id), "action", "REJECT", "reasonId", "1", "personalNote", "Thank you")
                .then().statusCode(303).header("Location", containsString(pipeline));
        assertThat(letters(MessageKind.REJECTION, ada, alan)).isEqualTo(2);
        assertThat(Api.db(() -> Application.<Application>findById(ada.id).stage)).isEqualTo(Stage.REJECTED);
        assertThat(Api.db(() -> Application.<Application>findById(grace.id).stage)).as("not selected").isEqualTo(Stage.INTERVIEW);

        // Again: both are decided now; the outcome refuses each, and nothing more goes out.
        var again = post(session, pipeline + "/bulk/confirm", List.of(ada.id, alan.id), "action", "REJECT", "reasonId", "1");
        again.then().statusCode(303);
        assertThat(java.net.URLDecoder.decode(again.getCookie("candor-flash"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("0 candidates done; 0 letters go out. Not done:");
        assertThat(letters(MessageKind.REJECTION, ada, alan)).isEqualTo(2);
    }

    @Test
    void movingAndDelayingGoThroughTheSameRules() {
        PageSession session = PageSession.signIn(recruiter);
        String pipeline = "/requisitions/" + requisition.id;
        session.get(pipeline);
        post(session, pipeline + "/bulk/confirm", List.of(ada.id, alan.id), "action", "MOVE", "stage", "FINAL_INTERVIEW", "tell", "on")
                .then().statusCode(303);
        assertThat(Api.db(() -> Application.<Application>findById(alan.id).stage)).isEqualTo(Stage.FINAL_INTERVIEW);
        assertThat(letters(MessageKind.STAGE_UPDATE, ada, alan)).isEqualTo(2);

        LocalDate later = LocalDate.now().plusDays(60);
        post(session, pipeline + "/bulk", List.of(grace.id), "action", "DELAY", "promisedDecisionDate", later.toString())
                .then().statusCode(200).body(containsString("id=\"letter-count\">1<"), containsString("Decision delayed"));
        post(session, pipeline + "/bulk/confirm", List.of(grace.id), "action", "DELAY", "promisedDecisionDate", later.toString())
                .then().statusCode(303);
        assertThat(Api.db(() -> Application.<Application>findById(grace.id).promisedDecisionDate)).isEqualTo(later);
        assertThat(letters(MessageKind.DECISION_DELAYED, grace)).isEqualTo(1);
    }

    @Test
    void aChoiceWithoutWhatItNeedsComesBackWithItsErrorsAndAnotherRequisitionsApplicationIsLeftOut() {
        PageSession session = PageSession.signIn(recruiter);
        String pipeline = "/requisitions/" + requisition.id;
        session.get(pipeline);
        post(session, pipeline + "/bulk", List.of(ada.id)).then().statusCode(200)
                .body(containsString("id=\"bulk-choose\""), not(containsString("id=\"errors\"")));
        post(session, pipeline + "/bulk", List.of(ada.id), "action", "REJECT", "chosen", "yes").then().statusCode(400)
                .body(containsString("id=\"errors\""), containsString("choose the rejection reason"));
        post(session, pipeline + "/bulk", List.of(), "action", "DELAY", "promisedDecisionDate", "2030-01-01").then().statusCode(400)
                .body(containsString("select at least one candidate"));

        Application elsewhere = data.applicationAt(data.requisition(recruiter, data.hiringManager()), recruiter, Stage.INTERVIEW);
        post(session, pipeline + "/bulk", List.of(ada.id, elsewhere.id), "action", "REJECT", "reasonId", "1").then().statusCode(200)
                .body(containsString("id=\"letter-count\">1<"), containsString("Left out: Application " + elsewhere.id + " does not exist"));
    }

    @Test
    void theNextStageButtonMovesTheCardAndComesBackToThePipeline() {
        PageSession session = PageSession.signIn(recruiter);
        String pipeline = "/requisitions/" + requisition.id;
        session.get(pipeline);
        session.post("/applications/" + alan.id + "/stage", java.util.Map.of("stage", "INTERVIEW", "from", "pipeline"))
                .then().statusCode(303).header("Location", containsString(pipeline + "#stage-INTERVIEW"));
        assertThat(Api.db(() -> Application.<Application>findById(alan.id).stage)).isEqualTo(Stage.INTERVIEW);
        assertThat(letters(MessageKind.STAGE_UPDATE, alan)).as("a plain move tells nobody").isZero();
    }
}
