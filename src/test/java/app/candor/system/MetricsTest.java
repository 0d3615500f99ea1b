package app.candor.system;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.closure.ClosureSweep;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.ClosureRows;
import app.candor.support.Eventually;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static app.candor.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

/**
 * Prometheus metrics at /q/metrics: admins only (HTTP Basic), the closure gauges agree with the
 * database and are cached, the sweep is timed and counted, messages are counted by state and their
 * delivery timed, and no candidate token reaches a label.
 */
@QuarkusTest
class MetricsTest {

    /** A Wednesday; business days ahead are Thursday and Friday. */
    static final Instant NOW = Instant.parse("2032-03-10T12:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2032-03-10");

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ClosureSweep sweep;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String scrape(User admin) {
        return Api.as(admin).when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of an untagged sample, or of the sample with exactly these {@code tags} ({@code flag="overdue"}). */
    private static double sample(String metrics, String name, String tags) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + (tags == null ? "" : "\\{" + Pattern.quote(tags) + ",?\\}")
                + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(m.find()).as(name + (tags == null ? "" : "{" + tags + "}") + " in the metrics").isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double sample(String metrics, String name) {
        return sample(metrics, name, null);
    }

    private void promised(Requisition requisition, User recruiter, String due) {
        Application a = data.application(requisition, recruiter);
        QuarkusTransaction.requiringNew().run(() -> ClosureRows.due(LocalDate.parse(due), a.id));
    }

    /** Open applications matching {@code where}, whose parameters are ?2, ?3, … */
    private static long open(String where, Object... params) {
        Object[] all = new Object[params.length + 1];
        all[0] = ClosureState.OPEN;
        System.arraycopy(params, 0, all, 1, params.length);
        return Api.db(() -> Application.count("closure.state = ?1" + where, all));
    }

    @Test
    void anonymousCallersAreChallengedRecruitersAndHiringManagersRefusedHealthStaysPublic() {
        given().redirects().follow(false).when().get("/q/metrics").then()
                .statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("basic realm="));
        Api.as(data.recruiter()).when().get("/q/metrics").then().statusCode(403);
        Api.as(data.hiringManager()).when().get("/q/metrics").then().statusCode(403);
        given().auth().preemptive().basic(data.admin().username, "wrong-password").when().get("/q/metrics").then().statusCode(401);
        // A signed-in page session is not how metrics are read: no login-page redirect, no cookie access.
        PageSession.signIn(data.admin()).request().when().get("/q/metrics").then().statusCode(401);

        given().redirects().follow(false).when().get("/q/health").then().statusCode(200);
        given().redirects().follow(false).when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void theClosureGaugesMatchTheDatabaseAndAreReadAgainOnlyAfterThirtySeconds() {
        clock.set(NOW);
        User admin = data.admin();
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        promised(requisition, recruiter, "2032-03-09");  // overdue
        promised(requisition, recruiter, "2032-03-11");  // due soon (the next business day)
        promised(requisition, recruiter, "2032-03-20");  // on track

        String first = scrape(admin);
        long overdue = open(" and closure.due < ?2", TODAY);
        assertThat(overdue).isGreaterThanOrEqualTo(1);
        assertThat(sample(first, "candor_closure_open_overdue")).isEqualTo(overdue);
        assertThat(sample(first, "candor_closure_open_due_soon"))
                .isEqualTo(open(" and closure.due >= ?2 and closure.due <= ?3", TODAY, LocalDate.parse("2032-03-11")));
        assertThat(sample(first, "candor_closure_open")).isEqualTo(open(""));
        assertThat(first).containsPattern("(?m)^candor_closure_on_time_ratio ");

        promised(requisition, recruiter, "2032-03-01");  // one more overdue
        clock.set(NOW.plusSeconds(29));
        assertThat(sample(scrape(admin), "candor_closure_open_overdue")).as("within 30 s: the cached reading").isEqualTo(overdue);
        clock.set(NOW.plusSeconds(30));
        // Read again: what the database says now (other tests' letters, delivered in the background, may have closed
        // some applications meanwhile, so "overdue + 1" would race with the dispatcher; the database count does not).
        double reread = sample(scrape(admin), "candor_closure_open_overdue");
        assertThat(reread).as("after 30 s: read again").isEqualTo(open(" and closure.due < ?2", TODAY));
    }

    @Test
    void theSweepIsTimedAndWhatItFlagsIsCounted() {
        User admin = data.admin();
        String before = scrape(admin);
        double sweeps = sample(before, "candor_closure_sweep_seconds_count");
        double flaggedOverdue = sample(before, "candor_closure_flagged_total", "flag=\"overdue\"");
        double flaggedDueSoon = sample(before, "candor_closure_flagged_total", "flag=\"due_soon\"");

        clock.set(NOW.plusSeconds(3600));
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        promised(requisition, recruiter, "2032-03-09");
        ClosureSweep.Result result = sweep.sweep();
        assertThat(result.overdue()).isGreaterThanOrEqualTo(1);

        String after = scrape(admin);
        assertThat(sample(after, "candor_closure_sweep_seconds_count")).isEqualTo(sweeps + 1);
        assertThat(sample(after, "candor_closure_flagged_total", "flag=\"overdue\"")).isEqualTo(flaggedOverdue + result.overdue());
        assertThat(sample(after, "candor_closure_flagged_total", "flag=\"due_soon\"")).isEqualTo(flaggedDueSoon + result.dueSoon());
    }

    @Test
    void everyOperationsSeriesIsExposed() {
        String metrics = scrape(data.admin());
        for (MessageState state : MessageState.values()) {
            assertThat(sample(metrics, "candor_messages", "state=\"" + state + "\"")).as("messages " + state).isGreaterThanOrEqualTo(0);
        }
        assertThat(metrics).containsPattern("(?m)^candor_message_delivery_seconds_count ")
                .containsPattern("(?m)^candor_message_delivery_seconds_bucket\\{le=\"[0-9.]+\",?\\} ")
                .containsPattern("(?m)^candor_message_attempts_total\\{result=\"sent\",?\\} ")
                .containsPattern("(?m)^candor_message_attempts_total\\{result=\"retry\",?\\} ")
                .containsPattern("(?m)^candor_message_attempts_total\\{result=\"failed\",?\\} ")
                .containsPattern("(?m)^candor_dispatcher_window_seconds_count\\{step=\"load\",?\\} ")
                .containsPattern("(?m)^candor_dispatcher_window_seconds_sum\\{step=\"wait\",?\\} ")
                .containsPattern("(?m)^candor_dispatcher_window_seconds_max\\{step=\"record\",?\\} ")
                .containsPattern("(?m)^candor_closure_open_overdue ")
                .containsPattern("(?m)^candor_closure_sweep_seconds_count ")
                .containsPattern("(?m)^candor_closure_sweep_seconds_sum ");
    }

    @Test
    void aSentMessageMovesTheStateCountsAndRecordsItsDeliveryTime() {
        Instant now = Instant.parse("2033-01-05T12:00:00Z");
        clock.set(now);
        User admin = data.admin();
        User recruiter = data.recruiter();
        Application application = data.application(data.requisition(recruiter, data.hiringManager()), recruiter);
        String before = scrape(admin);
        double sentBefore = sample(before, "candor_messages", "state=\"SENT\"");
        double deliveriesBefore = sample(before, "candor_message_delivery_seconds_count");
        double attemptsBefore = sample(before, "candor_message_attempts_total", "result=\"sent\"");
        Map<String, Double> windowsBefore = windowSteps(before, "_count");
        Map<String, Double> windowTimeBefore = windowSteps(before, "_sum");

        json(recruiter).body(Map.of("promisedDecisionDate", "2033-02-01"))
                .when().post("/api/applications/" + application.id + "/delay").then().statusCode(201);
        Eventually.await("the delay letter sent", Mails.DELIVERY,
                () -> Api.db(() -> Message.count("application.id = ?1 and state = ?2", application.id, MessageState.SENT)) == 1);

        clock.set(now.plusSeconds(30));  // past the gauges' cache time
        // Messages only ever enter SENT, and other tests' mail may still be going out: the gauge lies between the
        // database counts just before and just after the scrape.
        long sentLow = Api.db(() -> Message.count("state", MessageState.SENT));
        String after = scrape(admin);
        long sentHigh = Api.db(() -> Message.count("state", MessageState.SENT));
        assertThat(sample(after, "candor_messages", "state=\"SENT\"")).isGreaterThanOrEqualTo(sentBefore + 1)
                .isBetween((double) sentLow, (double) sentHigh);
        assertThat(sample(after, "candor_message_delivery_seconds_count")).isGreaterThanOrEqualTo(deliveriesBefore + 1);
        assertThat(sample(after, "candor_message_attempts_total", "result=\"sent\"")).isGreaterThanOrEqualTo(attemptsBefore + 1);
        // The window that sent it was loaded, waited for and recorded: each step counted and timed. The dispatcher times
        // the record once its transaction has committed, so a scrape may come just before: read until it is there.
        String withSteps = Eventually.await("the window's steps in the metrics", Mails.DELIVERY, () -> scrape(admin),
                m -> windowSteps(m, "_count").get("record") >= windowsBefore.get("record") + 1);
        Map<String, Double> windowsAfter = windowSteps(withSteps, "_count");
        Map<String, Double> windowTimeAfter = windowSteps(withSteps, "_sum");
        for (String step : WINDOW_STEPS) {
            assertThat(windowsAfter.get(step)).as("windows, step " + step).isGreaterThanOrEqualTo(windowsBefore.get(step) + 1);
        }
        // Both are transactions; the wait may round to nothing (the mock mailer has already answered).
        assertThat(windowTimeAfter.get("load")).as("seconds loading").isGreaterThan(windowTimeBefore.get("load"));
        assertThat(windowTimeAfter.get("record")).as("seconds recording").isGreaterThan(windowTimeBefore.get("record"));
    }

    /** The steps of the dispatcher's per-window timer (MessageMetrics.Step's tags). */
    private static final List<String> WINDOW_STEPS = List.of("load", "wait", "record");

    /** The dispatcher's per-window timer by step: its {@code _count} or {@code _sum}. */
    private static Map<String, Double> windowSteps(String metrics, String suffix) {
        return WINDOW_STEPS.stream().collect(Collectors.toMap(step -> step,
                step -> sample(metrics, "candor_dispatcher_window_seconds" + suffix, "step=\"" + step + "\"")));
    }

    @Test
    void requestMetricsNameTheRouteTemplateNeverAnIdOrACandidateToken() {
        User admin = data.admin();
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.application(requisition, recruiter);
        String email = Api.db(() -> Application.<Application>findById(application.id).candidate.email);
        json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now(ZoneOffset.UTC).plusDays(20).toString()))
                .when().post("/api/applications/" + application.id + "/delay").then().statusCode(201);
        List<Mail> mails = Eventually.await("the delay letter", Mails.DELIVERY, () -> mailbox.getMailsSentTo(email), l -> !l.isEmpty());
        String status = Links.of(mails.get(0).getText(), "status");
        String token = Links.token(status);

        PageSession candidate = PageSession.candidate();
        candidate.get(Links.pathOf(status)).then().statusCode(200);
        candidate.get("/c/withdraw?t=" + token).then().statusCode(404);  // another purpose: the calm page
        // Something token-like in a path no route matches (never a real token in a path: the access log shows paths).
        candidate.get("/c/cnd_made-up-path").then().statusCode(404);
        json(recruiter).when().get("/api/applications/" + application.id).then().statusCode(200);

        String metrics = scrape(admin);
        assertThat(metrics).doesNotContain("cnd_").doesNotContain(token);
        assertThat(metrics).contains("uri=\"/c/status\"").contains("uri=\"/api/applications/{id}\"")
                .doesNotContain("uri=\"/api/applications/" + application.id + "\"");
    }
}
