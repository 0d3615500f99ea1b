package app.candor.feedback;

import app.candor.application.Application;
import app.candor.interview.InterviewApiTest;
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

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rejected candidate asks for feedback; the recruiter sends it, written from the hiring manager's
 * shareable texts only: every shareable text is in the mail, no private word is.
 */
@QuarkusTest
class FeedbackToTheCandidateTest {

    static final String PRIVATE_STRENGTH = "PRIVATE-STRENGTH-quick-learner";
    static final String PRIVATE_CONCERN = "PRIVATE-CONCERN-salary-expectations";

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<Mail> mailTo(String address, int count) {
        List<Mail> mails = Eventually.await(count + " mail(s) to " + address, Mails.DELIVERY, () -> mailbox.getMailsSentTo(address), m -> m.size() >= count);
        // A mail is in the inbox before the dispatcher records it SENT; the rejection's feedback link opens only then.
        Mails.drain();
        return mails;
    }

    @Test
    void theFeedbackMessageHoldsEveryShareableTextAndNoPrivateOneAndAnswersTheRequestOnce() {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        Application a = data.application(requisition, recruiter);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        String path = "/api/applications/" + a.id + "/interviews";
        long first = json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(2), "PHONE", null, InterviewApiTest.PANEL))
                .when().post(path).then().statusCode(201).extract().jsonPath().getLong("id");
        long second = json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(3), "PHONE", null, InterviewApiTest.PANEL))
                .when().post(path).then().statusCode(201).extract().jsonPath().getLong("id");
        mailTo(email, 2); // the two confirmations

        clock.set(Instant.now().plus(Duration.ofDays(4)));
        for (long[] interview : new long[][] {{first, 1}, {second, 2}}) {
            json(manager).body(Map.of("recommendation", "NO", "strengths", PRIVATE_STRENGTH, "concerns", PRIVATE_CONCERN,
                    "shareable", "SHARE-" + interview[1] + ": you explained your design choices clearly."))
                    .when().put("/api/interviews/" + interview[0] + "/feedback").then().statusCode(200);
            json(manager).when().post("/api/interviews/" + interview[0] + "/feedback/submit").then().statusCode(200);
        }

        // Rejected; the candidate asks for feedback through the link in the rejection.
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 3)).when().post("/api/applications/" + a.id + "/outcome")
                .then().statusCode(201);
        String link = Links.of(mailTo(email, 3).get(2).getText(), "feedback");
        PageSession candidate = PageSession.candidate();
        candidate.get(Links.pathOf(link)).then().statusCode(200);
        candidate.post("/c/feedback", Map.of("t", Links.token(link))).then().statusCode(303);

        // The recruiter previews: the proposal is the shareable texts only.
        JsonPath draft = json(recruiter).body(Map.of()).when().post("/api/applications/" + a.id + "/feedback-message/preview")
                .then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("proposedText")).contains("SHARE-1").contains("SHARE-2")
                .doesNotContain("PRIVATE").doesNotContain("NO");
        // A hiring manager never writes to candidates.
        json(manager).body(Map.of()).when().post("/api/applications/" + a.id + "/feedback-message").then().statusCode(403);

        json(recruiter).body(Map.of()).when().post("/api/applications/" + a.id + "/feedback-message").then().statusCode(201);
        Mail feedback = mailTo(email, 4).get(3);
        assertThat(feedback.getSubject()).endsWith(": feedback");
        for (String part : List.of(feedback.getText(), feedback.getHtml())) {
            assertThat(part).contains("SHARE-1: you explained your design choices clearly.").contains("SHARE-2")
                    .doesNotContain(PRIVATE_STRENGTH).doesNotContain(PRIVATE_CONCERN);
        }
        assertThat(json(recruiter).when().get("/api/applications/" + a.id).then().extract().jsonPath().getString("feedbackAnswerMessageId"))
                .isNotNull();

        // Once per application.
        Api.problem(json(recruiter).body(Map.of("text", "again")).when().post("/api/applications/" + a.id + "/feedback-message"), 409);
    }
}
