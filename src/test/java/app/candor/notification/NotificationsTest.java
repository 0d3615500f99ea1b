package app.candor.notification;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.system.Attention;
import app.candor.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * "Needs your attention": what candidates and colleagues do on a recruiter's applications becomes an unread item in
 * their header and list, written in the same transaction as what happened; opening one marks it read, per user.
 */
@QuarkusTest
class NotificationsTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    User recruiter;
    User colleague;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        colleague = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
    }

    private static List<Notification> of(User user) {
        return Api.db(() -> Notification.<Notification>list("userId = ?1 order by id", user.id));
    }

    @Test
    void aChaserLoggedByAColleagueIsUnreadUntilOpenedAndOnlyTheRecipientCanOpenIt() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        json(colleague).body(Map.of("channel", "PHONE", "note", "Has another offer")).post("/api/applications/" + a.id + "/chasers")
                .then().statusCode(201);
        json(recruiter).body(Map.of("channel", "EMAIL")).post("/api/applications/" + a.id + "/chasers").then().statusCode(201);

        List<Notification> mine = of(recruiter);
        assertThat(mine).as("one for the colleague's chaser, none for the recruiter's own").hasSize(1);
        assertThat(mine.get(0).kind).isEqualTo(Attention.Kind.CHASER);
        assertThat(mine.get(0).text).contains("chased (a call)").contains("Has another offer");
        assertThat(of(colleague)).isEmpty();

        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions").then().statusCode(200).body(containsString("id=\"unread-count\">1<"));
        session.get("/notifications").then().statusCode(200).body(containsString("Has another offer"), containsString("class=\"notification unread\""));

        PageSession other = PageSession.signIn(colleague);
        other.get("/notifications").then().statusCode(200).body(not(containsString("Has another offer")));
        other.post("/notifications/" + mine.get(0).id + "/open", Map.of()).then().statusCode(404);

        session.post("/notifications/" + mine.get(0).id + "/open", Map.of()).then().statusCode(303)
                .header("Location", containsString("/applications/" + a.id));
        assertThat(of(recruiter).get(0).readAt).isNotNull();
        session.get("/requisitions").then().statusCode(200).body(not(containsString("id=\"unread-count\"")));
    }

    @Test
    void aWithdrawalThroughTheCandidatesLinkTellsTheRecruiterInTheApp() {
        Application a = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now().plusDays(30).toString()))
                .post("/api/applications/" + a.id + "/delay").then().statusCode(201);
        Mail delay = Eventually.await("the delay letter", Mails.DELIVERY, () -> mailbox.getMailsSentTo(email), m -> !m.isEmpty()).get(0);
        String link = Links.of(delay.getText(), "withdraw");

        PageSession candidate = PageSession.candidate();
        candidate.get(Links.pathOf(link)).then().statusCode(200)
                .body(containsString("id=\"cancels\""), containsString("such as an upcoming interview"), containsString("Keep my application"),
                        containsString("href=\"/c/brand.css\""));
        // The way out first: keeping the application changes nothing and tells nobody.
        candidate.post("/c/withdraw", Map.of("t", Links.token(link), "keep", "yes")).then().statusCode(303);
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.SCREENING);
        assertThat(of(recruiter)).isEmpty();

        candidate.post("/c/withdraw", Map.of("t", Links.token(link), "reason", "ACCEPTED_OTHER_OFFER")).then().statusCode(303);

        List<Notification> mine = of(recruiter);
        assertThat(mine).extracting(n -> n.kind).containsExactly(Attention.Kind.WITHDRAWAL);
        assertThat(mine.get(0).text).contains("withdrew from " + requisition.title);

        PageSession session = PageSession.signIn(recruiter);
        session.get("/notifications");
        session.post("/notifications/read", Map.of()).then().statusCode(303);
        assertThat(of(recruiter)).allSatisfy(n -> assertThat(n.readAt).isNotNull());
    }
}
