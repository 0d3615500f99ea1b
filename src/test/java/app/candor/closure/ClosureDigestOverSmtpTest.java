package app.candor.closure;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.ClosureRows;
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

import static org.assertj.core.api.Assertions.assertThat;

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
        Api.db(() -> ClosureRows.due(due, a.id));
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
        assertThat(result.due()).as(result::toString).isTrue();
        assertThat(result.failed()).as(result::toString).isEqualTo(0);

        Message stored = Api.db(() -> Message.findByCause(ClosureDigest.cause(recruiter.id, MONDAY)).orElseThrow());
        Message sent = Eventually.await("the digest sent", Mails.DELIVERY, () -> Api.db(() -> Message.<Message>findById(stored.id)),
                m -> m.state == MessageState.SENT);
        assertThat(sent.attempts).as("one attempt").isEqualTo(1);
        Received mail = Mails.awaitOne(smtp, recruiter.email);

        assertThat(mail.recipients()).as("the only recipient").isEqualTo(List.of(recruiter.email));
        assertThat(mail.subject()).isEqualTo("Closure watch: 1 overdue, 1 due soon");
        assertThat(mail.headers("Subject")).hasSize(1);
        assertThat(mail.headers("Message-ID")).isEqualTo(List.of(sent.messageIdHeader));
        assertThat(mail.contentType().toLowerCase(Locale.ROOT))
                .as(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.partTypes()).isEqualTo(List.of("text/plain", "text/html"));

        String text = mail.text();
        assertThat(text.strip()).as(text).startsWith("Hello Rita Recruiter,");
        assertThat(text).contains("Ada Lovelace-O'Neil, " + requisition.title
                + " (Applied): promised Wed 24 Feb 2021, 3 business days over");
        assertThat(text).contains("Grace Hopper <Jr>, " + requisition.title + " (Applied): promised Mon 1 Mar 2021");
        assertThat(text.indexOf("Ada Lovelace")).as("overdue first").isLessThan(text.indexOf("Grace Hopper"));
        assertThat(text).contains("/applications/" + overdue.id, "/applications/" + dueSoon.id);
        assertThat(text).contains("/board");

        String html = mail.html();
        assertThat(html).contains("<p>Hello Rita Recruiter,</p>");
        assertThat(html).containsAnyOf("Ada Lovelace-O&#39;Neil", "Ada Lovelace-O&apos;Neil");
        assertThat(html).contains("Grace Hopper &lt;Jr&gt;");
        assertThat(html).contains(requisition.title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
        assertThat(html).as("names and titles escaped").doesNotContain("<Jr>", "<Platform>");
        assertThat(html.indexOf("Ada Lovelace")).as("overdue first").isLessThan(html.indexOf("Grace Hopper"));

        // A second check the same day sends nothing more.
        clock.set(MONDAY.atTime(10, 0).toInstant(ZoneOffset.UTC));
        digest.check();
        Mails.awaitExactly(smtp, recruiter.email, 1);
    }
}
