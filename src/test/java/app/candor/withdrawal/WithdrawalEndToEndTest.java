package app.candor.withdrawal;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Browser;
import app.candor.support.InjectMailServer;
import app.candor.support.Links;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole withdrawal, as a candidate lives it: the mail arrives over real SMTP (GreenMail), the
 * link is taken out of it and opened in headless Chromium, the candidate withdraws with a reason,
 * and then: the application is WITHDRAWN, exactly one acknowledgement reaches them, the recruiter gets
 * one notice, the rejection that was scheduled for them is cancelled, and the token is in no log line.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class WithdrawalEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    @BeforeEach
    void startSmtp() {
        smtp.start();
    }

    @Test
    void aCandidateWithdrawsFromTheLinkInTheirMailAndIsAcknowledgedOnce() throws Exception {
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Platform Engineer"));
        CandidateInput ada = new CandidateInput("Ms", "Ada", "Lovelace", false, TestData.email(), "+44 20 7946 0000", Channel.EMAIL, "en");
        Application a = data.application(requisition, recruiter, ada);

        // The candidate is told the decision takes longer; that mail carries their withdraw link.
        json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()))
                .when().post("/api/applications/" + a.id + "/delay").then().statusCode(201);
        Received delay = Mails.awaitOne(smtp, ada.email());
        String link = Links.of(delay.text(), "withdraw");
        assertThat(Links.of(delay.html(), "withdraw")).as("the HTML part carries the same link").isEqualTo(link);
        String token = Links.token(link);

        // Meanwhile the recruiter schedules a rejection for the day after tomorrow.
        long rejection = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 2,
                        "sendAt", OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString()))
                .when().post("/api/applications/" + a.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
        assertThat(Mails.message(rejection).state).isEqualTo(MessageState.SCHEDULED);

        try (Browser browser = Browser.open(base.toString())) {
            browser.open(URI.create(link));
            assertThat(browser.text("h1")).isEqualTo("Withdraw your application?");
            assertThat(browser.text("#intro")).contains(requisition.title).contains("Candor Demo Ltd");
            assertThat(browser.text("main")).as("a scheduled rejection is not shown as news").doesNotContain("not to move forward");
            browser.screenshot("candidate-withdraw");
            browser.find("input[name=reason][value=ACCEPTED_OTHER_OFFER]").click();
            browser.field("note").sendKeys("Thank you for your time.");
            browser.submit("#withdraw button[type=submit]");

            assertThat(browser.text(".flash")).contains("You have withdrawn. Thank you for letting us know");
            assertThat(browser.text("#stage")).startsWith("You withdrew your application on");
            assertThat(browser.driver.findElements(By.cssSelector("form#withdraw"))).as("nothing left to withdraw").isEmpty();
            browser.screenshot("candidate-withdrawn");
        }

        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.WITHDRAWN);
        assertThat(Mails.message(rejection).state).as("the scheduled rejection is cancelled").isEqualTo(MessageState.CANCELLED);
        Withdrawal w = Api.db(() -> Withdrawal.<Withdrawal>find("application.id", a.id).firstResult());
        assertThat(w.reason).isEqualTo(WithdrawalReason.ACCEPTED_OTHER_OFFER);

        // Exactly one acknowledgement after the delay notice, and one notice to the recruiter.
        List<Received> toCandidate = Mails.awaitExactly(smtp, ada.email(), 2);
        Received ack = toCandidate.get(1);
        assertThat(ack.subject()).isEqualTo("Your application for " + requisition.title + " at Candor Demo Ltd: withdrawn");
        assertThat(ack.text()).startsWith("Dear Ms Lovelace,")
                .contains("Thank you for letting us know that you are withdrawing your application for " + requisition.title)
                .contains("Rita Recruiter");
        Mails.awaitState(w.acknowledgementId, MessageState.SENT); // recorded as sent, so the status page lists it

        // The acknowledgement links to where they stand: WITHDRAWN, in plain words, with what was sent.
        try (Browser browser = Browser.open(base.toString())) {
            browser.open(URI.create(Links.of(ack.text(), "status")));
            assertThat(browser.text("#stage")).startsWith("You withdrew your application on");
            assertThat(browser.text("#sent")).contains(delay.subject()).contains(ack.subject());
            assertThat(browser.text("#contact")).contains("Rita Recruiter").contains(recruiter.email);
            browser.screenshot("candidate-status");

            // The recruiter sees it on the application.
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + a.id);
            assertThat(browser.text("#withdrawal")).contains("The candidate withdrew").contains("Accepted another offer")
                    .contains("Thank you for your time.");
            assertThat(browser.text("#stage")).isEqualTo("Withdrawn");
            browser.screenshot("application-withdrawal");
        }

        Received notice = Mails.awaitOne(smtp, recruiter.email);
        assertThat(notice.subject()).isEqualTo("Ada Lovelace withdrew from " + requisition.title);
        assertThat(notice.text()).contains("Reason: Accepted another offer.").contains("Their note: Thank you for your time.");
        assertThat(Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT)))
                .isEqualTo(1);

        // The token went into the mail and nowhere else: not the app's log, not the access log (which did see the page).
        String log = Files.readString(Path.of("target", "quarkus-test.log"));
        assertThat(log).contains("\"GET /c/withdraw HTTP/1.1\" 200").contains("\"POST /c/withdraw HTTP/1.1\" 303");
        assertThat(log.contains(token)).as("the token appears in the log").isFalse();
    }
}
