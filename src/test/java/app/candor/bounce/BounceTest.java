package app.candor.bounce;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.InjectGreenMail;
import app.candor.support.IntegrationsProfile;
import app.candor.support.IntegrationsResource;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.activation.DataHandler;
import jakarta.inject.Inject;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, bounces that arrive after the SMTP server accepted a letter: delivery status notifications in an IMAP
 * mailbox (GreenMail's), matched by the Message-ID in the returned headers (text/rfc822-headers) or the returned
 * message (message/rfc822). The letter becomes FAILED with the reason and the address is flagged, as a 5xx does;
 * other mail, delays and reports about unknown letters are left unread.
 */
@QuarkusTest
@TestProfile(IntegrationsProfile.class)
class BounceTest {

    @Inject
    TestData data;

    @Inject
    BounceReader reader;

    @InjectGreenMail
    GreenMail greenMail;

    User recruiter;
    Requisition requisition;

    @BeforeEach
    void setUp() throws Exception {
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
        greenMail.purgeEmailFromAllMailboxes();
    }

    /** A rejection that went out over SMTP: its message, SENT. */
    private Message sentLetter(Application a) {
        long id = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when().post("/api/applications/" + a.id + "/outcome")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        return Mails.awaitState(id, MessageState.SENT);
    }

    private static MimeMessage dsn(String recipient, String action, String status, String diagnostic, String originalMessageId,
                                   boolean wholeMessage) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage report = new MimeMessage(session);
        report.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.test"));
        report.setRecipients(jakarta.mail.Message.RecipientType.TO, IntegrationsResource.BOUNCES);
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("This is the mail system at host mx.example.test. Your message could not be delivered.", "UTF-8");
        parts.addBodyPart(human);
        MimeBodyPart status1 = new MimeBodyPart();
        String fields = "Reporting-MTA: dns; mx.example.test\r\nArrival-Date: Thu, 3 Dec 2026 07:00:00 +0000\r\n\r\n"
                + "Final-Recipient: rfc822; " + recipient + "\r\nAction: " + action + "\r\nStatus: " + status + "\r\n"
                + "Diagnostic-Code: smtp; " + diagnostic + "\r\n";
        status1.setDataHandler(new DataHandler(new ByteArrayDataSource(fields.getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
        parts.addBodyPart(status1);
        MimeBodyPart original = new MimeBodyPart();
        String headers = "Message-ID: " + originalMessageId + "\r\nFrom: Candor <no-reply@candor.local>\r\nTo: " + recipient
                + "\r\nSubject: Your application\r\n\r\n" + (wholeMessage ? "Dear candidate, ...\r\n" : "");
        original.setDataHandler(new DataHandler(new ByteArrayDataSource(headers.getBytes(StandardCharsets.US_ASCII),
                wholeMessage ? "message/rfc822" : "text/rfc822-headers")));
        parts.addBodyPart(original);
        report.setContent(parts);
        report.saveChanges();
        return report;
    }

    private void deliver(MimeMessage mail) {
        greenMail.getUserManager().getUserByEmail(IntegrationsResource.BOUNCES).deliver(mail);
    }

    @Test
    void aLaterBounceFailsTheLetterAndFlagsTheAddressAsA5xxDoesAndOtherMailIsLeftAlone() throws Exception {
        Application a = data.application(requisition, recruiter);
        Application b = data.application(requisition, recruiter);
        Message first = sentLetter(a);
        Message second = sentLetter(b);
        Eventually.await("the rejection closes the application", Mails.DELIVERY,
                () -> Api.db(() -> Application.<Application>findById(a.id).closure.isClosed()), closed -> closed);

        deliver(dsn(first.recipient, "failed", "5.1.1", "550 5.1.1 <" + first.recipient + ">: Recipient address rejected: User unknown",
                first.messageIdHeader, false));
        deliver(dsn(second.recipient, "failed", "5.2.2", "552 5.2.2 Mailbox full", second.messageIdHeader, true));
        deliver(dsn("someone@example.test", "failed", "5.1.1", "550 unknown", "<not-ours-1@elsewhere.test>", false));
        deliver(dsn(first.recipient, "delayed", "4.4.1", "421 try later", first.messageIdHeader, false));
        MimeMessage chat = new MimeMessage(Session.getInstance(new Properties()));
        chat.setFrom(new InternetAddress("person@example.test"));
        chat.setSubject("Out of office");
        chat.setText("I am away until Monday.");
        chat.saveChanges();
        deliver(chat);

        BounceReader.Result result = reader.check();
        assertThat(result.failed()).isEqualTo(2);
        assertThat(result.leftAlone()).isEqualTo(3);

        Message failed = Mails.message(first.id);
        assertThat(failed.state).isEqualTo(MessageState.FAILED);
        assertThat(failed.lastError).contains("Bounced after delivery").contains("5.1.1").contains("User unknown");
        Candidate flagged = Api.db(() -> Candidate.<Candidate>find("select c from Application a join a.candidate c where a.id = ?1", a.id)
                .firstResult());
        assertThat(flagged.emailUndeliverable).as("flagged as a 5xx flags it").isEqualTo(failed.lastError);
        assertThat(Mails.message(second.id).state).isEqualTo(MessageState.FAILED);
        assertThat(Mails.message(second.id).lastError).contains("Mailbox full");

        // A closing letter that reached nobody told nobody: the application is watched again (as if the 5xx had come at
        // once), for the recruiter to tell the candidate another way.
        Application reopened = Api.db(() -> Application.<Application>findById(a.id));
        assertThat(reopened.closure.isClosed()).as("closed by a letter that bounced").isFalse();
        assertThat(reopened.closure.closedAt()).isNull();
        json(recruiter).body(Map.of("how", "PHONE", "note", "called after the bounce")).when().post("/api/applications/" + a.id + "/told")
                .then().statusCode(200);
        assertThat(Api.db(() -> Application.<Application>findById(a.id).closure.isClosed())).isTrue();

        // The recruiter sees it where a synchronous failure shows.
        assertThat(json(recruiter).when().get("/api/applications/" + a.id + "/messages").then().statusCode(200).extract().jsonPath()
                .getList("state", String.class)).contains("FAILED");

        // Matched reports were marked read; the rest stays unread and is looked at again, changing nothing.
        BounceReader.Result again = reader.check();
        assertThat(again.failed()).isZero();
        assertThat(again.alreadyFailed()).isZero();
        assertThat(again.leftAlone()).isEqualTo(3);
    }
}
