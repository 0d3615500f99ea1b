package app.candor.closure;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The daily digest over real SMTP (GreenMail): one mail to the recruiter, text and HTML, the subject on
 * one line, the candidates' names in both parts (escaped in the HTML), and no second mail on a second
 * check. The clock is set to a Monday long past, so that other tests' applications in this database
 * (promised for dates around today) are neither overdue nor due soon then: only this test's recruiter
 * has something to read.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class ClosureDigestOverSmtpTest {

    static final LocalDate MONDAY = LocalDate.of(2021, 3, 1);

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ClosureDigest digest;

    @InjectMailServer
    MailServer smtp;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Application promised(Requisition requisition, User recruiter, String first, String last, LocalDate due) {
        Application a = data.application(requisition, recruiter,
                new CandidateInput("Ms", first, last, false, TestData.email(), null, Channel.EMAIL, "en"));
        Api.db(() -> Application.update("closure.due = ?1 where id = ?2", due, a.id));
        return a;
    }

    @Test
    void theRecruiterReceivesOneDigestWithTheirCandidatesAsTextAndHtml() {
        smtp.start();
        User recruiter = data.recruiter("Rita Recruiter", "Senior Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Data & <Platform> Engineer"));
        Application overdue = promised(requisition, recruiter, "Ada", "Lovelace-O'Neil", MONDAY.minusDays(5));
        Application dueSoon = promised(requisition, recruiter, "Grace", "Hopper <Jr>", MONDAY);

        clock.set(MONDAY.atTime(8, 0).toInstant(ZoneOffset.UTC));
        ClosureDigest.Result result = digest.check();
        assertTrue(result.due(), result::toString);
        assertEquals(0, result.failed(), result::toString);

        Message stored = Api.db(() -> Message.findByCause(ClosureDigest.cause(recruiter.id, MONDAY)).orElseThrow());
        Message sent = Eventually.await("the digest sent", Mails.DELIVERY, () -> Api.db(() -> Message.<Message>findById(stored.id)),
                m -> m.state == MessageState.SENT);
        assertEquals(1, sent.attempts, "one attempt");
        Received mail = Mails.awaitOne(smtp, recruiter.email);

        assertEquals(List.of(recruiter.email), mail.recipients(), "the only recipient");
        assertEquals("Closure watch: 1 overdue, 1 due soon", mail.subject());
        assertEquals(1, mail.headers("Subject").size());
        assertEquals(List.of(sent.messageIdHeader), mail.headers("Message-ID"));
        assertTrue(mail.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/alternative"), mail.contentType());
        assertEquals(List.of("text/plain", "text/html"), mail.partTypes());

        String text = mail.text();
        assertTrue(text.strip().startsWith("Hello Rita Recruiter,"), text);
        assertTrue(text.contains("Ada Lovelace-O'Neil, " + requisition.title + " (Applied): promised Wed 24 Feb 2021, 3 business days over"), text);
        assertTrue(text.contains("Grace Hopper <Jr>, " + requisition.title + " (Applied): promised Mon 1 Mar 2021"), text);
        assertTrue(text.indexOf("Ada Lovelace") < text.indexOf("Grace Hopper"), "overdue first");
        assertTrue(text.contains("/applications/" + overdue.id) && text.contains("/applications/" + dueSoon.id), text);
        assertTrue(text.contains("/board"), text);

        String html = mail.html();
        assertTrue(html.contains("<p>Hello Rita Recruiter,</p>"), html);
        assertTrue(html.contains("Ada Lovelace-O&#39;Neil") || html.contains("Ada Lovelace-O&apos;Neil"), html);
        assertTrue(html.contains("Grace Hopper &lt;Jr&gt;"), html);
        assertTrue(html.contains(requisition.title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")), html);
        assertFalse(html.contains("<Jr>") || html.contains("<Platform>"), "names and titles escaped");
        assertTrue(html.indexOf("Ada Lovelace") < html.indexOf("Grace Hopper"), "overdue first");

        // A second check the same day sends nothing more.
        clock.set(MONDAY.atTime(10, 0).toInstant(ZoneOffset.UTC));
        digest.check();
        Mails.awaitExactly(smtp, recruiter.email, 1);
    }
}
