package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
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

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of candidate letter, delivered over real SMTP (GreenMail): it arrives once, to the
 * candidate's address, as text and HTML, greets them as their terms call for, in their language,
 * thanks them and is signed by the recruiter; the message row ends SENT after one attempt and the
 * Message-ID the candidate's server sees is Candor's stable one.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class LettersOverSmtpTest {

    static final String RECRUITER_NAME = "Rita Recruiter";
    static final String RECRUITER_TITLE = "Senior Talent Partner";

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    User recruiter;
    User manager;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        smtp.start();
        recruiter = data.recruiter(RECRUITER_NAME, RECRUITER_TITLE);
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager, TestData.unique("Backend Engineer"));
    }

    static CandidateInput candidate(String salutation, String first, String last, boolean firstNameTerms, String language) {
        return new CandidateInput(salutation, first, last, firstNameTerms, TestData.email(), "+44 20 7946 0000", Channel.EMAIL, language);
    }

    private long post(String path, Map<String, ?> body) {
        return json(recruiter).body(body).when().post(path).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** The checks every candidate letter must pass; returns the mail for the kind's own checks. */
    private Received assertDeliveredOnce(long messageId, String address, String greeting, String thanks, String signoff) {
        Message sent = Mails.awaitState(messageId, MessageState.SENT);
        Received mail = Mails.awaitOne(smtp, address);
        assertThat(sent.attempts).as("one attempt").isEqualTo(1);
        assertThat(sent.recipient).isEqualTo(address);

        assertThat(mail.recipients()).as("the only recipient").isEqualTo(List.of(address));
        // Every letter used to carry an empty "Cc:" (Quarkus's Mail always has a Cc list; see MailSender).
        assertThat(mail.headers("Cc")).as(() -> "no Cc header at all:\n" + mail.headerBlock()).isEmpty();
        assertThat(mail.headerBlock().toLowerCase(Locale.ROOT)).as(mail::headerBlock).doesNotContain("\r\ncc:");
        assertThat(mail.contentType().toLowerCase(Locale.ROOT))
                .as(mail.contentType()).startsWith("multipart/alternative");
        assertThat(mail.partTypes()).isEqualTo(List.of("text/plain", "text/html"));
        assertThat(mail.subject()).isEqualTo(sent.subject);
        assertThat(mail.headers("Message-ID"))
                .as("our stable Message-ID, once").isEqualTo(List.of(sent.messageIdHeader));
        assertThat(sent.messageIdHeader).isEqualTo("<candor-" + messageId + "@candor.local>");

        String text = mail.text();
        String html = mail.html();
        assertThat(text.strip()).as(() -> "text should greet with '" + greeting + "':\n" + text).startsWith(greeting);
        assertThat(html)
                .as(() -> "HTML should greet with '" + greeting + "':\n" + html).contains("<p>" + greeting + "</p>");
        for (String part : List.of(text, html)) {
            assertThat(part).as(() -> "thanks the candidate:\n" + part).contains(thanks);
            assertThat(part).as(() -> "signs off:\n" + part).contains(signoff);
            assertThat(part).as(() -> "signed with the recruiter's name:\n" + part).contains(RECRUITER_NAME);
            assertThat(part).as(() -> "signed with the recruiter's title:\n" + part).contains(RECRUITER_TITLE);
        }
        assertThat(text.lastIndexOf(RECRUITER_NAME)).as("name under the sign-off").isGreaterThan(text.indexOf(signoff));
        return mail;
    }

    private Received assertEnglish(long messageId, String address, String greeting) {
        return assertDeliveredOnce(messageId, address, greeting,
                "Thank you for the time and care you have given to your application.", "Kind regards,");
    }

    private Received assertGerman(long messageId, String address, String greeting) {
        Received mail = assertDeliveredOnce(messageId, address, greeting,
                "Vielen Dank für die Zeit und Mühe, die Sie in Ihre Bewerbung gesteckt haben.", "Mit freundlichen Grüßen");
        assertThat(mail.text()).as("no English in a German letter").doesNotContain("Thank you");
        return mail;
    }

    @Test
    void anOfferReachesAFormalEnglishCandidateOnce() {
        CandidateInput ada = candidate("Ms", "Ada", "Lovelace", false, "en");
        Application a = data.application(requisition, recruiter, ada);

        long id = post("/api/applications/" + a.id + "/outcome", Map.of("outcome", "OFFER"));

        Received mail = assertEnglish(id, ada.email(), "Dear Ms Lovelace,");
        assertThat(mail.text()).contains("We are delighted to offer you the position of " + requisition.title);
        assertThat(mail.subject()).contains("our offer");
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.OFFER);
    }

    @Test
    void aRejectionReachesAGermanCandidateInGermanWithoutTheInternalReason() {
        CandidateInput grete = candidate("Frau", "Grete", "Müller", false, "de");
        Application a = data.application(requisition, recruiter, grete);

        long id = post("/api/applications/" + a.id + "/outcome", Map.of("outcome", "REJECTED", "reasonId", 1));

        Received mail = assertGerman(id, grete.email(), "Guten Tag Frau Müller,");
        assertThat(mail.text()).contains("Nach sorgfältiger Abwägung haben wir uns entschieden, Ihre Bewerbung als "
                + requisition.title + " nicht weiterzuverfolgen.");
        assertThat(mail.subject()).isEqualTo("Ihre Bewerbung als " + requisition.title + " bei Candor Demo Ltd");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).as("the reason is internal").doesNotContain("Another candidate matched");
        }
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.REJECTED);
    }

    @Test
    void aRoleOnHoldNoticeGreetsACandidateOnFirstNameTerms() {
        CandidateInput ada = candidate("Ms", "Ada", "Lovelace", true, "en");
        Application a = data.applicationAt(requisition, recruiter, Stage.APPLIED);
        Application mine = data.application(requisition, recruiter, ada);

        json(recruiter).body(Map.of("status", "ON_HOLD")).when().post("/api/requisitions/" + requisition.id + "/status")
                .then().statusCode(200);

        long id = messageFor(mine.id, MessageKind.ROLE_ON_HOLD);
        Received mail = assertEnglish(id, ada.email(), "Dear Ada,");
        assertThat(mail.text()).contains("We have had to put the " + requisition.title + " role on hold.");
        assertThat(mail.text()).contains("This is not a decision about your application");
        assertThat(Api.db(() -> Application.<Application>findById(mine.id).stage))
                .as("still open").isEqualTo(Stage.APPLIED);
        Mails.awaitState(messageFor(a.id, MessageKind.ROLE_ON_HOLD), MessageState.SENT);
    }

    @Test
    void aRoleCancelledNoticeReachesAGermanCandidateOnFirstNameTermsAndClosesTheApplication() {
        CandidateInput jonas = candidate("Herr", "Jonas", "Becker", true, "de");
        Application a = data.application(requisition, recruiter, jonas);

        json(recruiter).body(Map.of("status", "CANCELLED", "note", "budget withdrawn"))
                .when().post("/api/requisitions/" + requisition.id + "/status").then().statusCode(200);

        long id = messageFor(a.id, MessageKind.ROLE_CANCELLED);
        Received mail = assertGerman(id, jonas.email(), "Hallo Jonas,");
        assertThat(mail.subject()).isEqualTo(requisition.title + " bei Candor Demo Ltd: die Stelle entfällt");
        assertThat(mail.text()).contains("Das ist keine Entscheidung über Sie oder Ihre Bewerbung");
        assertThat(mail.text()).as("the status note is internal").doesNotContain("budget withdrawn");
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.ROLE_CLOSED);
    }

    @Test
    void aRoleFilledLetterThanksTheCandidateSaysThePositionIsFilledAndOffersNoWithdrawLink() {
        CandidateInput ada = candidate("Ms", "Ada", "Lovelace", false, "en");
        Application a = data.application(requisition, recruiter, ada);

        json(recruiter).body(Map.of("status", "FILLED", "note", "Offer accepted by the other finalist"))
                .when().post("/api/requisitions/" + requisition.id + "/status").then().statusCode(200);

        long id = messageFor(a.id, MessageKind.ROLE_FILLED);
        Received mail = assertEnglish(id, ada.email(), "Dear Ms Lovelace,");
        assertThat(mail.subject()).isEqualTo(requisition.title + " at Candor Demo Ltd: the position has been filled");
        assertThat(mail.text()).contains("the " + requisition.title + " position has now been filled");
        assertThat(mail.text()).contains("This is not a judgement of you or your abilities");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("See where your application stands", "/c/status?t=cnd_");
            assertThat(part)
                    .as("closed: nothing to withdraw").doesNotContain("Withdraw your application", "/c/withdraw");
            assertThat(part).as("a role filled is not about their performance").doesNotContain("Ask for feedback");
            assertThat(part).as("the status note is internal").doesNotContain("other finalist");
        }
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(Stage.REJECTED);
        assertThat(Api.db(() -> Application.<Application>findById(a.id).closure.state()))
                .isEqualTo(app.candor.application.ClosureState.CLOSED);
    }

    @Test
    void aDelayedDecisionTellsTheNewDateInTheCandidatesLanguage() {
        CandidateInput grace = candidate("Dr", "Grace", "Hopper", false, "en");
        Application a = data.application(requisition, recruiter, grace);
        LocalDate promised = Api.db(() -> Application.<Application>findById(a.id).promisedDecisionDate);
        LocalDate later = promised.plusDays(7);

        long id = post("/api/applications/" + a.id + "/delay", Map.of("promisedDecisionDate", later.toString(),
                "personalNote", "The panel needs one more week."));

        Received mail = assertEnglish(id, grace.email(), "Dear Dr Hopper,");
        String date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.UK).format(later);
        assertThat(mail.text()).contains("You will hear from us by " + date + " at the latest.");
        assertThat(mail.text()).contains("The panel needs one more week.");
        assertThat(mail.html()).contains("The panel needs one more week.");
        assertThat(Api.db(() -> Application.<Application>findById(a.id).promisedDecisionDate)).isEqualTo(later);
    }

    @Test
    void aCallDoneSendsTheWrittenConfirmationByEmailOnce() {
        CandidateInput ada = new CandidateInput("Ms", "Ada", "Lovelace", false, TestData.email(), "+44 20 7946 0001",
                Channel.PHONE, "en");
        Application a = data.application(requisition, recruiter, ada);

        long task = post("/api/applications/" + a.id + "/outcome", Map.of("outcome", "OFFER"));
        assertThat(Mails.message(task).state).isEqualTo(MessageState.CALL_PENDING);
        Mails.drain();
        assertThat(smtp.receivedBy(ada.email())).as("no e-mail before the call").isEmpty();

        json(recruiter).body(Map.of("note", "Delighted, will sign next week")).when().post("/api/messages/" + task + "/call-done")
                .then().statusCode(200);

        long confirmation = Api.db(() -> Message.<Message>find("application.id = ?1 and channel = ?2", a.id, Channel.EMAIL)
                .singleResult().id);
        Received mail = assertEnglish(confirmation, ada.email(), "Dear Ms Lovelace,");
        assertThat(mail.text()).contains("This confirms in writing what we told you on the phone.");
        assertThat(mail.text()).contains("We are delighted to offer you the position of " + requisition.title);
        assertThat(Mails.message(task).state).isEqualTo(MessageState.CALL_DONE);
    }

    static long messageFor(long applicationId, MessageKind kind) {
        return Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", applicationId, kind).singleResult().id);
    }
}
