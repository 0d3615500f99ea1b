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
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback due, with a controlled clock: missing feedback shows only after 24 working hours (a weekend
 * does not count), the hiring manager gets exactly one reminder however often the check runs, and
 * submitted feedback is never chased.
 */
@QuarkusTest
class FeedbackDueTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    InterviewFeedbackDue due;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void missingFeedbackShowsAfterTheDeadlineAndTheHiringManagerIsRemindedExactlyOnce() {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        Application a = data.application(requisition, recruiter);
        // A Friday interview, 15:00-16:00 UTC, next week or later: due Monday 16:00 (the weekend does not count).
        OffsetDateTime friday = OffsetDateTime.now(ZoneOffset.UTC).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.FRIDAY))
                .withHour(15).withMinute(0).withSecond(0).withNano(0);
        long interview = json(recruiter).body(InterviewApiTest.interview(friday.toString(), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
        Instant mondayDue = friday.plusDays(3).withHour(16).toInstant();
        assertThat(json(recruiter).when().get("/api/interviews/" + interview).then().extract().jsonPath().getString("feedbackDueAt"))
                .isEqualTo(mondayDue.toString());

        clock.set(friday.plusDays(2).toInstant()); // Sunday: 24 plain hours have passed, 24 working hours have not
        due.remindMissing(); // other tests' interviews may fall due at this clock setting: only this one's reminders count
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, MessageKind.FEEDBACK_REMINDER)))
                .as("no reminder before 24 working hours").isZero();
        assertThat(json(recruiter).when().get("/api/interviews/" + interview).then().extract().jsonPath().getBoolean("feedbackMissing")).isFalse();

        clock.set(mondayDue.plus(Duration.ofMinutes(1)));
        assertThat(json(recruiter).when().get("/api/interviews/" + interview).then().extract().jsonPath().getBoolean("feedbackMissing")).isTrue();
        PageSession rita = PageSession.signIn(recruiter);
        assertThat(rita.get("/applications/" + a.id).asString()).contains("Feedback missing");
        assertThat(rita.get("/requisitions").asString()).contains("Interview feedback missing").contains("/interviews/" + interview + "/feedback");
        // (Other tests' interviews may fall due too at these clock settings: only this interview's reminders are counted.)
        assertThat(due.remindMissing()).isGreaterThanOrEqualTo(1);
        clock.set(mondayDue.plus(Duration.ofHours(5)));
        due.remindMissing();
        due.remindMissing();
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, MessageKind.FEEDBACK_REMINDER)))
                .as("one reminder for this interview, however often the check runs").isEqualTo(1);
        Message reminder = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", a.id, MessageKind.FEEDBACK_REMINDER).firstResult());
        assertThat(reminder.recipient).isEqualTo(manager.email);
        assertThat(reminder.bodyText).contains("/interviews/" + interview + "/feedback");

        // Submitting clears the flag.
        json(manager).body(Map.of("recommendation", "YES", "shareable", "Thank you for a good conversation."))
                .when().put("/api/interviews/" + interview + "/feedback").then().statusCode(200);
        json(manager).when().post("/api/interviews/" + interview + "/feedback/submit").then().statusCode(200);
        assertThat(json(recruiter).when().get("/api/interviews/" + interview).then().extract().jsonPath().getBoolean("feedbackMissing")).isFalse();
        assertThat(rita.get("/requisitions").asString()).doesNotContain("/interviews/" + interview + "/feedback");
    }
}
