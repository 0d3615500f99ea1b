package app.candor.link;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The candidate's status page puts the next step first: their upcoming interview, in their language, with British times. */
@QuarkusTest
class StatusNextStepTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Test
    void anUpcomingInterviewIsTheFirstThingOnTheStatusPage() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        String starts = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).withHour(14).withMinute(30).withSecond(0).withNano(0).toString();
        json(recruiter).body("{\"startsAt\":\"" + starts + "\",\"kind\":\"VIDEO\",\"location\":\"https://meet.example.test/x\","
                        + "\"interviewers\":[{\"name\":\"Grace Hopper\",\"title\":\"Head of Platform\"}]}")
                .post("/api/applications/" + a.id + "/interviews").then().statusCode(201);
        Mail confirmation = Eventually.await("the interview confirmation", Mails.DELIVERY, () -> mailbox.getMailsSentTo(email),
                m -> !m.isEmpty()).get(0);
        assertThat(confirmation.getText()).as("British time, not 2:30 PM").contains("14:30").doesNotContain(" PM");

        String page = PageSession.candidate().get(Links.pathOf(Links.of(confirmation.getText(), "status"))).then().statusCode(200)
                .extract().asString();
        assertThat(page).contains("id=\"next-step\"").contains("Your interview by video call on").contains("14:30");
        assertThat(page.indexOf("id=\"next-step\"")).as("first").isLessThan(page.indexOf("id=\"status\""));
    }
}
