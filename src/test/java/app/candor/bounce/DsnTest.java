package app.candor.bounce;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading a delivery status notification as it comes over the wire: the original Message-ID, failed or not, why. */
class DsnTest {

    static MimeMessage report(String action, String originalType, String original) throws Exception {
        Session session = Session.getInstance(new Properties());
        MimeMessage report = new MimeMessage(session);
        report.setSubject("Undelivered Mail Returned to Sender");
        MimeMultipart parts = new MimeMultipart("report; report-type=delivery-status");
        MimeBodyPart human = new MimeBodyPart();
        human.setText("Your message could not be delivered.", "UTF-8");
        parts.addBodyPart(human);
        MimeBodyPart status = new MimeBodyPart();
        String fields = "Reporting-MTA: dns; mx.example.test\r\n\r\nFinal-Recipient: rfc822; ada@example.test\r\nAction: " + action
                + "\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n";
        status.setDataHandler(new DataHandler(new ByteArrayDataSource(fields.getBytes(StandardCharsets.US_ASCII), "message/delivery-status")));
        parts.addBodyPart(status);
        MimeBodyPart returned = new MimeBodyPart();
        returned.setDataHandler(new DataHandler(new ByteArrayDataSource(original.getBytes(StandardCharsets.US_ASCII), originalType)));
        parts.addBodyPart(returned);
        report.setContent(parts);
        report.saveChanges();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        report.writeTo(wire);
        return new MimeMessage(session, new ByteArrayInputStream(wire.toByteArray()));
    }

    @Test
    void theReturnedHeadersNameTheLetter() throws Exception {
        Dsn dsn = Dsn.read(report("failed", "text/rfc822-headers", "Message-ID: <candor-42@candor.local>\r\nTo: ada@example.test\r\n\r\n"))
                .orElseThrow();
        assertThat(dsn.originalMessageId()).isEqualTo("<candor-42@candor.local>");
        assertThat(dsn.failed()).isTrue();
        assertThat(dsn.status()).isEqualTo("5.1.1");
        assertThat(dsn.diagnostic()).contains("User unknown");
        assertThat(dsn.recipient()).contains("ada@example.test");
    }

    @Test
    void theReturnedMessageNamesTheLetter() throws Exception {
        Dsn dsn = Dsn.read(report("failed", "message/rfc822",
                "Message-ID: <candor-43@candor.local>\r\nSubject: Your application\r\n\r\nDear Ms Lovelace,\r\n")).orElseThrow();
        assertThat(dsn.originalMessageId()).isEqualTo("<candor-43@candor.local>");
        assertThat(dsn.failed()).isTrue();
    }

    @Test
    void aDelayIsNoFailureAndOtherMailIsNoReport() throws Exception {
        assertThat(Dsn.read(report("delayed", "text/rfc822-headers", "Message-ID: <candor-44@candor.local>\r\n\r\n")).orElseThrow().failed())
                .isFalse();
        MimeMessage plain = new MimeMessage(Session.getInstance(new Properties()));
        plain.setText("I am away until Monday.");
        plain.saveChanges();
        assertThat(Dsn.read(plain)).isEmpty();
    }
}
