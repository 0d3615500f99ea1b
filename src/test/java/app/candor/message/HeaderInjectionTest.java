package app.candor.message;

import app.candor.support.DatabaseNeutral;
import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
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
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile text in names, titles and notes, through real SMTP: CR/LF cannot add headers or
 * recipients, the subject stays one line, and markup arrives escaped in the HTML part.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
@DatabaseNeutral
class HeaderInjectionTest {

    static final String EVIL = "x@evil.test";
    static final String INJECTED = "Eve\r\nBcc: " + EVIL;

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    User recruiter;

    @BeforeEach
    void setUp() {
        smtp.start();
        recruiter = data.recruiter();
    }

    private long reject(Application a, String note) {
        return json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 6, "personalNote", note))
                .when().post("/api/applications/" + a.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void crLfInNamesAndTheRoleTitleAddsNoHeaderAndNoRecipient() {
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), "Engineer " + TestData.unique(""));
        String address = TestData.email();
        Application a = data.application(requisition, recruiter,
                new CandidateInput("Ms", "Eve", "Eve", false, address, null, Channel.EMAIL, "en"));
        // Input refuses CR/LF in names and titles (system.HostileInputTest); rows written before that, or by SQL,
        // may still hold them, and the mail must stay safe with them.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Requisition.<Requisition>findById(requisition.id).title = "Engineer\r\nBcc: " + EVIL + "\r\nSubject: you won " + TestData.unique("");
            var candidate = app.candor.candidate.Candidate.<app.candor.candidate.Candidate>findById(
                    Application.<Application>findById(a.id).candidate.id);
            candidate.firstName = INJECTED;
            candidate.lastName = INJECTED;
        });

        long id = reject(a, "Line one\r\nBcc: " + EVIL);

        Message sent = Mails.awaitState(id, MessageState.SENT);
        Received mail = Mails.awaitOne(smtp, address);
        assertTrue(smtp.receivedBy(EVIL).isEmpty(), "nothing for the injected address");
        assertEquals(List.of(address), mail.recipients());
        assertEquals(List.of(), mail.headers("Bcc"));
        assertEquals(1, mail.headers("Subject").size());
        String headers = mail.headerBlock();
        List<String> lines = Arrays.asList(headers.split("\r\n"));
        assertFalse(lines.stream().anyMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4)), headers);
        assertEquals(1, lines.stream().filter(line -> line.regionMatches(true, 0, "Subject:", 0, 8)).count(), headers);
        assertTrue(lines.stream().filter(line -> line.contains(EVIL)).allMatch(line -> line.startsWith("Subject: ")),
                () -> "the injected address may only appear as text inside the one Subject line:\n" + headers);
        String subject = mail.subject();
        assertFalse(subject.contains("\r") || subject.contains("\n"), () -> "subject on one line: " + subject);
        assertEquals(sent.subject, subject);
        assertFalse(sent.subject.contains("\n"), "stored on one line too");
        assertTrue(subject.startsWith("Your application for Engineer Bcc: " + EVIL + " Subject: you won"), subject);
    }

    @Test
    void markupInANameOrNoteArrivesEscapedInTheHtmlPart() {
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), "R&D <b>Lead</b> " + TestData.unique(""));
        String address = TestData.email();
        Application a = data.application(requisition, recruiter,
                new CandidateInput("Dr", "Mallory", "<script>alert('name')</script>", false, address, null, Channel.EMAIL, "en"));

        long id = reject(a, "<script>alert('note')</script>\nSee <a href=\"http://evil.test\">this</a>");

        Mails.awaitState(id, MessageState.SENT);
        Received mail = Mails.awaitOne(smtp, address);
        String html = mail.html();
        assertFalse(html.contains("<script>"), () -> "raw script in the HTML part:\n" + html);
        assertFalse(html.contains("<a href=\"http://evil.test"), html); // (the letter's own links are Candor's)
        assertFalse(html.contains("<b>Lead"), html);
        assertTrue(html.contains("Dear Dr &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;,")
                || html.contains("Dear Dr &lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;,")
                || html.contains("Dear Dr &lt;script&gt;alert('name')&lt;/script&gt;,"), html);
        assertTrue(html.contains("&lt;script&gt;alert("), html);
        assertTrue(html.contains("R&amp;D &lt;b&gt;Lead&lt;/b&gt;"), html);
        assertFalse(html.contains("&amp;lt;"), () -> "escaped twice:\n" + html);
        String text = mail.text();
        assertTrue(text.startsWith("Dear Dr <script>alert('name')</script>,"), () -> "the text part is plain text:\n" + text);
        assertTrue(text.contains("<script>alert('note')</script>"), text);
    }
}
