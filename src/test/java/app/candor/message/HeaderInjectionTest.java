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
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(smtp.receivedBy(EVIL)).as("nothing for the injected address").isEmpty();
        assertThat(mail.recipients()).isEqualTo(List.of(address));
        assertThat(mail.headers("Bcc")).isEmpty();
        assertThat(mail.headers("Subject")).hasSize(1);
        String headers = mail.headerBlock();
        List<String> lines = Arrays.asList(headers.split("\r\n"));
        assertThat(lines).as(headers).noneMatch(line -> line.regionMatches(true, 0, "Bcc:", 0, 4));
        assertThat(lines.stream().filter(line -> line.regionMatches(true, 0, "Subject:", 0, 8)).count())
                .as(headers).isEqualTo(1);
        assertThat(lines).filteredOn(line -> line.contains(EVIL))
                .as(() -> "the injected address may only appear as text inside the one Subject line:\n" + headers)
                .allMatch(line -> line.startsWith("Subject: "));
        String subject = mail.subject();
        assertThat(subject).as(() -> "subject on one line: " + subject).doesNotContain("\r", "\n");
        assertThat(subject).isEqualTo(sent.subject);
        assertThat(sent.subject).as("stored on one line too").doesNotContain("\n");
        assertThat(subject).startsWith("Your application for Engineer Bcc: " + EVIL + " Subject: you won");
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
        assertThat(html).as(() -> "raw script in the HTML part:\n" + html).doesNotContain("<script>");
        assertThat(html).doesNotContain("<a href=\"http://evil.test"); // (the letter's own links are Candor's)
        assertThat(html).doesNotContain("<b>Lead");
        assertThat(html).containsAnyOf(
                "Dear Dr &lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;,",
                "Dear Dr &lt;script&gt;alert(&#x27;name&#x27;)&lt;/script&gt;,",
                "Dear Dr &lt;script&gt;alert('name')&lt;/script&gt;,");
        assertThat(html).contains("&lt;script&gt;alert(");
        assertThat(html).contains("R&amp;D &lt;b&gt;Lead&lt;/b&gt;");
        assertThat(html).as(() -> "escaped twice:\n" + html).doesNotContain("&amp;lt;");
        String text = mail.text();
        assertThat(text)
                .as(() -> "the text part is plain text:\n" + text)
                .startsWith("Dear Dr <script>alert('name')</script>,");
        assertThat(text).contains("<script>alert('note')</script>");
    }
}
