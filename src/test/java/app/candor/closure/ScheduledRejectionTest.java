package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** A rejection scheduled for later: it waits, can be changed, cancelled (undoing the rejection) or sent now. */
@QuarkusTest
@TestProfile(MailProfile.class)
class ScheduledRejectionTest {

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    User recruiter;
    Requisition requisition;
    Application application;
    String address;

    @BeforeEach
    void setUp() {
        smtp.start();
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        address = Api.db(() -> Application.<Application>findById(application.id).candidate.email);
    }

    static String inDays(int days) {
        // Formatted, not toString(): on a whole minute toString() drops the seconds ("06:05Z"), which Instant.parse refuses.
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).plusDays(days).truncatedTo(ChronoUnit.SECONDS));
    }

    private JsonPath schedule(String note, String sendAt) {
        return json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 2, "personalNote", note, "sendAt", sendAt))
                .when().post("/api/applications/" + application.id + "/outcome")
                .then().statusCode(201).body("state", equalTo("SCHEDULED")).extract().jsonPath();
    }

    private void assertNothingSent(long id) {
        Mails.drain();
        assertThat(smtp.receivedBy(address)).as("nothing sent before the time").isEmpty();
        Message m = Mails.message(id);
        assertThat(m.state).isEqualTo(MessageState.SCHEDULED);
        assertThat(m.attempts).isEqualTo(0);
    }

    @Test
    void aScheduledRejectionWaitsAndAnEditRewritesItsBodies() {
        String sendAt = inDays(2);
        JsonPath scheduled = schedule("We enjoyed meeting you.", sendAt);
        long id = scheduled.getLong("id");
        assertThat(Instant.parse(scheduled.getString("scheduledFor"))).isEqualTo(Instant.parse(sendAt));
        assertThat(Api.db(() -> Application.<Application>findById(application.id).stage))
                .as("recorded now").isEqualTo(Stage.REJECTED);
        assertNothingSent(id);

        String later = inDays(3);
        json(recruiter).body(Map.of("personalNote", "Please do apply again next year.", "sendAt", later))
                .when().put("/api/messages/" + id).then().statusCode(200)
                .body("state", equalTo("SCHEDULED"))
                .body("personalNote", equalTo("Please do apply again next year."));

        Message edited = Mails.message(id);
        assertThat(edited.dueAt).isEqualTo(Instant.parse(later));
        for (String body : List.of(edited.bodyText, edited.bodyHtml)) {
            assertThat(body).contains("Please do apply again next year.");
            assertThat(body).doesNotContain("We enjoyed meeting you.");
        }
        assertNothingSent(id);
    }

    @Test
    void cancellingAScheduledRejectionPutsTheApplicationBackAndSendsNothing() {
        long id = schedule("We enjoyed meeting you.", inDays(1)).getLong("id");

        json(recruiter).when().post("/api/messages/" + id + "/cancel").then().statusCode(200).body("state", equalTo("CANCELLED"));

        Application back = Api.db(() -> Application.<Application>findById(application.id));
        assertThat(back.stage).as("back where it was before the rejection").isEqualTo(Stage.INTERVIEW);
        assertThat(back.promisedDecisionDate).as("open again, with a promise").isNotNull();
        List<StageChange> history = Api.db(() -> StageChange.listFor(Application.findById(application.id)));
        StageChange last = history.get(history.size() - 1);
        assertThat(last.fromStage).isEqualTo(Stage.REJECTED);
        assertThat(last.toStage).isEqualTo(Stage.INTERVIEW);
        assertThat(last.correction).isTrue();
        Mails.drain();
        assertThat(smtp.receivedBy(address)).as("nothing sent after a cancel").isEmpty();
        Message m = Mails.message(id);
        assertThat(m.state).isEqualTo(MessageState.CANCELLED);
        assertThat(m.attempts).isEqualTo(0);

        json(recruiter).when().post("/api/messages/" + id + "/send-now").then().statusCode(409);
        json(recruiter).when().post("/api/messages/" + id + "/cancel").then().statusCode(409);
    }

    @Test
    void sendNowDeliversAScheduledRejectionOnce() {
        long id = schedule("We enjoyed meeting you.", inDays(5)).getLong("id");
        assertNothingSent(id);

        json(recruiter).when().post("/api/messages/" + id + "/send-now").then().statusCode(200);

        Message sent = Mails.awaitState(id, MessageState.SENT);
        Received mail = Mails.awaitOne(smtp, address);
        assertThat(sent.attempts).isEqualTo(1);
        assertThat(mail.text()).contains("We enjoyed meeting you.");
        assertThat(mail.text()).contains("not to move forward with your application for " + requisition.title);
        json(recruiter).when().post("/api/messages/" + id + "/send-now").then().statusCode(409);
    }
}
