package app.candor.closure;

import app.candor.support.DatabaseNeutral;
import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.application.Stage;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Browser;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A recruiter rejects a candidate the way a person does it: form, preview, a changed note, send, and the history. */
@QuarkusTest
@DatabaseNeutral
class RejectionBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    ApplicationService applications;

    @Test
    void recruiterPreviewsARejectionChangesTheNoteSendsItAndSeesItSent() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        String email = Api.db(() -> Application.<Application>findById(application.id).candidate.email);
        String note = "Thank you for the conversation about compilers; please apply again next year.";

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + application.id);
            browser.openAction("move", "move");
            assertThat(new Select(browser.field("stage")).getOptions()).extracting(WebElement::getText)
                    .as("the plain move no longer rejects or offers").noneMatch(o -> o.startsWith("Rejected") || o.startsWith("Offer"));

            browser.openAction("outcome", "outcome");
            browser.find("#f-outcome-rejected").click();
            new Select(browser.field("reasonId")).selectByVisibleText("Did not progress after the interview");
            browser.find("#f-outcome-note").sendKeys("A first draft of the note");
            assertThat(browser.find("#f-when-now").isSelected()).as("send now is preselected").isTrue();
            browser.screenshot("outcome-form");
            browser.submit("#outcome button[type=submit]");

            assertThat(browser.path()).isEqualTo("/applications/" + application.id + "/outcome/preview");
            assertThat(browser.text("h1")).contains("Rejection");
            assertThat(browser.text("#subject")).contains(requisition.title);
            assertThat(browser.text("#channel")).contains(email);
            assertThat(browser.text("#facts")).contains("Did not progress after the interview").contains("At once");
            assertThat(browser.text("#text-part")).contains("A first draft of the note");
            assertThat(Api.db(() -> Message.count("application.id", application.id))).as("a preview writes nothing").isZero();

            WebElement textarea = browser.field("personalNote");
            textarea.clear();
            textarea.sendKeys(note);
            browser.submit("#update-preview");
            assertThat(browser.text("#text-part")).contains(note).doesNotContain("first draft");
            browser.driver.switchTo().frame(browser.find("#html-part"));
            String html = browser.driver.findElement(By.tagName("body")).getText();
            browser.driver.switchTo().defaultContent();
            assertThat(html).as("the HTML part in the sandboxed iframe").contains(note).contains("Dear Ms Candidate");
            assertThat(browser.text("#confirm")).isEqualTo("Send rejection");
            browser.screenshot("outcome-preview");

            browser.submit("#confirm");
            assertThat(browser.path()).isEqualTo("/applications/" + application.id);
            assertThat(browser.text(".flash")).contains("Rejection sent to " + email);
            assertThat(browser.text("#stage")).isEqualTo("Rejected");

            // The dispatcher sends right after the commit (and polls every second in tests).
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).pollingEvery(Duration.ofMillis(500)).until(d -> {
                d.navigate().refresh();
                return d.findElement(By.cssSelector("#timeline")).getText().contains("Sent");
            });
            String communication = browser.text("#timeline li.entry-message");
            assertThat(communication).contains("Rejection (e-mail)").contains("Sent").contains(requisition.title);
            browser.screenshot("application-after-rejection");

            browser.click(browser.find("#timeline a[href^='/messages/']"));
            assertThat(browser.text("#state")).isEqualTo("Sent");
            assertThat(browser.text("#text-part")).contains(note);
            assertThat(browser.text("#facts")).contains("<candor-").contains(email);
            assertThat(browser.driver.findElements(By.cssSelector("form#edit, form#cancel, form#resend")))
                    .as("nothing more to do with a sent message").isEmpty();
            browser.screenshot("message-sent");
        }

        List<Message> messages = Api.db(() -> Message.<Message>list("application.id", application.id));
        assertThat(messages).hasSize(1);
        Message m = messages.get(0);
        assertThat(m.kind).isEqualTo(MessageKind.REJECTION);
        assertThat(m.state).isEqualTo(MessageState.SENT);
        assertThat(m.personalNote).isEqualTo(note);
        assertThat(m.rejectionReasonId).isEqualTo(3L);
        List<Mail> mails = mailbox.getMailsSentTo(email);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getText()).contains(note);
    }

    @Test
    void recruiterPutsARequisitionOnHoldAfterSeeingTheNoticeAndACallTaskWaitsOnTheRequisitionsPage() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Application byPhone = applications.addCandidate(requisition.id, new CandidateInput("Mr", "Ring", "Me", false, TestData.email(),
                "+44 20 7946 0555", Channel.PHONE, "en"), recruiter).application();

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/requisitions/" + requisition.id);
            browser.find("#status-change summary").click(); // the status change sits behind its own button
            browser.find("#f-status-ON_HOLD").click();
            browser.field("note").sendKeys("Budget freeze until the spring");
            browser.submit("#status button[type=submit]");

            assertThat(browser.text("#recipients")).startsWith("2 candidates");
            assertThat(browser.text("#not-a-rejection")).contains("not a rejection");
            assertThat(browser.text("#subject")).contains(requisition.title);
            assertThat(browser.text("#confirm")).isEqualTo("Put on hold and notify 2 candidates");
            browser.screenshot("status-preview");

            browser.submit("#confirm");
            assertThat(browser.text(".flash")).isEqualTo("Requisition put on hold; 2 candidates notified.");
            assertThat(browser.text("#status-badge")).isEqualTo("On hold");

            browser.go("/requisitions");
            assertThat(browser.text("#attention")).contains("Ring Me").contains("Call to make").contains("Call +44 20 7946 0555");
            browser.screenshot("needs-attention");
            browser.click(browser.driver.findElement(By.linkText("Call +44 20 7946 0555, then mark it done")));
            assertThat(browser.text("#state")).isEqualTo("Call to make");
            assertThat(browser.text("#call-script")).contains("Call Ring Me on +44 20 7946 0555");
            browser.screenshot("call-task");
            browser.field("note").sendKeys("Understood, asked to be kept in mind");
            browser.submit("#call-done button[type=submit]");
            assertThat(browser.text(".flash")).contains("Call marked done");
            assertThat(browser.text("#state")).isEqualTo("Called");
        }
        assertThat(Api.db(() -> Message.count("application.id = ?1 and channel = ?2", byPhone.id, Channel.EMAIL)))
                .as("the written confirmation after the call").isEqualTo(1);
    }
}
