package app.candor.message;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** In demo mode (mock mailer) recruiters can open what candidates were sent, links included, and try the candidate's side. */
@QuarkusTest
class DemoInboxTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Test
    void aRecruiterOpensTheCandidatesLinksFromTheDemoInbox() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()))
                .when().post("/api/applications/" + a.id + "/delay").then().statusCode(201);
        Eventually.await("the delay notice", Mails.DELIVERY, () -> !mailbox.getMailsSentTo(email).isEmpty());

        String inbox = PageSession.signIn(recruiter).get("/demo/inbox").then().statusCode(200).extract().asString();
        assertThat(inbox).contains("Demo inbox").contains(email).contains("our decision needs a little longer")
                .contains("Open as the candidate: withdraw").contains("Open as the candidate: status");
        String withdraw = Links.of(inbox, "withdraw");
        assertThat(PageSession.candidate().get(Links.pathOf(withdraw)).statusCode()).isEqualTo(200);

        // One list, newest first, each letter with its time: a later letter to another candidate comes above.
        Application later = data.application(requisition, recruiter);
        String laterEmail = Api.db(() -> Application.<Application>findById(later.id).candidate.email);
        json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()))
                .when().post("/api/applications/" + later.id + "/delay").then().statusCode(201);
        Eventually.await("the second delay notice", Mails.DELIVERY, () -> !mailbox.getMailsSentTo(laterEmail).isEmpty());
        PageSession session = PageSession.signIn(recruiter);
        // The mock has it before the row is marked sent (which the inbox lists): wait for the page.
        Eventually.await("the second letter marked sent", Mails.DELIVERY, () -> session.get("/demo/inbox").asString().contains(laterEmail));
        String both = session.get("/demo/inbox").then().statusCode(200).extract().asString();
        assertThat(both.indexOf("to " + laterEmail)).isNotNegative().isLessThan(both.indexOf("to " + email));
        assertThat(both).contains("newest first").containsPattern("to " + java.util.regex.Pattern.quote(email) + ", sent <time datetime=\"[^\"]+\">");

        PageSession.signIn(data.hiringManager()).request().when().get("/demo/inbox").then().statusCode(403);
        PageSession.anonymous().when().get("/demo/inbox").then().statusCode(302);
    }
}
