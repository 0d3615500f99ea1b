package app.candor.feedback;

import app.candor.application.Application;
import app.candor.interview.InterviewApiTest;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The hiring manager's feedback on an interview: drafts, submission, edits kept as history, and who may read and write it. */
@QuarkusTest
class InterviewFeedbackApiTest {

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
        interviewId = json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(2), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void afterTheInterview() {
        clock.set(Instant.now().plus(Duration.ofDays(3)));
    }

    private String path() {
        return "/api/interviews/" + interviewId + "/feedback";
    }

    @Test
    void aHiringManagerDraftsSubmitsAndEditsFeedbackAndEveryEditAfterSubmittingIsKept() {
        afterTheInterview();
        JsonPath draft = json(manager).body(Map.of("strengths", "Clear thinker")).when().put(path()).then().statusCode(200).extract().jsonPath();
        assertThat(draft.getString("state")).isEqualTo("DRAFT");
        Api.problem(json(manager).when().post(path() + "/submit"), 400, "recommendation");

        json(manager).body(Map.of("recommendation", "YES", "strengths", "Clear thinker", "concerns", "PRIVATE: little Kubernetes",
                "shareable", "You explained your design choices clearly.")).when().put(path()).then().statusCode(200);
        JsonPath submitted = json(manager).when().post(path() + "/submit").then().statusCode(200).extract().jsonPath();
        assertThat(submitted.getString("state")).isEqualTo("SUBMITTED");
        assertThat(submitted.getString("submittedAt")).isNotNull();
        Api.problem(json(manager).when().post(path() + "/submit"), 409, "already submitted");

        json(manager).body(Map.of("recommendation", "STRONG_YES", "strengths", "Clear thinker", "shareable", "Clear and well argued."))
                .when().put(path()).then().statusCode(200);
        List<Map<String, Object>> all = json(recruiter).when().get(path()).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(all).hasSize(1);
        JsonPath seen = json(recruiter).when().get(path()).then().extract().jsonPath();
        assertThat(seen.getString("[0].recommendation")).isEqualTo("STRONG_YES");
        assertThat(seen.getString("[0].state")).isEqualTo("SUBMITTED");
        assertThat(seen.getList("[0].revisions")).hasSize(1);
        assertThat(seen.getString("[0].revisions[0].recommendation")).isEqualTo("YES");
        assertThat(seen.getString("[0].revisions[0].concerns")).isEqualTo("PRIVATE: little Kubernetes");
        // Submitted feedback cannot be emptied by an edit.
        Api.problem(json(manager).body(Map.of("recommendation", "NO")).when().put(path()), 400, "shareable");
    }

    @Test
    void feedbackWaitsUntilTheInterviewHasTakenPlace() {
        Api.problem(json(manager).body(Map.of("recommendation", "YES")).when().put(path()), 409, "has not taken place yet");
        assertThat(json(recruiter).when().get(path()).then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
    }

    @Test
    void onlyTheRequisitionsHiringManagerWritesFeedbackAndAnotherManagerSeesNothing() {
        afterTheInterview();
        User other = data.hiringManager();
        json(other).when().get(path()).then().statusCode(404);
        Api.problem(json(other).body(Map.of("recommendation", "NO")).when().put(path()), 404);
        json(recruiter).body(Map.of("recommendation", "NO")).when().put(path()).then().statusCode(403);
        json(manager).body(Map.of("recommendation", "YES")).when().put(path()).then().statusCode(200);
        json(manager).when().get(path()).then().statusCode(200);
    }
}
