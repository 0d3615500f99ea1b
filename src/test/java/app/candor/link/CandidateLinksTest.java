package app.candor.link;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.feedback.FeedbackRequest;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import app.candor.withdrawal.Withdrawal;
import app.candor.withdrawal.WithdrawalReason;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The candidate's links, through the pages a candidate's browser sees (no sign-in), with the mock
 * mailer: what the links are, that a GET never acts, that an action happens once, that every
 * unusable link gets the same calm page, and what the status page does and does not show.
 */
@QuarkusTest
class CandidateLinksTest {

    @Inject
    TestData data;

    @Inject
    MockMailbox mailbox;

    @Inject
    MutableClock clock;

    User recruiter;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Data Engineer"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- helpers -------------------------------------------------------------------------------

    private Application candidate(String language) {
        CandidateInput input = new CandidateInput("Ms", "Ada", "Lovelace", false, TestData.email(), "+44 20 7946 0000", Channel.EMAIL, language);
        return data.application(requisition, recruiter, input);
    }

    private String email(Application a) {
        return Api.db(() -> Application.<Application>findById(a.id).candidate.email);
    }

    /** Tells the candidate the decision is delayed (a letter with status and withdraw links) and returns the mail they got. */
    private Mail delayNotice(Application a) {
        json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()))
                .when().post("/api/applications/" + a.id + "/delay").then().statusCode(201);
        return mailTo(email(a), 1).get(0);
    }

    private List<Mail> mailTo(String address, int count) {
        return Eventually.await(count + " mail(s) to " + address, Mails.DELIVERY, () -> mailbox.getMailsSentTo(address),
                mails -> mails.size() >= count);
    }

    private long reject(Application a) {
        return json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when().post("/api/applications/" + a.id + "/outcome")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private long scheduleRejection(Application a) {
        String sendAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString();
        return json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 2, "sendAt", sendAt))
                .when().post("/api/applications/" + a.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static Application reload(Application a) {
        return Api.db(() -> Application.<Application>findById(a.id));
    }

    private static long messages(Application a) {
        return Api.db(() -> Message.count("application.id", a.id));
    }

    private static long messages(Application a, MessageKind kind) {
        return Api.db(() -> Message.count("application.id = ?1 and kind = ?2", a.id, kind));
    }

    private static Response withdraw(PageSession candidate, String link, Map<String, String> fields) {
        Response page = candidate.get(Links.pathOf(link));
        assertThat(page.statusCode()).isEqualTo(200);
        java.util.HashMap<String, String> form = new java.util.HashMap<>(fields);
        form.put("t", Links.token(link));
        return candidate.post("/c/withdraw", form);
    }

    // --- the links in the mail -----------------------------------------------------------------

    @Test
    void lettersCarryStatusAndWithdrawLinksARejectionAlsoAskForFeedbackAndOnlyHashesAreStored() {
        Application a = candidate("en");
        Mail delay = delayNotice(a);
        assertThat(Links.in(delay.getText()).keySet()).containsExactly("status", "withdraw");
        assertThat(Links.in(delay.getHtml()).keySet()).containsExactly("status", "withdraw");
        assertThat(delay.getText()).contains("These links are personal to you");

        reject(a);
        Mail rejection = mailTo(email(a), 2).get(1);
        assertThat(Links.in(rejection.getText()).keySet()).containsExactly("status", "feedback");

        // The stored letters keep placeholders; the database holds hashes, never a token.
        List<Message> stored = Api.db(() -> Message.<Message>list("application.id = ?1 order by id", a.id));
        assertThat(stored).extracting(m -> m.bodyText).allSatisfy(text -> {
            assertThat(text).contains("{personal-status-token}").doesNotContain("cnd_");
        });
        String token = Links.token(Links.of(delay.getText(), "withdraw"));
        List<CandidateLink> links = Api.db(() -> CandidateLink.<CandidateLink>list("application.id", a.id));
        assertThat(links).hasSize(4); // status + withdraw for the delay, status + feedback for the rejection
        assertThat(links).extracting(l -> l.tokenHash).allSatisfy(hash -> assertThat(hash).hasSize(64).doesNotContain("cnd_"))
                .contains(LinkTokens.hash(token)).doesNotContain(token);
        assertThat(token.length() - LinkTokens.PREFIX.length()).as("256 random bits, base64url").isEqualTo(43);
    }

    // --- withdraw ------------------------------------------------------------------------------

    @Test
    void openingTheWithdrawLinkChangesNothingAndThePageIsSelfContained() {
        Application a = candidate("en");
        String link = Links.of(delayNotice(a).getText(), "withdraw");
        long before = messages(a);

        Response page = PageSession.candidate().get(Links.pathOf(link));
        page.then().statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'none'"));
        String html = page.asString();
        assertThat(html).contains("Withdraw your application?").contains(requisition.title).contains("Candor Demo Ltd")
                .contains("No explanation is needed").contains("I accepted another offer").contains("I prefer not to say")
                .contains("<html lang=\"en\">").contains("name=\"viewport\"");
        assertThat(html).as("no staff navigation or demo banner").doesNotContain("Requisitions").doesNotContain("Demo mode");
        Matcher resource = Pattern.compile("(?:src|href|action)=\"([^\"]*)\"").matcher(html);
        while (resource.find()) {
            assertThat(resource.group(1)).as("only this site's own resources").matches("(/|mailto:|#).*");
        }

        assertThat(reload(a).stage).isEqualTo(Stage.APPLIED);
        assertThat(messages(a)).isEqualTo(before);
        assertThat(Api.db(() -> Withdrawal.count("application.id", a.id))).isZero();
    }

    @Test
    void withdrawalIsAcknowledgedOnceAndASecondPostChangesNothing() {
        Application a = candidate("en");
        String candidateEmail = email(a);
        String link = Links.of(delayNotice(a).getText(), "withdraw");
        long scheduled = scheduleRejection(a);
        PageSession candidate = PageSession.candidate();

        Response first = withdraw(candidate, link, Map.of("reason", "PROCESS_TOO_LONG", "note", "Found something closer to home."));
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).endsWith("/c/withdraw?t=" + Links.token(link));
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("You have withdrawn. Thank you for letting us know");

        Application after = reload(a);
        assertThat(after.stage).isEqualTo(Stage.WITHDRAWN);
        assertThat(after.promisedDecisionDate).isNull();
        Withdrawal w = Api.db(() -> Withdrawal.<Withdrawal>find("application.id", a.id).firstResult());
        assertThat(w.reason).isEqualTo(WithdrawalReason.PROCESS_TOO_LONG);
        assertThat(w.note).isEqualTo("Found something closer to home.");
        assertThat(Mails.message(scheduled).state).as("the scheduled rejection is stopped").isEqualTo(MessageState.CANCELLED);
        assertThat(messages(a, MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT)).isEqualTo(1);
        assertThat(messages(a, MessageKind.WITHDRAWAL_NOTICE)).isEqualTo(1);
        assertThat(w.acknowledgementId).isNotNull();

        // The history names the candidate as the one who moved it, with the reason (for the team).
        var view = json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200).extract().jsonPath();
        assertThat(view.getString("history[-1].by")).isEqualTo("(candidate)");
        assertThat(view.getString("withdrawal.reasonCode")).isEqualTo("PROCESS_TOO_LONG");
        assertThat(view.getString("withdrawal.note")).isEqualTo("Found something closer to home.");

        long messagesAfterFirst = messages(a);
        Response second = withdraw(candidate, link, Map.of("reason", "OTHER"));
        assertThat(second.statusCode()).isEqualTo(303);
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("You have already withdrawn this application");
        assertThat(messages(a)).isEqualTo(messagesAfterFirst);
        assertThat(Api.db(() -> Withdrawal.<Withdrawal>find("application.id", a.id).firstResult().reason))
                .isEqualTo(WithdrawalReason.PROCESS_TOO_LONG);

        // Exactly one acknowledgement reaches the candidate (after the delay notice), with a status link only.
        List<Mail> mails = mailTo(candidateEmail, 2);
        Mails.drain();
        assertThat(mailbox.getMailsSentTo(candidateEmail)).as("no further mail").hasSize(2);
        Mail ack = mails.get(1);
        assertThat(ack.getSubject()).contains("withdrawn");
        assertThat(ack.getText()).contains("Thank you for letting us know that you are withdrawing your application for " + requisition.title);
        assertThat(Links.in(ack.getText()).keySet()).containsExactly("status");
        Mail notice = mailTo(recruiter.email, 1).get(0);
        assertThat(notice.getText()).contains("Ada Lovelace has withdrawn").contains("The process is taking too long")
                .contains("Found something closer to home.").contains("/applications/" + a.id);
    }

    @Test
    void aCandidateWithSeveralOpenApplicationsWithdrawsFromAllAtOnce() {
        Application a = candidate("en");
        Requisition other = data.requisition(recruiter, data.hiringManager(), TestData.unique("Analyst"));
        Application b = data.application(other, recruiter, new CandidateInput("Ms", "Ada", "Lovelace", false, email(a), null,
                Channel.EMAIL, "en")); // the same person (same e-mail), a second role
        String link = Links.of(delayNotice(a).getText(), "withdraw");
        PageSession candidate = PageSession.candidate();

        String page = candidate.get(Links.pathOf(link)).asString();
        assertThat(page).contains("all my open applications with Candor Demo Ltd").contains(other.title);
        Response done = withdraw(candidate, link, Map.of("scope", "all"));
        assertThat(done.statusCode()).isEqualTo(303);

        assertThat(reload(a).stage).isEqualTo(Stage.WITHDRAWN);
        assertThat(reload(b).stage).isEqualTo(Stage.WITHDRAWN);
        assertThat(messages(a, MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT) + messages(b, MessageKind.WITHDRAWAL_ACKNOWLEDGEMENT))
                .as("one acknowledgement for both").isEqualTo(1);
        assertThat(messages(a, MessageKind.WITHDRAWAL_NOTICE)).isEqualTo(1);
        assertThat(messages(b, MessageKind.WITHDRAWAL_NOTICE)).isEqualTo(1);
        Mail ack = mailTo(email(a), 2).get(1);
        assertThat(ack.getText()).contains("withdrawing your applications").contains("- " + requisition.title).contains("- " + other.title);
    }

    @Test
    void aWithdrawLinkOnAnApplicationClosedSinceShowsTheFinalStateAndDoesNothing() {
        Application a = candidate("en");
        String link = Links.of(delayNotice(a).getText(), "withdraw");
        PageSession candidate = PageSession.candidate();
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("name=\"reason\""); // the form, left open in a tab
        // The rejection has reached them, and the dispatcher has recorded it: the mock mailbox has the letter as soon as it
        // is handed over, a moment before the window's results (SENT, the application closed) are committed.
        Mails.awaitState(reject(a), MessageState.SENT);
        mailTo(email(a), 2);
        long before = messages(a);

        String page = candidate.get(Links.pathOf(link)).asString();
        assertThat(page).contains("We decided not to move forward with your application")
                .contains("already closed, so there is nothing to withdraw").doesNotContain("name=\"reason\"");
        Response post = candidate.post("/c/withdraw", Map.of("t", Links.token(link)));
        assertThat(post.statusCode()).isEqualTo(303);
        assertThat(reload(a).stage).isEqualTo(Stage.REJECTED);
        assertThat(messages(a)).isEqualTo(before);
    }

    @Test
    void badInputOnTheWithdrawFormIsShownAgainAndChangesNothing() {
        Application a = candidate("en");
        String link = Links.of(delayNotice(a).getText(), "withdraw");
        PageSession candidate = PageSession.candidate();

        Response bogus = withdraw(candidate, link, Map.of("reason", "BECAUSE", "note", "kept"));
        assertThat(bogus.statusCode()).isEqualTo(400);
        assertThat(bogus.asString()).contains("Please choose one of the reasons shown, or none.").contains(">kept</textarea>");
        Response tooLong = withdraw(candidate, link, Map.of("note", Api.repeat('x', 1001)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.asString()).contains("Please keep your note under 1000 characters.");
        Response forged = candidate.postWithoutToken("/c/withdraw", Map.of("t", Links.token(link)));
        assertThat(forged.statusCode()).as("a form from another site (no CSRF token)").isBetween(400, 403);

        assertThat(reload(a).stage).isEqualTo(Stage.APPLIED);
        assertThat(Api.db(() -> Withdrawal.count("application.id", a.id))).isZero();
    }

    // --- unusable links ------------------------------------------------------------------------

    @Test
    void unusableLinksAllGetTheSameCalmPageAndChangeNothing() {
        Application a = candidate("en");
        Mail mail = delayNotice(a);
        String withdraw = Links.of(mail.getText(), "withdraw");
        String status = Links.of(mail.getText(), "status");
        String token = Links.token(withdraw);
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        long before = messages(a);

        PageSession candidate = PageSession.candidate();
        String calm = candidate.get("/c/withdraw?t=" + flipped).then().statusCode(404).extract().asString();
        assertThat(calm).contains("This link cannot be used").contains("please reply to the e-mail")
                .doesNotContain(token).doesNotContain(flipped).doesNotContain("expired").doesNotContain(requisition.title);
        // A token for another page, a made-up one, none at all: the very same page.
        assertThat(candidate.get("/c/withdraw?t=" + Links.token(status)).then().statusCode(404).extract().asString()).isEqualTo(calm);
        assertThat(candidate.get("/c/feedback?t=" + token).then().statusCode(404).extract().asString()).isEqualTo(calm);
        assertThat(candidate.get("/c/status?t=" + token).then().statusCode(404).extract().asString()).isEqualTo(calm);
        assertThat(candidate.get("/c/withdraw?t=nonsense").then().statusCode(404).extract().asString()).isEqualTo(calm);
        assertThat(candidate.get("/c/withdraw").then().statusCode(404).extract().asString()).isEqualTo(calm);
        // A POST with a tampered token acts on nothing.
        candidate.get(Links.pathOf(withdraw)).then().statusCode(200); // for the CSRF token
        assertThat(candidate.post("/c/withdraw", Map.of("t", flipped)).statusCode()).isEqualTo(404);

        // Expired: the link lifetime (90 days by default) has passed.
        clock.set(java.time.Instant.now().plus(Duration.ofDays(91)));
        assertThat(PageSession.candidate().get(Links.pathOf(withdraw)).then().statusCode(404).extract().asString()).isEqualTo(calm);
        clock.reset();

        assertThat(reload(a).stage).isEqualTo(Stage.APPLIED);
        assertThat(messages(a)).isEqualTo(before);
        assertThat(PageSession.candidate().get(Links.pathOf(withdraw)).statusCode()).as("the real link still works").isEqualTo(200);
    }

    @Test
    void repeatedFailuresFromOneAddressAreSlowedDownButAWorkingLinkAlwaysOpens() {
        Application a = candidate("en");
        String status = Links.of(delayNotice(a).getText(), "status");
        PageSession guesser = PageSession.candidate();
        for (int i = 0; i < 10; i++) {
            guesser.get("/c/status?t=cnd_" + Api.repeat((char) ('a' + i), 43)).then().statusCode(404);
        }
        Response slowed = guesser.get("/c/status?t=cnd_" + Api.repeat('z', 43));
        assertThat(slowed.statusCode()).as("the next wrong link waits").isEqualTo(429);
        assertThat(slowed.header("Retry-After")).isEqualTo("900");
        assertThat(slowed.asString()).contains("Please wait a few minutes");
        assertThat(guesser.get(Links.pathOf(status)).statusCode())
                .as("a working link opens even from that address (candidates may share a proxy's)").isEqualTo(200);
        assertThat(Api.db(() -> ((Number) Application.getEntityManager()
                .createNativeQuery("select failures from throttle where subject = :s").setParameter("s", "link:" + guesser.address())
                .getSingleResult()).intValue())).as("counted in the database, for every replica").isEqualTo(10);
        assertThat(PageSession.candidate().get("/c/status?t=cnd_" + Api.repeat('y', 43)).statusCode())
                .as("another address is not affected").isEqualTo(404);
    }

    // --- status --------------------------------------------------------------------------------

    @Test
    void theStatusPageShowsTheStageThePromiseTheContactAndWhatWasSentButNoInternalNote() {
        Application a = candidate("en");
        String internal = "INTERNAL-ONLY: salary ask too high, keep warm " + TestData.unique("n");
        json(recruiter).body(Map.of("stage", "SCREENING", "note", internal)).when().post("/api/applications/" + a.id + "/stage")
                .then().statusCode(200);
        Mail delay = delayNotice(a);
        String status = Links.of(delay.getText(), "status");
        scheduleRejection(a); // recorded, not yet told

        String page = PageSession.candidate().get(Links.pathOf(status)).then().statusCode(200)
                .header("Referrer-Policy", "no-referrer").extract().asString();
        LocalDate promised = reloadPromiseBeforeRejection(a);
        assertThat(page).contains("We are reviewing your application.")
                .contains("You will hear from us by " + java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.LONG)
                        .withLocale(java.util.Locale.UK).format(promised))
                .contains("Rita Recruiter").contains("Talent Partner").contains("mailto:" + recruiter.email)
                .contains(delay.getSubject());
        assertThat(page).as("a scheduled rejection is not news yet").doesNotContain("not to move forward");
        assertThat(page).doesNotContain("INTERNAL-ONLY").doesNotContain("salary ask")
                .as("the rejection reason is internal").doesNotContain("Skills or experience")
                .as("no token, no placeholder").doesNotContain("cnd_").doesNotContain("{personal-");
    }

    private static LocalDate reloadPromiseBeforeRejection(Application a) {
        return Api.db(() -> app.candor.application.StageChange.listFor(Application.findById(a.id)).stream()
                .filter(ch -> ch.toStage != Stage.REJECTED && ch.promisedDecisionDate != null)
                .reduce((x, y) -> y).orElseThrow().promisedDecisionDate);
    }

    @Test
    void candidatePagesAreInTheCandidatesLanguage() {
        Application a = candidate("de");
        Mail delay = delayNotice(a);
        assertThat(delay.getText()).contains("Bewerbung zurückziehen").contains("Stand Ihrer Bewerbung ansehen");
        PageSession candidate = PageSession.candidate();

        String status = candidate.get(Links.pathOf(Links.of(delay.getText(), "status"))).then().statusCode(200).extract().asString();
        assertThat(status).contains("<html lang=\"de\">").contains("Wir haben Ihre Bewerbung erhalten").contains("Ihre Ansprechperson")
                .doesNotContain("Your contact");
        String withdraw = candidate.get(Links.pathOf(Links.of(delay.getText(), "withdraw"))).then().statusCode(200).extract().asString();
        assertThat(withdraw).contains("Bewerbung zurückziehen?").contains("Eine Begründung ist nicht nötig");
        // The calm page follows the browser's language, the only hint it has.
        String calm = PageSession.candidate().request().header("Accept-Language", "de-DE,de;q=0.9").get("/c/status?t=x")
                .then().statusCode(404).extract().asString();
        assertThat(calm).contains("Dieser Link kann nicht verwendet werden");
    }

    // --- ask for feedback ----------------------------------------------------------------------

    @Test
    void aRejectedCandidateAsksForFeedbackOnceAndTheRecruiterSeesIt() {
        Application a = candidate("en");
        Mails.awaitState(reject(a), MessageState.SENT); // told, as the page then says: recorded a moment after the mailbox has it
        Mail rejection = mailTo(email(a), 1).get(0);
        String link = Links.of(rejection.getText(), "feedback");
        PageSession candidate = PageSession.candidate();

        String page = candidate.get(Links.pathOf(link)).then().statusCode(200).extract().asString();
        assertThat(page).contains("Would you like feedback on your application for " + requisition.title).contains("Rita Recruiter");
        assertThat(Api.db(() -> FeedbackRequest.count("application.id", a.id))).as("GET records nothing").isZero();

        Response ask = candidate.post("/c/feedback", Map.of("t", Links.token(link)));
        assertThat(ask.statusCode()).isEqualTo(303);
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("We have recorded your request, and Rita Recruiter will be in touch");
        assertThat(Api.db(() -> FeedbackRequest.count("application.id", a.id))).isEqualTo(1);
        assertThat(messages(a, MessageKind.FEEDBACK_REQUEST_NOTICE)).isEqualTo(1);

        candidate.post("/c/feedback", Map.of("t", Links.token(link))).then().statusCode(303);
        assertThat(candidate.get(Links.pathOf(link)).asString()).contains("You asked for feedback on");
        assertThat(Api.db(() -> FeedbackRequest.count("application.id", a.id))).isEqualTo(1);
        assertThat(messages(a, MessageKind.FEEDBACK_REQUEST_NOTICE)).isEqualTo(1);

        assertThat(json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200).extract().jsonPath()
                .getString("feedbackRequestedAt")).isNotNull();
        Mail notice = mailTo(recruiter.email, 1).get(0);
        assertThat(notice.getSubject()).isEqualTo("Ada Lovelace asked for feedback on " + requisition.title);
    }
}
