package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.candor.support.Api.json;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cancelling a requisition with many open applications: every candidate is told once, every application closes. */
@QuarkusTest
@TestProfile(MailProfile.class)
class RoleCancelledAtScaleTest {

    static final int OPEN = 50;

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    @Test
    void cancellingARoleWithFiftyOpenApplicationsSendsFiftyNoticesOnceEachAndClosesThemAll() {
        smtp.start();
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        List<Long> applications = new ArrayList<>();
        for (int i = 0; i < OPEN; i++) {
            applications.add(data.application(requisition, recruiter).id);
        }
        Application decided = data.applicationAt(requisition, recruiter, Stage.WITHDRAWN);

        json(recruiter).body(Map.of("status", "CANCELLED")).when().post("/api/requisitions/" + requisition.id + "/status")
                .then().statusCode(200)
                .body("notices", equalTo(OPEN))
                .body("requisition.status", equalTo("CANCELLED"));

        Eventually.await("all " + OPEN + " notices sent", Mails.DELIVERY,
                () -> Api.db(() -> Message.count("requisition.id = ?1 and state = ?2", requisition.id, MessageState.SENT)),
                sent -> sent == OPEN);
        List<Message> notices = Api.db(() -> Message.<Message>list("requisition.id", requisition.id));
        assertEquals(OPEN, notices.size(), "one notice per open application, none for the closed one");
        Set<String> recipients = new HashSet<>();
        for (Message m : notices) {
            assertEquals(MessageKind.ROLE_CANCELLED, m.kind);
            assertEquals(1, m.attempts, () -> "attempts of message " + m.id);
            recipients.add(m.recipient);
        }
        assertEquals(OPEN, recipients.size(), "fifty distinct recipients");

        Eventually.await("fifty e-mails", Mails.DELIVERY,
                () -> recipients.stream().mapToInt(r -> smtp.receivedBy(r).size()).sum(), n -> n >= OPEN);
        Mails.drain();
        assertEquals(OPEN, recipients.stream().mapToInt(r -> smtp.receivedBy(r).size()).sum(), "no duplicates");
        for (String recipient : recipients) {
            List<Received> mails = smtp.receivedBy(recipient).stream().map(Received::of).toList();
            assertEquals(1, mails.size(), () -> "mails to " + recipient);
            assertTrue(mails.get(0).subject().endsWith("the role has been cancelled"), mails.get(0).subject());
        }

        for (long id : applications) {
            assertEquals(Stage.ROLE_CLOSED, Api.db(() -> Application.<Application>findById(id).stage), () -> "application " + id);
        }
        assertEquals(Stage.WITHDRAWN, Api.db(() -> Application.<Application>findById(decided.id).stage));
        assertTrue(smtp.receivedBy(Api.db(() -> Application.<Application>findById(decided.id).candidate.email)).isEmpty());
    }
}
