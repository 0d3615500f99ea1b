package app.candor.interview;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.MoveInput;
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
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/**
 * The Interviews section of the application page: recruiters preview, schedule and cancel through
 * plain forms (each change confirmed to the candidate); the requisition's hiring manager reads it.
 */
@QuarkusTest
class InterviewPagesTest {

    @Inject
    TestData data;

    @Inject
    InterviewService interviews;

    @Inject
    BusinessCalendar calendar;

    @Inject
    ApplicationService applications;

    User recruiter;
    User manager;
    Requisition requisition;
    Application application;
    String page;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        page = "/applications/" + application.id;
    }

    /** Two days ahead at 10:00, as a datetime-local input sends it (company time). */
    private static LocalDateTime inTwoDays() {
        return LocalDateTime.now(ZoneOffset.UTC).plusDays(2).withHour(10).withMinute(0).withSecond(0).withNano(0);
    }

    /** The schedule form: three rows of name and title, as the page posts them (empty rows included). */
    private static Map<String, Object> form(String startsAt, String kind, String location, List<String> names, List<String> titles) {
        Map<String, Object> form = new HashMap<>();
        form.put("startsAt", startsAt);
        form.put("durationMinutes", "45");
        form.put("kind", kind);
        form.put("location", location);
        form.put("interviewerName", names);
        form.put("interviewerTitle", titles);
        return form;
    }

    private static Map<String, Object> videoWithGraceInRowTwo(LocalDateTime at) {
        return form(at.toString(), "VIDEO", "https://meet.example.test/abc",
                List.of("", "Grace Hopper", ""), List.of("", "Head of Platform", ""));
    }

    private static String flash(Response response) {
        String cookie = response.getCookie("candor-flash");
        assertThat(cookie).as("a flash after a successful form").isNotNull();
        return URLDecoder.decode(cookie, StandardCharsets.UTF_8);
    }

    private long interviewCount() {
        return Api.db(() -> Interview.count("application.id", application.id));
    }

    private long messageCount() {
        return Api.db(() -> Message.count("application.id", application.id));
    }

    private Interview scheduledByService() {
        InterviewView v = interviews.schedule(application.id, new InterviewInput(OffsetDateTime.now(ZoneOffset.UTC).plusDays(3), 30,
                InterviewKind.ON_SITE, "1 Main Street, London",
                List.of(new InterviewInput.InterviewerInput("Alan Turing", "Principal Engineer"))), recruiter);
        return Api.db(() -> Interview.<Interview>findById(v.id()));
    }

    @Test
    void aRecruiterSchedulesThroughTheFormAndTheCandidateIsSentAConfirmation() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page + "?action=interview").then().statusCode(200)
                .body(containsString("id=\"interviews\""), containsString("No interviews yet."), containsString("id=\"schedule-interview\""),
                        containsString("name=\"startsAt\" type=\"datetime-local\""), containsString("value=\"ON_SITE\""));
        LocalDateTime at = inTwoDays();

        Response sent = session.post(page + "/interviews", videoWithGraceInRowTwo(at));
        sent.then().statusCode(303).header("Location", endsWith(page));
        assertThat(flash(sent)).startsWith("Video interview scheduled for ").contains("timeline");

        Interview stored = Api.db(() -> Interview.<Interview>find("application.id", application.id).singleResult());
        assertThat(stored.startsAt).isEqualTo(at.atZone(calendar.zone()).toInstant());
        assertThat(stored.durationMinutes).isEqualTo(45);
        assertThat(stored.kind).isEqualTo(InterviewKind.VIDEO);
        assertThat(stored.location).isEqualTo("https://meet.example.test/abc");
        assertThat(stored.state).isEqualTo(InterviewState.SCHEDULED);
        assertThat(stored.interviewers).extracting(p -> p.name + ", " + p.title).containsExactly("Grace Hopper, Head of Platform");
        Message confirmation = Api.db(() -> Message.<Message>find("application.id", application.id).singleResult());
        assertThat(confirmation.kind).isEqualTo(MessageKind.INTERVIEW_INVITATION);

        session.get(page).then().statusCode(200)
                .body(containsString("id=\"interview-row-" + stored.id + "\""), containsString("id=\"interview-" + stored.id + "\""), containsString("Grace Hopper, <span class=\"muted\">Head of Platform</span>"),
                        containsString("<a href=\"https://meet.example.test/abc\""), containsString("45 minutes"),
                        containsString("?cancel=" + stored.id), containsString("/messages/" + confirmation.id));
    }

    @Test
    void thePreviewShowsTheConfirmationWritesNothingAndCarriesTheDetailsToTheScheduleButton() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page);
        LocalDateTime at = inTwoDays();

        String preview = session.post(page + "/interviews/preview", videoWithGraceInRowTwo(at)).then().statusCode(200)
                .body(containsString("Preview: Interview confirmation for "), containsString("id=\"html-part\""),
                        containsString("Grace Hopper, Head of Platform"), containsString("https://meet.example.test/abc"),
                        containsString("action=\"" + page + "/interviews\""), containsString("Schedule and send confirmation"),
                        not(containsString("name=\"personalNote\"")), not(containsString("id=\"update-preview\"")))
                .extract().asString();
        assertThat(interviewCount()).isZero();
        assertThat(messageCount()).isZero();

        // The send form carries what was previewed; posting it schedules exactly that.
        assertThat(preview).contains("name=\"startsAt\" value=\"" + at + "\"", "name=\"interviewerName\" value=\"Grace Hopper\"",
                "name=\"interviewerTitle\" value=\"Head of Platform\"");
        Map<String, Object> hidden = form(at.toString(), "VIDEO", "https://meet.example.test/abc", List.of("Grace Hopper"),
                List.of("Head of Platform"));
        session.post(page + "/interviews", hidden).then().statusCode(303);
        assertThat(interviewCount()).isEqualTo(1);
        assertThat(messageCount()).isEqualTo(1);
    }

    @Test
    void aBadFormIsShownAgainWithTheErrorBesideTheFieldAndWhatWasTypedAndWritesNothing() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page);
        String at = inTwoDays().toString();

        session.post(page + "/interviews", form(at, "ON_SITE", "Kept <typed> address", List.of("", "", ""), List.of("", "", "")))
                .then().statusCode(400)
                .body(containsString("class=\"errors\""), containsString("needs at least one person the candidate will meet"),
                        containsString("value=\"Kept &lt;typed&gt; address\""), containsString("value=\"" + at + "\""));
        session.post(page + "/interviews/preview", form(at, "VIDEO", "", List.of("Ada Lovelace", "", ""), List.of("Analyst", "", "")))
                .then().statusCode(400)
                .body(containsString("is required for a video interview: the meeting link"), containsString("value=\"Ada Lovelace\""));
        session.post(page + "/interviews", form("", "", "", List.of("", "Grace Hopper", ""), List.of("", "", "")))
                .then().statusCode(400)
                .body(containsString("is required: the day and time the interview starts"),
                        containsString("choose how the interview takes place"));

        // A person without a title: the error stands beside the row it was typed in (the second), not the first.
        String refused = session.post(page + "/interviews", form(at, "PHONE", "", List.of("", "Grace Hopper", ""), List.of("", "", "")))
                .then().statusCode(400).extract().asString();
        String rowTwoTitle = refused.substring(refused.indexOf("for=\"f-interviewer-2-title\""),
                refused.indexOf("for=\"f-interviewer-3-name\""));
        assertThat(rowTwoTitle).contains("aria-invalid=\"true\"", "is required: the candidate is told who they will meet");
        assertThat(refused).contains("Interviewer 2 title is required");

        session.post(page + "/interviews", form("2000-01-01T10:00", "PHONE", "", List.of("Grace Hopper"), List.of("Head of Platform")))
                .then().statusCode(400).body(containsString("must be in the future"));
        assertThat(session.postWithoutToken(page + "/interviews", videoWithGraceInRowTwo(inTwoDays())).statusCode()).isEqualTo(400);

        assertThat(interviewCount()).isZero();
        assertThat(messageCount()).isZero();
    }

    @Test
    void theHiringManagerOfTheRequisitionSeesTheInterviewsButNoForms() {
        Interview interview = scheduledByService();
        PageSession session = PageSession.signIn(manager);
        session.get(page).then().statusCode(200)
                .body(containsString("id=\"interviews\""), containsString("id=\"interview-" + interview.id + "\""),
                        containsString("Alan Turing, <span class=\"muted\">Principal Engineer</span>"), containsString("1 Main Street, London"),
                        containsString("On site"), not(containsString("id=\"schedule-interview\"")), not(containsString("/cancel\"")));

        session.post(page + "/interviews", videoWithGraceInRowTwo(inTwoDays())).then().statusCode(403);
        session.post(page + "/interviews/" + interview.id + "/cancel", Map.of()).then().statusCode(403);
        assertThat(interviewCount()).isEqualTo(1);
        assertThat(Api.db(() -> Interview.<Interview>findById(interview.id).state)).isEqualTo(InterviewState.SCHEDULED);
    }

    @Test
    void anotherHiringManagerGets404() {
        scheduledByService();
        PageSession.signIn(data.hiringManager()).get(page).then().statusCode(404);
    }

    @Test
    void cancellingThroughThePageCancelsTheInterviewAndTellsTheCandidate() {
        Interview interview = scheduledByService();
        PageSession session = PageSession.signIn(recruiter);
        session.get(page).then().statusCode(200).body(containsString("href=\"" + page + "?cancel=" + interview.id + "#confirm-cancel\""),
                not(containsString("action=\"" + page + "/interviews/" + interview.id + "/cancel\"")));
        session.get(page + "?cancel=" + interview.id).then().statusCode(200)
                .body(containsString("action=\"" + page + "/interviews/" + interview.id + "/cancel\""), containsString("The candidate is told at once"));

        Response cancelled = session.post(page + "/interviews/" + interview.id + "/cancel", Map.of());
        cancelled.then().statusCode(303).header("Location", endsWith(page));
        assertThat(flash(cancelled)).startsWith("Interview on ").contains("cancelled");
        assertThat(Api.db(() -> Interview.<Interview>findById(interview.id).state)).isEqualTo(InterviewState.CANCELLED);
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", application.id, MessageKind.INTERVIEW_CANCELLED)))
                .isEqualTo(1);
        session.get(page).then().statusCode(200)
                .body(containsString("state-CANCELLED"), not(containsString("/interviews/" + interview.id + "/cancel")));

        // Again: refused on the page, nothing new sent.
        session.post(page + "/interviews/" + interview.id + "/cancel", Map.of()).then().statusCode(409)
                .body(containsString("class=\"errors\""), containsString("is CANCELLED and cannot be cancelled"));
        assertThat(messageCount()).isEqualTo(2);
    }

    @Test
    void anInterviewIsCancelledOnlyThroughItsOwnApplication() {
        Interview interview = scheduledByService();
        Application other = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        PageSession session = PageSession.signIn(recruiter);
        session.get(page);

        session.post("/applications/" + other.id + "/interviews/" + interview.id + "/cancel", Map.of()).then().statusCode(404);
        assertThat(Api.db(() -> Interview.<Interview>findById(interview.id).state)).isEqualTo(InterviewState.SCHEDULED);
    }

    @Test
    void aClosedApplicationShowsItsInterviewsWithoutTheScheduleForm() {
        Interview interview = scheduledByService();
        applications.move(application.id, new MoveInput(Stage.WITHDRAWN, null, null), recruiter);
        PageSession.signIn(recruiter).get(page).then().statusCode(200)
                .body(containsString("id=\"interview-" + interview.id + "\""), not(containsString("id=\"schedule-interview\"")));
    }
}
