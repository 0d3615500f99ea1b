package app.candor.feedback;

import app.candor.application.Application;
import app.candor.interview.InterviewApiTest;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The recruiter sends interview feedback from the pages: proposed from the shareable texts, previewed, sent once. */
@QuarkusTest
class FeedbackMessagePagesTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theRecruiterPreviewsTheProposedFeedbackAndSendsItOnce() {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        Application a = data.application(requisition, recruiter);
        long interview = json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(1), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
        clock.set(Instant.now().plus(Duration.ofDays(2)));
        json(manager).body(Map.of("recommendation", "NO", "concerns", "PRIVATE-PHRASE-not-senior-enough",
                "shareable", "We enjoyed your questions about our on-call rota.")).when().put("/api/interviews/" + interview + "/feedback")
                .then().statusCode(200);
        json(manager).when().post("/api/interviews/" + interview + "/feedback/submit").then().statusCode(200);
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 3)).when().post("/api/applications/" + a.id + "/outcome")
                .then().statusCode(201);

        PageSession rita = PageSession.signIn(recruiter);
        assertThat(rita.get("/applications/" + a.id).asString()).contains("/applications/" + a.id + "/feedback-message");
        String page = rita.get("/applications/" + a.id + "/feedback-message").then().statusCode(200).extract().asString();
        assertThat(page).contains("We enjoyed your questions about our on-call rota.").doesNotContain("PRIVATE-PHRASE")
                .doesNotContain("id=\"send-feedback\"");

        String edited = "We enjoyed your questions about our on-call rota. Keep asking them!";
        Response preview = rita.post("/applications/" + a.id + "/feedback-message/preview", Map.of("text", edited));
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.asString()).contains("Keep asking them!").contains("id=\"send-feedback\"").doesNotContain("PRIVATE-PHRASE");
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, MessageKind.FEEDBACK))).as("preview writes nothing").isZero();

        Response sent = rita.post("/applications/" + a.id + "/feedback-message", Map.of("text", edited));
        assertThat(sent.statusCode()).isEqualTo(303);
        Message m = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", a.id, MessageKind.FEEDBACK).firstResult());
        assertThat(m.bodyText).contains("Keep asking them!").doesNotContain("PRIVATE-PHRASE");

        Response again = rita.post("/applications/" + a.id + "/feedback-message", Map.of("text", edited));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, MessageKind.FEEDBACK))).isEqualTo(1);

        PageSession.signIn(manager).request().when().get("/applications/" + a.id + "/feedback-message").then().statusCode(403);
    }
}
