package app.candor.interview;

import app.candor.application.Application;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling, moving and cancelling interviews through the API; each change tells the candidate once. */
@QuarkusTest
public class InterviewApiTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    User recruiter;
    User manager;
    Requisition requisition;
    Application application;
    String email;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager, TestData.unique("Site Reliability Engineer"));
        application = data.application(requisition, recruiter);
        email = Api.db(() -> Application.<Application>findById(application.id).candidate.email);
    }

    public static String inDays(int days) {
        return OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).withHour(10).withMinute(0).withSecond(0).withNano(0).toString();
    }

    public static Map<String, Object> interview(String startsAt, String kind, String location, List<Map<String, String>> people) {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("startsAt", startsAt);
        body.put("kind", kind);
        if (location != null) {
            body.put("location", location);
        }
        body.put("interviewers", people);
        return body;
    }

    public static final List<Map<String, String>> PANEL = List.of(
            Map.of("name", "Grace Hopper", "title", "Head of Platform"),
            Map.of("name", "Alan Turing", "title", "Principal Engineer"));

    private List<Mail> mailTo(int count) {
        return Eventually.await(count + " mail(s) to " + email, Mails.DELIVERY, () -> mailbox.getMailsSentTo(email), m -> m.size() >= count);
    }

    @Test
    void schedulingAnInterviewConfirmsItToTheCandidateWithEveryInterviewersNameAndTitle() {
        JsonPath created = json(recruiter).body(interview(inDays(3), "ON_SITE", "1 Main Street, London", PANEL))
                .when().post("/api/applications/" + application.id + "/interviews").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        assertThat(created.getString("state")).isEqualTo("SCHEDULED");
        assertThat(created.getInt("durationMinutes")).isEqualTo(60);
        assertThat(created.getList("interviewers.name")).containsExactly("Grace Hopper", "Alan Turing");

        Mail mail = mailTo(1).get(0);
        assertThat(mail.getSubject()).startsWith(requisition.title + " at Candor Demo Ltd: your interview on");
        for (String part : List.of(mail.getText(), mail.getHtml())) {
            assertThat(part).contains("Grace Hopper, Head of Platform").contains("Alan Turing, Principal Engineer")
                    .contains("1 Main Street, London").contains("in person");
        }
        assertThat(Links.in(mail.getText()).keySet()).containsExactly("status", "withdraw");

        // The hiring manager of the requisition reads it; another manager gets 404.
        json(manager).when().get("/api/interviews/" + id).then().statusCode(200);
        json(manager).when().get("/api/applications/" + application.id + "/interviews").then().statusCode(200);
        json(data.hiringManager()).when().get("/api/interviews/" + id).then().statusCode(404);
        json(data.hiringManager()).when().get("/api/applications/" + application.id + "/interviews").then().statusCode(404);
        // The hiring manager finds it among their upcoming interviews; another manager does not.
        assertThat(app.candor.support.PageSession.signIn(manager).get("/requisitions").asString()).contains("Your upcoming interviews")
                .contains("/interviews/" + id + "/feedback");
        assertThat(app.candor.support.PageSession.signIn(data.hiringManager()).get("/requisitions").asString())
                .doesNotContain("/interviews/" + id + "/feedback");
        // A hiring manager cannot schedule (nor write to candidates).
        json(manager).body(interview(inDays(4), "PHONE", null, PANEL)).when().post("/api/applications/" + application.id + "/interviews")
                .then().statusCode(403);
    }

    @Test
    void movingAnInterviewSendsTheNewDetailsAndCancellingItSendsANotice() {
        long id = json(recruiter).body(interview(inDays(3), "VIDEO", "https://meet.example.test/abc", PANEL))
                .when().post("/api/applications/" + application.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
        mailTo(1);

        json(recruiter).body(interview(inDays(5), "VIDEO", "https://meet.example.test/xyz", List.of(PANEL.get(0))))
                .when().put("/api/interviews/" + id).then().statusCode(200).body("interviewers.size()", org.hamcrest.Matchers.is(1));
        Mail moved = mailTo(2).get(1);
        assertThat(moved.getSubject()).contains("your interview has moved to");
        assertThat(moved.getText()).contains("https://meet.example.test/xyz").contains("Grace Hopper, Head of Platform")
                .doesNotContain("Alan Turing");

        json(recruiter).when().post("/api/interviews/" + id + "/cancel").then().statusCode(200).body("state", org.hamcrest.Matchers.is("CANCELLED"));
        Mail cancelled = mailTo(3).get(2);
        assertThat(cancelled.getSubject()).contains("is cancelled");
        assertThat(cancelled.getText()).contains("We have had to cancel your interview on");

        // Cancelling again changes nothing and sends nothing.
        Api.problem(json(recruiter).when().post("/api/interviews/" + id + "/cancel"), 409, "CANCELLED");
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind in ?2", application.id,
                List.of(MessageKind.INTERVIEW_INVITATION, MessageKind.INTERVIEW_RESCHEDULED, MessageKind.INTERVIEW_CANCELLED)))).isEqualTo(3);
    }

    @Test
    void badInterviewsAreRefusedWithTheReasonAndWriteNothing() {
        String path = "/api/applications/" + application.id + "/interviews";
        Api.problem(json(recruiter).body(interview(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(), "PHONE", null, PANEL))
                .when().post(path), 400, "startsAt", "future");
        Api.problem(json(recruiter).body(interview(inDays(2), "VIDEO", null, PANEL)).when().post(path), 400, "location", "meeting link");
        Api.problem(json(recruiter).body(interview(inDays(2), "PHONE", null, List.of())).when().post(path), 400, "interviewers");
        Api.problem(json(recruiter).body(interview(inDays(2), "PHONE", null, List.of(Map.of("name", "Grace Hopper", "title", " "))))
                .when().post(path), 400, "title");
        assertThat(Api.db(() -> Interview.count("application.id", application.id))).isZero();
        assertThat(Api.db(() -> Message.count("application.id", application.id))).isZero();
    }
}
