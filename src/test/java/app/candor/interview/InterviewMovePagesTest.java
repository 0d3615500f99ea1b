package app.candor.interview;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.system.BusinessCalendar;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/** Issue 21 on the application page: a colleague chosen from Candor's users as interviewer; an interview moved from the page. */
@QuarkusTest
class InterviewMovePagesTest {

    @Inject
    TestData data;

    @Inject
    BusinessCalendar calendar;

    User recruiter;
    User manager;
    Application application;
    String page;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        page = "/applications/" + application.id;
    }

    private static LocalDateTime inDays(int days) {
        return LocalDateTime.now(ZoneOffset.UTC).plusDays(days).withHour(10).withMinute(0).withSecond(0).withNano(0);
    }

    @Test
    void aColleagueChosenFromTheUsersIsNamedWithTheirTitleAndInvitedAndTheInterviewMovesFromThePage() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page + "?action=interview").then().statusCode(200).body(containsString("<option value=\"" + manager.id + "\">" + manager.fullName));
        Map<String, Object> form = new HashMap<>();
        form.put("startsAt", inDays(3).toString());
        form.put("durationMinutes", "45");
        form.put("kind", "ON_SITE");
        form.put("location", "1 Main Street, London");
        form.put("interviewerUser", List.of(Long.toString(manager.id), ""));
        form.put("interviewerName", List.of("", "Grace Hopper"));
        form.put("interviewerTitle", List.of("", "Head of Platform"));
        form.put("interviewerEmail", List.of("", "grace@example.test"));
        session.post(page + "/interviews", form).then().statusCode(303);

        Interview stored = Api.db(() -> Interview.<Interview>find("application.id", application.id).singleResult());
        assertThat(stored.interviewers).extracting(p -> p.name + ", " + p.title + ", " + p.userId + ", " + p.email).containsExactly(
                manager.fullName + ", " + manager.jobTitle + ", " + manager.id + ", " + manager.email,
                "Grace Hopper, Head of Platform, null, grace@example.test");
        assertThat(stored.calendarSequence).isZero();

        LocalDateTime later = inDays(5).withHour(14);
        session.get(page).then().statusCode(200).body(containsString("action=\"" + page + "/interviews/" + stored.id + "/move\""));
        session.post(page + "/interviews/" + stored.id + "/move", Map.of("startsAt", later.toString(), "durationMinutes", "30",
                "kind", "VIDEO", "location", "https://meet.example.test/xyz")).then().statusCode(303).header("Location", endsWith(page));

        Interview moved = Api.db(() -> Interview.<Interview>findById(stored.id));
        assertThat(moved.startsAt).isEqualTo(later.atZone(calendar.zone()).toInstant());
        assertThat(moved.kind).isEqualTo(InterviewKind.VIDEO);
        assertThat(moved.durationMinutes).isEqualTo(30);
        assertThat(moved.calendarSequence).isEqualTo(1);
        assertThat(moved.interviewers).extracting(p -> p.name).containsExactly(manager.fullName, "Grace Hopper");
        Message letter = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", application.id,
                MessageKind.INTERVIEW_RESCHEDULED).singleResult());
        assertThat(letter.calendar).contains("METHOD:REQUEST").contains("SEQUENCE:1").contains("UID:candor-interview-" + stored.id + "@")
                .contains("ATTENDEE").contains("grace@example.test");

        // A time in the past is refused on the page, and nothing changes.
        session.post(page + "/interviews/" + stored.id + "/move", Map.of("startsAt", "2000-01-01T10:00", "kind", "VIDEO",
                "location", "https://meet.example.test/xyz")).then().statusCode(400).body(containsString("must be in the future"));
        assertThat(Api.db(() -> Interview.<Interview>findById(stored.id)).calendarSequence).isEqualTo(1);
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", application.id, MessageKind.INTERVIEW_RESCHEDULED)))
                .isEqualTo(1);
    }
}
