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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(1, sent.attempts, "one attempt");
        assertEquals(address, sent.recipient);

        assertEquals(List.of(address), mail.recipients(), "the only recipient");
        // Every letter used to carry an empty "Cc:" (Quarkus's Mail always has a Cc list; see MailSender).
        assertEquals(List.of(), mail.headers("Cc"), () -> "no Cc header at all:\n" + mail.headerBlock());
        assertFalse(mail.headerBlock().toLowerCase(Locale.ROOT).contains("\r\ncc:"), mail::headerBlock);
        assertTrue(mail.contentType().toLowerCase(Locale.ROOT).startsWith("multipart/alternative"), mail.contentType());
        assertEquals(List.of("text/plain", "text/html"), mail.partTypes());
        assertEquals(sent.subject, mail.subject());
        assertEquals(List.of(sent.messageIdHeader), mail.headers("Message-ID"), "our stable Message-ID, once");
        assertEquals("<candor-" + messageId + "@candor.local>", sent.messageIdHeader);

        String text = mail.text();
        String html = mail.html();
        assertTrue(text.strip().startsWith(greeting), () -> "text should greet with '" + greeting + "':\n" + text);
        assertTrue(html.contains("<p>" + greeting + "</p>"), () -> "HTML should greet with '" + greeting + "':\n" + html);
        for (String part : List.of(text, html)) {
            assertTrue(part.contains(thanks), () -> "thanks the candidate:\n" + part);
            assertTrue(part.contains(signoff), () -> "signs off:\n" + part);
            assertTrue(part.contains(RECRUITER_NAME), () -> "signed with the recruiter's name:\n" + part);
            assertTrue(part.contains(RECRUITER_TITLE), () -> "signed with the recruiter's title:\n" + part);
        }
        assertTrue(text.lastIndexOf(RECRUITER_NAME) > text.indexOf(signoff), "name under the sign-off");
        return mail;
    }

    private Received assertEnglish(long messageId, String address, String greeting) {
        return assertDeliveredOnce(messageId, address, greeting,
                "Thank you for the time and care you have given to your application.", "Kind regards,");
    }

    private Received assertGerman(long messageId, String address, String greeting) {
        Received mail = assertDeliveredOnce(messageId, address, greeting,
                "Vielen Dank für die Zeit und Mühe, die Sie in Ihre Bewerbung gesteckt haben.", "Mit freundlichen Grüßen");
        assertFalse(mail.text().contains("Thank you"), "no English in a German letter");
        return mail;
    }

    @Test
    void anOfferReachesAFormalEnglishCandidateOnce() {
        CandidateInput ada = candidate("Ms", "Ada", "Lovelace", false, "en");
        Application a = data.application(requisition, recruiter, ada);

        long id = post("/api/applications/" + a.id + "/outcome", Map.of("outcome", "OFFER"));

        Received mail = assertEnglish(id, ada.email(), "Dear Ms Lovelace,");
        assertTrue(mail.text().contains("We are delighted to offer you the position of " + requisition.title), mail.text());
        assertTrue(mail.subject().contains("our offer"), mail.subject());
        assertEquals(Stage.OFFER, Api.db(() -> Application.<Application>findById(a.id).stage));
    }

    @Test
    void aRejectionReachesAGermanCandidateInGermanWithoutTheInternalReason() {
        CandidateInput grete = candidate("Frau", "Grete", "Müller", false, "de");
        Application a = data.application(requisition, recruiter, grete);

        long id = post("/api/applications/" + a.id + "/outcome", Map.of("outcome", "REJECTED", "reasonId", 1));

        Received mail = assertGerman(id, grete.email(), "Guten Tag Frau Müller,");
        assertTrue(mail.text().contains("Nach sorgfältiger Abwägung haben wir uns entschieden, Ihre Bewerbung als "
                + requisition.title + " nicht weiterzuverfolgen."), mail.text());
        assertEquals("Ihre Bewerbung als " + requisition.title + " bei Candor Demo Ltd", mail.subject());
        for (String part : List.of(mail.text(), mail.html())) {
            assertFalse(part.contains("Another candidate matched"), "the reason is internal");
        }
        assertEquals(Stage.REJECTED, Api.db(() -> Application.<Application>findById(a.id).stage));
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
        assertTrue(mail.text().contains("We have had to put the " + requisition.title + " role on hold."), mail.text());
        assertTrue(mail.text().contains("This is not a decision about your application"), mail.text());
        assertEquals(Stage.APPLIED, Api.db(() -> Application.<Application>findById(mine.id).stage), "still open");
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
        assertEquals(requisition.title + " bei Candor Demo Ltd: die Stelle entfällt", mail.subject());
        assertTrue(mail.text().contains("Das ist keine Entscheidung über Sie oder Ihre Bewerbung"), mail.text());
        assertFalse(mail.text().contains("budget withdrawn"), "the status note is internal");
        assertEquals(Stage.ROLE_CLOSED, Api.db(() -> Application.<Application>findById(a.id).stage));
    }

    @Test
    void aRoleFilledLetterThanksTheCandidateSaysThePositionIsFilledAndOffersNoWithdrawLink() {
        CandidateInput ada = candidate("Ms", "Ada", "Lovelace", false, "en");
        Application a = data.application(requisition, recruiter, ada);

        json(recruiter).body(Map.of("status", "FILLED", "note", "Offer accepted by the other finalist"))
                .when().post("/api/requisitions/" + requisition.id + "/status").then().statusCode(200);

        long id = messageFor(a.id, MessageKind.ROLE_FILLED);
        Received mail = assertEnglish(id, ada.email(), "Dear Ms Lovelace,");
        assertEquals(requisition.title + " at Candor Demo Ltd: the position has been filled", mail.subject());
        assertTrue(mail.text().contains("the " + requisition.title + " position has now been filled"), mail.text());
        assertTrue(mail.text().contains("This is not a judgement of you or your abilities"), mail.text());
        for (String part : List.of(mail.text(), mail.html())) {
            assertTrue(part.contains("See where your application stands") && part.contains("/c/status?t=cnd_"), part);
            assertFalse(part.contains("Withdraw your application") || part.contains("/c/withdraw"), "closed: nothing to withdraw");
            assertFalse(part.contains("Ask for feedback"), "a role filled is not about their performance");
            assertFalse(part.contains("other finalist"), "the status note is internal");
        }
        assertEquals(Stage.REJECTED, Api.db(() -> Application.<Application>findById(a.id).stage));
        assertEquals(app.candor.application.ClosureState.CLOSED, Api.db(() -> Application.<Application>findById(a.id).closure.state()));
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
        assertTrue(mail.text().contains("You will hear from us by " + date + " at the latest."), mail.text());
        assertTrue(mail.text().contains("The panel needs one more week."), mail.text());
        assertTrue(mail.html().contains("The panel needs one more week."), mail.html());
        assertEquals(later, Api.db(() -> Application.<Application>findById(a.id).promisedDecisionDate));
    }

    @Test
    void aCallDoneSendsTheWrittenConfirmationByEmailOnce() {
        CandidateInput ada = new CandidateInput("Ms", "Ada", "Lovelace", false, TestData.email(), "+44 20 7946 0001",
                Channel.PHONE, "en");
        Application a = data.application(requisition, recruiter, ada);

        long task = post("/api/applications/" + a.id + "/outcome", Map.of("outcome", "OFFER"));
        assertEquals(MessageState.CALL_PENDING, Mails.message(task).state);
        Mails.drain();
        assertTrue(smtp.receivedBy(ada.email()).isEmpty(), "no e-mail before the call");

        json(recruiter).body(Map.of("note", "Delighted, will sign next week")).when().post("/api/messages/" + task + "/call-done")
                .then().statusCode(200);

        long confirmation = Api.db(() -> Message.<Message>find("application.id = ?1 and channel = ?2", a.id, Channel.EMAIL)
                .singleResult().id);
        Received mail = assertEnglish(confirmation, ada.email(), "Dear Ms Lovelace,");
        assertTrue(mail.text().contains("This confirms in writing what we told you on the phone."), mail.text());
        assertTrue(mail.text().contains("We are delighted to offer you the position of " + requisition.title), mail.text());
        assertEquals(MessageState.CALL_DONE, Mails.message(task).state);
    }

    static long messageFor(long applicationId, MessageKind kind) {
        return Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", applicationId, kind).singleResult().id);
    }
}
