package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.ClosureRows;
import app.candor.support.Eventually;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.SettingsProfile;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static app.candor.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recruiters' daily closure digest, on a controlled clock (company time zone UTC in tests): nothing
 * before 08:00, on weekends or on a holiday; from 08:00 on a business day each recruiter gets one mail
 * with their overdue promises (oldest first) and then those due soon, however often and however
 * concurrently the check runs; nothing (but the day recorded) when there is nothing to say.
 *
 * <p>Other tests' recruiters in this database get digests at these clock settings too; every assertion
 * is about the recruiters a test created (their messages by cause and recipient).
 */
@QuarkusTest
@TestProfile(SettingsProfile.class)
class ClosureDigestTest {

    /** A Monday; the Wednesday of that week is a holiday (see {@link SettingsProfile}). */
    static final LocalDate MONDAY = LocalDate.of(2031, 3, 3);
    static final LocalDate TUESDAY = MONDAY.plusDays(1);
    static final LocalDate HOLIDAY = MONDAY.plusDays(2);
    static final LocalDate THURSDAY = MONDAY.plusDays(3);

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ClosureDigest digest;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).toInstant(ZoneOffset.UTC);
    }

    /** An application of a candidate with these names, promised for {@code due}. */
    Application promised(Requisition requisition, User recruiter, String first, String last, LocalDate due) {
        Application a = data.application(requisition, recruiter,
                new CandidateInput("Ms", first, last, false, TestData.email(), null, Channel.EMAIL, "en"));
        Api.db(() -> ClosureRows.due(due, a.id));
        return a;
    }

    static List<Message> digestsTo(User recruiter) {
        return Api.db(() -> Message.<Message>list("kind = ?1 and recipient = ?2 order by id", MessageKind.CLOSURE_DIGEST, recruiter.email));
    }

    static Message digestOf(User recruiter, LocalDate day) {
        return Api.db(() -> Message.findByCause(ClosureDigest.cause(recruiter.id, day)).orElseThrow(
                () -> new AssertionError("no digest for " + recruiter.username + " on " + day)));
    }

    /** A recruiter with one overdue application. */
    User recruiterWithOneOverdue() {
        User recruiter = data.recruiter();
        promised(data.requisition(recruiter, data.hiringManager()), recruiter, "Olive", "Overdue", MONDAY.minusDays(7));
        return recruiter;
    }

    @Test
    void anEditedDigestTemplateWritesTheDigestEscapedAndRecordsItsVersion() {
        LocalDate nextMonday = MONDAY.plusDays(7); // a day no other test here uses
        User admin = data.admin();
        User recruiter = data.recruiter();
        Application olive = promised(data.requisition(recruiter, data.hiringManager()), recruiter, "Olive", "<b>Overdue</b>",
                nextMonday.minusDays(7));
        long version = json(admin).body(java.util.Map.of("subject", "{overdue.count} overdue for {recruiter.name}",
                        "body", "Hi {recruiter.name},\n\n{overdue}\n\nSoon: {due.soon}\n\nBoard: {board.url}"))
                .when().put("/api/letter-templates/CLOSURE_DIGEST/en").then().statusCode(200).extract().jsonPath().getLong("id");
        try {
            clock.set(at(nextMonday, 8, 0));
            digest.check();
            Message mail = digestOf(recruiter, nextMonday);
            assertThat(mail.subject).isEqualTo("1 overdue for " + recruiter.fullName);
            assertThat(mail.templateVersionId).isEqualTo(version);
            assertThat(mail.bodyText).startsWith("Hi " + recruiter.fullName + ",").contains("<b>Overdue</b>")
                    .contains("/applications/" + olive.id).contains("Soon: none").contains("Board: ").contains("/board");
            assertThat(mail.bodyHtml).contains("Olive &lt;b&gt;Overdue&lt;/b&gt;").doesNotContain("<b>Overdue")
                    .containsPattern("<a href=\"[^\"]+/board\">");
        } finally {
            json(admin).body("{\"version\":null}").when().post("/api/letter-templates/CLOSURE_DIGEST/en/revert").then().statusCode(200);
        }
    }

    @Test
    void beforeEightNothingIsSentOrRecorded() {
        User recruiter = recruiterWithOneOverdue();

        clock.set(at(MONDAY, 7, 59));
        ClosureDigest.Result result = digest.check();

        assertThat(result.due()).isFalse();
        assertThat(result.reason()).contains("08:00");
        assertThat(digestsTo(recruiter)).isEmpty();
        assertThat(digest.recorded(recruiter.id, MONDAY)).isEmpty();
    }

    @Test
    void atEightEachRecruiterGetsOneDigestWithTheirOverdueOldestFirstThenDueSoonAndRepeatedChecksAddNothing() {
        User rita = data.recruiter("Rita Recruiter", "Talent Partner");
        User rob = data.recruiter();
        Requisition backend = data.requisition(rita, data.hiringManager(), "Backend <Engineer> & Co");
        Requisition design = data.requisition(rita, data.hiringManager());
        Requisition robs = data.requisition(rob, data.hiringManager());
        // Overdue: promised Wednesday (3 business days over on Monday) and chased, and promised Friday (1 over).
        Application oldest = promised(backend, rita, "Ada", "Lovelace & <Sons>", MONDAY.minusDays(5));
        Api.db(() -> Application.update("chasedAt = ?1 where id = ?2", at(MONDAY.minusDays(4), 10, 0), oldest.id));
        Application friday = promised(design, rita, "Grace", "Hopper", MONDAY.minusDays(3));
        // Due soon: today and the next business day.
        Application today = promised(design, rita, "Katherine", "Johnson", MONDAY);
        Application tuesday = promised(backend, rita, "Dorothy", "Vaughan", TUESDAY);
        // Not in Rita's digest: on track (Thursday), told already, on hold, someone else's requisition.
        promised(backend, rita, "Mary", "Jackson", THURSDAY);
        Application closed = promised(backend, rita, "Hedy", "Lamarr", MONDAY.minusDays(10));
        Api.db(() -> ClosureRows.state(ClosureState.CLOSED, closed.id));
        Application onHold = promised(design, rita, "Radia", "Perlman", MONDAY.minusDays(10));
        Api.db(() -> ClosureRows.state(ClosureState.SUSPENDED, onHold.id));
        Application robsOwn = promised(robs, rob, "Joan", "Clarke", MONDAY.minusDays(1));

        clock.set(at(MONDAY, 8, 0));
        ClosureDigest.Result first = digest.check();

        assertThat(first.due()).isTrue();
        assertThat(first.failed()).isZero();
        assertThat(first.sent()).isGreaterThanOrEqualTo(2);
        Message mail = digestOf(rita, MONDAY);
        assertThat(mail.kind).isEqualTo(MessageKind.CLOSURE_DIGEST);
        assertThat(mail.recipient).isEqualTo(rita.email);
        assertThat(mail.subject).isEqualTo("Closure watch: 2 overdue, 2 due soon");
        assertThat(mail.application).isNull();
        assertThat(mail.language).isEqualTo("en");
        String text = mail.bodyText;
        assertThat(text).startsWith("Hello Rita Recruiter,")
                .contains("OVERDUE (2)").contains("DUE SOON (2)")
                .contains("Ada Lovelace & <Sons>, Backend <Engineer> & Co (Applied): promised Wed 26 Feb 2031, 3 business days over, CHASED Thu 27 Feb 2031")
                .contains("Grace Hopper, " + design.title + " (Applied): promised Fri 28 Feb 2031, 1 business day over\n")
                .contains("/applications/" + oldest.id).contains("/board")
                .doesNotContain("Mary Jackson").doesNotContain("Hedy Lamarr").doesNotContain("Radia Perlman").doesNotContain("Joan Clarke")
                .doesNotContain("more on the board");
        List<String> order = List.of("Ada Lovelace", "Grace Hopper", "DUE SOON", "Katherine Johnson", "Dorothy Vaughan");
        for (int i = 1; i < order.size(); i++) {
            assertThat(text.indexOf(order.get(i))).as(order.get(i) + " after " + order.get(i - 1))
                    .isGreaterThan(text.indexOf(order.get(i - 1)));
        }
        String html = mail.bodyHtml;
        assertThat(html).contains("Ada Lovelace &amp; &lt;Sons&gt;").contains("Backend &lt;Engineer&gt; &amp; Co")
                .doesNotContain("<Sons>").doesNotContain("<Engineer>")
                .contains("/applications/" + today.id).contains("/applications/" + tuesday.id).contains("/applications/" + friday.id)
                .contains("chased Thu 27 Feb 2031");
        assertThat(html.indexOf("id=\"overdue\"")).isLessThan(html.indexOf("id=\"due-soon\""));
        assertThat(digest.recorded(rita.id, MONDAY)).contains(new ClosureDigest.Recorded(4, mail.id));

        Message robsMail = digestOf(rob, MONDAY);
        assertThat(robsMail.subject).isEqualTo("Closure watch: 1 overdue, 0 due soon");
        assertThat(robsMail.bodyText).contains("Joan Clarke").doesNotContain("Ada Lovelace").doesNotContain("DUE SOON");
        assertThat(robsMail.bodyText).contains("/applications/" + robsOwn.id);

        // A second and a third check the same day add nothing.
        clock.set(at(MONDAY, 8, 5));
        assertThat(digest.check().failed()).isZero();
        clock.set(at(MONDAY, 17, 30));
        assertThat(digest.check().failed()).isZero();
        assertThat(digestsTo(rita)).extracting(m -> m.id).containsExactly(mail.id);
        assertThat(digestsTo(rob)).extracting(m -> m.id).containsExactly(robsMail.id);

        // The next business day (Wednesday is a holiday) brings the next digest.
        clock.set(at(THURSDAY, 8, 0));
        digest.check();
        assertThat(digestsTo(rita)).hasSize(2);
        assertThat(digestOf(rita, THURSDAY).subject).isEqualTo("Closure watch: 4 overdue, 1 due soon");

        // It is delivered like any message: through the outbox, after commit.
        Eventually.await("the digest sent", Mails.DELIVERY, () -> Api.db(() -> Message.<Message>findById(mail.id).state),
                state -> state == MessageState.SENT);
    }

    @Test
    void saturdaySundayAndAHolidaySendNothing() {
        User recruiter = recruiterWithOneOverdue();

        for (LocalDate dayOff : List.of(MONDAY.minusDays(2), MONDAY.minusDays(1), HOLIDAY)) {
            clock.set(at(dayOff, 9, 0));
            ClosureDigest.Result result = digest.check();
            assertThat(result.due()).as(dayOff.toString()).isFalse();
            assertThat(result.reason()).contains("not a business day");
            assertThat(digest.recorded(recruiter.id, dayOff)).as(dayOff.toString()).isEmpty();
        }
        assertThat(digestsTo(recruiter)).isEmpty();
    }

    @Test
    void aRecruiterWithNothingOverdueOrDueSoonGetsNoMailButTheDayIsRecorded() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        promised(requisition, recruiter, "Tess", "OnTrack", THURSDAY);
        Application told = promised(requisition, recruiter, "Toni", "Told", MONDAY.minusDays(3));
        Api.db(() -> ClosureRows.state(ClosureState.CLOSED, told.id));

        clock.set(at(MONDAY, 8, 0));
        ClosureDigest.Result result = digest.check();

        assertThat(result.empty()).isGreaterThanOrEqualTo(1);
        assertThat(digest.recorded(recruiter.id, MONDAY)).contains(new ClosureDigest.Recorded(0, null));
        assertThat(digestsTo(recruiter)).isEmpty();
        assertThat(Api.db(() -> Message.findByCause(ClosureDigest.cause(recruiter.id, MONDAY)))).isEmpty();
    }

    @Test
    void aRecruiterWithoutAnEmailAddressIsRecordedAndSentNothing() {
        User recruiter = recruiterWithOneOverdue();
        Api.db(() -> User.update("email = null where id = ?1", recruiter.id));

        clock.set(at(MONDAY, 8, 0));
        ClosureDigest.Result result = digest.check();

        assertThat(result.noAddress()).isGreaterThanOrEqualTo(1);
        assertThat(digest.recorded(recruiter.id, MONDAY)).contains(new ClosureDigest.Recorded(1, null));
        assertThat(Api.db(() -> Message.findByCause(ClosureDigest.cause(recruiter.id, MONDAY)))).isEmpty();
    }

    @Test
    void inactiveUsersAndNonRecruitersGetNoDigest() {
        User gone = recruiterWithOneOverdue();
        Api.db(() -> User.update("active = false where id = ?1", gone.id));
        User admin = data.admin();

        clock.set(at(MONDAY, 8, 0));
        digest.check();

        assertThat(digest.recorded(gone.id, MONDAY)).isEmpty();
        assertThat(digest.recorded(admin.id, MONDAY)).isEmpty();
        assertThat(digestsTo(gone)).isEmpty();
    }

    @Test
    void twoConcurrentChecksSendOneDigestPerRecruiter() throws Exception {
        List<User> recruiters = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            recruiters.add(recruiterWithOneOverdue());
        }
        clock.set(at(TUESDAY, 8, 0));
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<ClosureDigest.Result>> checks = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                checks.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return digest.check();
                }, threads));
            }
            List<ClosureDigest.Result> results = new ArrayList<>();
            for (CompletableFuture<ClosureDigest.Result> check : checks) {
                results.add(check.get(60, TimeUnit.SECONDS));
            }
            assertThat(results).allSatisfy(r -> assertThat(r.failed()).as("failed digests").isZero());
            assertThat(results.get(0).sent() + results.get(1).sent()).isGreaterThanOrEqualTo(recruiters.size());
        } finally {
            threads.shutdownNow();
        }
        for (User recruiter : recruiters) {
            List<Message> mails = digestsTo(recruiter);
            assertThat(mails).as("digests to " + recruiter.username).hasSize(1);
            assertThat(digest.recorded(recruiter.id, TUESDAY)).contains(new ClosureDigest.Recorded(1, mails.get(0).id));
        }
    }

    @Test
    void moreThanFiftyOverdueAreCappedWithTheRestOnTheBoard() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        for (int i = 0; i < ClosureDigest.MAX_ROWS + 3; i++) {
            data.application(requisition, recruiter);
        }
        Api.db(() -> ClosureRows.dueForRequisition(MONDAY.minusDays(3), requisition.id));

        clock.set(at(MONDAY, 8, 0));
        digest.check();

        Message mail = digestOf(recruiter, MONDAY);
        assertThat(mail.subject).isEqualTo("Closure watch: 53 overdue, 0 due soon");
        assertThat(mail.bodyText.split("/applications/", -1)).hasSize(ClosureDigest.MAX_ROWS + 1);
        assertThat(mail.bodyText).contains("... and 3 more on the board: ").contains("/board");
        assertThat(mail.bodyHtml).contains("and 3 more on the").contains("/board\"");
        assertThat(digest.recorded(recruiter.id, MONDAY)).contains(new ClosureDigest.Recorded(53, mail.id));
    }

    @Test
    void onlyAnAdminRunsTheCheckThroughTheApi() {
        User admin = data.admin();
        User recruiter = recruiterWithOneOverdue();

        clock.set(at(MONDAY, 7, 0));
        json(admin).when().post("/api/closure/digest").then().statusCode(200)
                .body("due", org.hamcrest.Matchers.equalTo(false))
                .body("day", org.hamcrest.Matchers.equalTo(MONDAY.toString()));
        json(recruiter).when().post("/api/closure/digest").then().statusCode(403);
        given().when().post("/api/closure/digest").then().statusCode(401);
        assertThat(digestsTo(recruiter)).isEmpty();

        clock.set(at(MONDAY, 9, 0));
        int sent = json(admin).when().post("/api/closure/digest").then().statusCode(200)
                .body("due", org.hamcrest.Matchers.equalTo(true))
                .body("failed", org.hamcrest.Matchers.equalTo(0))
                .extract().jsonPath().getInt("sent");
        assertThat(sent).isGreaterThanOrEqualTo(1);
        assertThat(digestsTo(recruiter)).hasSize(1);
    }

    @Test
    void aFailedDigestNeedsItsRecruitersAttentionAndOnlyTheyCanOpenAndResendIt() {
        User recruiter = recruiterWithOneOverdue();
        User colleague = data.recruiter();
        clock.set(at(MONDAY, 8, 0));
        digest.check();
        long id = digestOf(recruiter, MONDAY).id;
        Eventually.await("the digest sent", Mails.DELIVERY, () -> Api.db(() -> Message.<Message>findById(id).state),
                state -> state == MessageState.SENT);
        Api.db(() -> Message.update("state = ?1, lastError = ?2 where id = ?3", MessageState.FAILED, "SMTP 550: mailbox unavailable", id));

        PageSession mine = PageSession.signIn(recruiter);
        assertThat(mine.get("/requisitions").asString()).contains("Needs your attention").contains("href=\"/messages/" + id + "\"")
                .contains("Closure watch: 1 overdue, 0 due soon");
        Optional<String> page = Optional.of(mine.get("/messages/" + id)).filter(r -> r.statusCode() == 200).map(r -> r.asString());
        assertThat(page).isPresent();
        assertThat(page.get()).contains("Closure digest to " + recruiter.email).contains("your <em>current</em> e-mail address");
        json(recruiter).when().get("/api/messages/" + id).then().statusCode(200)
                .body("applicationId", org.hamcrest.Matchers.nullValue())
                .body("kind", org.hamcrest.Matchers.equalTo("CLOSURE_DIGEST"));

        json(colleague).when().get("/api/messages/" + id).then().statusCode(404);
        assertThat(PageSession.signIn(colleague).get("/messages/" + id).statusCode()).isEqualTo(404);
        json(colleague).when().post("/api/messages/" + id + "/resend").then().statusCode(404);

        json(recruiter).when().post("/api/messages/" + id + "/resend").then().statusCode(200)
                .body("recipient", org.hamcrest.Matchers.equalTo(recruiter.email));
        Eventually.await("the digest sent again", Mails.DELIVERY, () -> Api.db(() -> Message.<Message>findById(id).state),
                state -> state == MessageState.SENT);
    }
}
