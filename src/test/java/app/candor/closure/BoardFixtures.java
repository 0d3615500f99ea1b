package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.candidate.Channel;
import app.candor.interview.InterviewApiTest;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.support.ClosureRows;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;

/**
 * Setting up the board's situations quickly: promises and closure states written straight into the
 * application (as the sweep and time would leave them), chasers through the API, and a letter that
 * bounced. Tests run at 10:00 UTC on a Friday a few weeks ahead (the test time zone is UTC).
 */
final class BoardFixtures {

    private BoardFixtures() {
    }

    /** A Friday at least two weeks ahead, so that nothing created "today" by other tests is in its past by accident of the week. */
    static LocalDate aFriday() {
        return LocalDate.now(ZoneOffset.UTC).plusWeeks(2).with(TemporalAdjusters.next(DayOfWeek.FRIDAY));
    }

    static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).toInstant(ZoneOffset.UTC);
    }

    /** The promise as the candidate was told it (and, for a closed or paused application, its closure state). */
    static void promise(long applicationId, LocalDate due, ClosureState state) {
        QuarkusTransaction.requiringNew().run(() -> {
            // Test set-up writes the columns directly: the scenario, not a path through the rules.
            ClosureRows.due(due, applicationId);
            ClosureRows.state(state, applicationId);
            Application.update("promisedDecisionDate = ?1 where id = ?2 and stage in ?3", due, applicationId,
                    app.candor.application.Stage.pipeline());
        });
    }

    static void promise(long applicationId, LocalDate due) {
        promise(applicationId, due, ClosureState.OPEN);
    }

    /** Logs a chaser through the API; returns its id. */
    static long chase(User recruiter, long applicationId, Channel channel, Instant receivedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel.name());
        body.put("receivedAt", receivedAt.toString());
        body.put("note", "Asked where things stand");
        return json(recruiter).body(body).when().post("/api/applications/" + applicationId + "/chasers")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A letter to the candidate that bounced (as the dispatcher leaves it after an SMTP 5xx). */
    static long bounced(long applicationId, MessageKind kind, Instant createdAt) {
        return Mails.letterRow(applicationId, kind, MessageState.FAILED, createdAt, m -> {
            m.subject = "A letter that bounced";
            m.attempts = 1;
            m.lastError = "550 5.1.1 mailbox unavailable";
        });
    }

    /** An interview whose hiring manager was reminded that feedback is missing (as InterviewFeedbackDue leaves it); returns its id. */
    static long feedbackMissing(User recruiter, long applicationId, Instant startsAt, Instant remindedAt) {
        long id = json(recruiter).body(InterviewApiTest.interview(startsAt.toString(), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + applicationId + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
        QuarkusTransaction.requiringNew().run(() -> app.candor.interview.Interview.update("feedbackRemindedAt = ?1 where id = ?2", remindedAt, id));
        return id;
    }

    /** "section:applicationId" for each row of a board page, in order. */
    static List<String> rows(JsonPath board) {
        List<String> sections = board.getList("rows.section", String.class);
        List<Long> ids = board.getList("rows.applicationId", Long.class);
        return java.util.stream.IntStream.range(0, sections.size()).mapToObj(i -> sections.get(i) + ":" + ids.get(i)).toList();
    }

    static String row(BoardSection section, long applicationId) {
        return section.name() + ":" + applicationId;
    }
}
