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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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
        assertThat(notices).as("one notice per open application, none for the closed one").hasSize(OPEN);
        Set<String> recipients = new HashSet<>();
        for (Message m : notices) {
            assertThat(m.kind).isEqualTo(MessageKind.ROLE_CANCELLED);
            assertThat(m.attempts).as(() -> "attempts of message " + m.id).isEqualTo(1);
            recipients.add(m.recipient);
        }
        assertThat(recipients).as("fifty distinct recipients").hasSize(OPEN);

        Eventually.await("fifty e-mails", Mails.DELIVERY,
                () -> recipients.stream().mapToInt(r -> smtp.receivedBy(r).size()).sum(), n -> n >= OPEN);
        Mails.drain();
        assertThat(recipients.stream().mapToInt(r -> smtp.receivedBy(r).size()).sum())
                .as("no duplicates").isEqualTo(OPEN);
        for (String recipient : recipients) {
            List<Received> mails = smtp.receivedBy(recipient).stream().map(Received::of).toList();
            assertThat(mails).as(() -> "mails to " + recipient).hasSize(1);
            assertThat(mails.get(0).subject()).endsWith("the role has been cancelled");
        }

        for (long id : applications) {
            assertThat(Api.db(() -> Application.<Application>findById(id).stage))
                    .as(() -> "application " + id).isEqualTo(Stage.ROLE_CLOSED);
        }
        assertThat(Api.db(() -> Application.<Application>findById(decided.id).stage)).isEqualTo(Stage.WITHDRAWN);
        assertThat(smtp.receivedBy(Api.db(() -> Application.<Application>findById(decided.id).candidate.email)))
                .isEmpty();
    }
}
