package app.candor.feedback;

import app.candor.application.Application;
import app.candor.interview.InterviewApiTest;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Browser;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The interview feedback page: the hiring manager records feedback there, the recruiter reads it. */
@QuarkusTest
class FeedbackPagesTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    User recruiter;
    User manager;
    long interviewId;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        Application a = data.application(requisition, recruiter);
        interviewId = json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(1), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String path() {
        return "/interviews/" + interviewId + "/feedback";
    }

    @Test
    void anIncompleteSubmissionIsShownAgainWithTheReasonAndSavesNothing() {
        PageSession hm = PageSession.signIn(manager);
        assertThat(hm.get(path()).then().statusCode(200).extract().asString()).contains("once the interview has started")
                .doesNotContain("id=\"feedback-form\"");
        clock.set(Instant.now().plus(Duration.ofDays(2)));

        assertThat(hm.get(path()).asString()).contains("id=\"feedback-form\"");
        Response refused = hm.post(path(), Map.of("recommendation", "YES", "strengths", "Kept text", "action", "submit"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("shareable").contains("Kept text");
        assertThat(Api.db(() -> InterviewFeedback.count("interview.id", interviewId))).isZero();

        Response bogus = hm.post(path(), Map.of("recommendation", "MAYBE", "action", "save"));
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(Api.db(() -> InterviewFeedback.count("interview.id", interviewId))).isZero();

        PageSession.signIn(data.hiringManager()).get(path()).then().statusCode(404);
        PageSession rita = PageSession.signIn(recruiter);
        assertThat(rita.get(path()).then().statusCode(200).extract().asString()).doesNotContain("id=\"feedback-form\"");
        assertThat(rita.post(path(), Map.of("recommendation", "NO", "action", "save")).statusCode()).isEqualTo(403);
    }

    @Test
    void aHiringManagerRecordsFeedbackInTheBrowserAndTheRecruiterSeesIt() throws Exception {
        clock.set(Instant.now().plus(Duration.ofDays(2)));
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(manager.username, TestData.PASSWORD);
            browser.go(path());
            new Select(browser.field("recommendation")).selectByValue("STRONG_YES");
            browser.field("strengths").sendKeys("Calm under pressure; clear trade-offs.");
            browser.field("concerns").sendKeys("Little on-call experience.");
            browser.field("shareable").sendKeys("You walked us through your design choices very clearly.");
            browser.screenshot("feedback-form");
            browser.submit("#feedback-form button[value=submit]");
            assertThat(browser.text(".flash")).contains("Feedback submitted");
            assertThat(browser.text("main")).contains("Submitted").contains("Strong yes");

            browser.submit("form.signout button");
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go(path());
            String page = browser.text("main");
            assertThat(page).contains("Strong yes").contains("Calm under pressure").contains("Little on-call experience.")
                    .contains("You walked us through your design choices very clearly.");
            browser.screenshot("feedback-recruiter");
        }
        assertThat(Api.db(() -> InterviewFeedback.<InterviewFeedback>find("interview.id", interviewId).firstResult().state))
                .isEqualTo(InterviewFeedback.State.SUBMITTED);
    }
}
