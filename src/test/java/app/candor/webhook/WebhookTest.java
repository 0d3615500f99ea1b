package app.candor.webhook;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.Eventually;
import app.candor.support.IntegrationsProfile;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.as;
import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, outbound webhooks against real HTTP receivers started here: the body and its signature (verified as a
 * receiver would), ids only unless the endpoint opted in, a receiver that fails, times out and recovers (the same event
 * id each time, delivered once it answers), and an endpoint disabled after repeated refusals, with the reason.
 */
@QuarkusTest
@TestProfile(IntegrationsProfile.class)
class WebhookTest {

    static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    TestData data;

    @Inject
    app.candor.support.MutableClock clock;

    @Inject
    app.candor.closure.ClosureSweep sweep;

    @app.candor.support.InjectGreenMail
    com.icegreen.greenmail.util.GreenMail greenMail;

    User admin;
    User recruiter;
    Requisition requisition;
    final List<Receiver> receivers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = data.admin();
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
    }

    @AfterEach
    void tearDown() {
        // Endpoints of one test must not receive the next test's events.
        QuarkusTransaction.requiringNew().run(() -> WebhookEndpoint.update("active = false, disabledReason = 'test over' where active = true"));
        receivers.forEach(Receiver::close);
    }

    private Receiver receiver(int otherwise, Integer... script) {
        Receiver r = new Receiver(otherwise, script);
        receivers.add(r);
        return r;
    }

    private JsonPath register(Receiver r, boolean personalData) {
        JsonPath created = json(admin).body(Map.of("url", r.url(), "description", "ATS", "personalData", personalData))
                .when().post("/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
        // This instance sees its own endpoint at once (ActiveEndpoints forgets its list on every change here).
        return created;
    }

    private static List<Receiver.Request> eventsFor(Receiver r, String type, long applicationId) {
        return r.received().stream().filter(q -> {
            JsonPath body = JsonPath.from(q.body());
            return type.equals(body.getString("type")) && Long.valueOf(applicationId).equals(body.getLong("data.applicationId"));
        }).toList();
    }

    @Test
    void anEventIsSignedCarriesIdsOnlyAndVerifiesWithTheEndpointsSecret() {
        Receiver r = receiver(200);
        String secret = register(r, false).getString("secret");
        assertThat(secret).startsWith("whsec_");

        Application a = data.application(requisition, recruiter);
        Receiver.Request got = Eventually.await("application.created at the receiver", WITHIN, () -> eventsFor(r, "application.created", a.id),
                l -> !l.isEmpty()).get(0);

        JsonPath body = JsonPath.from(got.body());
        assertThat(body.getString("id")).startsWith("evt_").isEqualTo(got.header("Candor-Event-Id"));
        assertThat(body.getString("time")).isNotBlank();
        assertThat(body.getLong("data.requisitionId")).isEqualTo(requisition.id);
        assertThat(body.getMap("data")).containsOnlyKeys("applicationId", "requisitionId", "candidateId");
        String email = a.candidate.email;
        assertThat(got.body()).doesNotContain(email).doesNotContain("Candidate");
        assertThat(got.header("Content-Type")).startsWith("application/json");

        // What a receiver does: split the header, recompute the HMAC over "t.body", compare.
        Map<String, String> parts = new java.util.HashMap<>();
        for (String kv : got.header("Candor-Signature").split(",")) {
            parts.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        }
        assertThat(parts.get("v1")).isEqualTo(Signature.hmac(secret, parts.get("t") + "." + got.body()));
        assertThat(parts.get("v1")).isNotEqualTo(Signature.hmac("whsec_another", parts.get("t") + "." + got.body()));
        assertThat(Long.parseLong(parts.get("t"))).isCloseTo(java.time.Instant.now().getEpochSecond(), org.assertj.core.data.Offset.offset(120L));

        // A move is an event too, with from and to.
        json(recruiter).body(Map.of("stage", "SCREENING")).when().post("/api/applications/" + a.id + "/stage").then().statusCode(200);
        JsonPath moved = JsonPath.from(Eventually.await("application.stage_changed", WITHIN,
                () -> eventsFor(r, "application.stage_changed", a.id), l -> !l.isEmpty()).get(0).body());
        assertThat(moved.getString("data.from")).isEqualTo("APPLIED");
        assertThat(moved.getString("data.to")).isEqualTo("SCREENING");
    }

    @Test
    void anEndpointThatOptedInGetsTheCandidatesDetails() {
        Receiver r = receiver(200);
        register(r, true);
        Application a = data.application(requisition, recruiter);
        JsonPath body = JsonPath.from(Eventually.await("application.created", WITHIN, () -> eventsFor(r, "application.created", a.id),
                l -> !l.isEmpty()).get(0).body());
        assertThat(body.getString("data.candidate.email")).isEqualTo(a.candidate.email);
        assertThat(body.getString("data.candidate.lastName")).isEqualTo("Candidate");
    }

    @Test
    void aReceiverThatFailsThenTimesOutThenRecoversGetsTheEventWithTheSameIdUntilItAnswers() {
        Receiver r = receiver(200, 503, Receiver.STALL);
        long endpoint = register(r, false).getLong("id");
        Application a = data.application(requisition, recruiter);

        List<Receiver.Request> attempts = Eventually.await("three attempts", WITHIN, () -> eventsFor(r, "application.created", a.id),
                l -> l.size() >= 3);
        assertThat(attempts).extracting(q -> q.header("Candor-Event-Id")).containsOnly(attempts.get(0).header("Candor-Event-Id"));
        JsonPath log = Eventually.await("delivered", WITHIN, () -> as(admin).when().get("/api/admin/webhooks/" + endpoint + "/deliveries")
                .then().statusCode(200).extract().jsonPath(), j -> "DELIVERED".equals(j.getString("[0].state")));
        assertThat(log.getInt("[0].attempts")).isEqualTo(3);
        assertThat(log.getInt("[0].lastStatus")).isEqualTo(200);
        assertThat(log.getString("[0].type")).isEqualTo("application.created");
        assertThat(as(admin).when().get("/api/admin/webhooks/" + endpoint).then().statusCode(200).extract().jsonPath().getBoolean("active"))
                .isTrue();

        // The page shows the log and the secret.
        String page = PageSession.signIn(admin).get("/admin/webhooks/" + endpoint).asString();
        assertThat(page).contains("DELIVERED").contains("application.created").contains("whsec_");
    }

    @Test
    void anEndpointThatKeepsRefusingIsDisabledWithTheReason() {
        Receiver r = receiver(410);
        long endpoint = register(r, false).getLong("id");
        for (int i = 0; i < 3; i++) { // candor.webhooks.disable-after is 3 in the test profile
            data.application(requisition, recruiter);
        }
        JsonPath view = Eventually.await("disabled", WITHIN, () -> as(admin).when().get("/api/admin/webhooks/" + endpoint).then().statusCode(200)
                .extract().jsonPath(), j -> !j.getBoolean("active"));
        assertThat(view.getString("disabledReason")).contains("HTTP 410").contains("3 deliveries in a row");
        assertThat(as(admin).when().get("/api/admin/webhooks/" + endpoint + "/deliveries").then().extract().jsonPath()
                .getList("state", String.class)).containsOnly("FAILED");
        int before = r.received().size();
        data.application(requisition, recruiter);
        Eventually.holdsFor("nothing more to a disabled endpoint", Duration.ofSeconds(3), () -> r.received().size() == before);
        assertThat(PageSession.signIn(admin).get("/admin/webhooks").asString()).contains("disabled").contains("HTTP 410");
    }

    @Test
    void theSweepsFlagsBecomeEventsAndAClosureSaysHowTheCandidateWasTold() {
        Receiver r = receiver(200);
        register(r, false);
        Application a = data.application(requisition, recruiter);
        // The clock stays ahead until the event is delivered: the webhook outbox dates the event by it, and a reset
        // before the deliverer's round would leave the event due 60 days from now.
        // A standing clock with nanoseconds that the database rounds up: a delivery stored "due now" must still be due.
        clock.set(java.time.Instant.now().plus(Duration.ofDays(60)).truncatedTo(java.time.temporal.ChronoUnit.MICROS).plusNanos(900));
        JsonPath overdue;
        try {
            sweep.sweep();
            overdue = JsonPath.from(Eventually.await("promise.overdue", WITHIN, () -> eventsFor(r, "promise.overdue", a.id),
                    l -> !l.isEmpty()).get(0).body());
        } finally {
            clock.reset();
        }
        assertThat(overdue.getString("data.promisedDate")).isNotBlank();

        json(recruiter).body(Map.of("stage", "REJECTED", "told", Map.of("how", "PHONE", "note", "called her")))
                .when().post("/api/applications/" + a.id + "/stage").then().statusCode(200);
        JsonPath closed = JsonPath.from(Eventually.await("application.closed", WITHIN, () -> eventsFor(r, "application.closed", a.id),
                l -> !l.isEmpty()).get(0).body());
        assertThat(closed.getString("data.toldHow")).isEqualTo("PHONE");
        assertThat(closed.getString("data.stage")).isEqualTo("REJECTED");
        assertThat(closed.getString("data")).doesNotContain("called her");
    }

    @Test
    void aWithdrawalThroughTheLinkIsToldAsWithdrewSentAndClosedByTheAcknowledgement() {
        Receiver r = receiver(200);
        register(r, false);
        Application a = data.application(requisition, recruiter);
        String email = a.candidate.email;
        json(recruiter).body(Map.of("promisedDecisionDate", java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(20).toString()))
                .when().post("/api/applications/" + a.id + "/delay").then().statusCode(201);
        String letter = app.candor.support.Received.of(Eventually.await("the delay letter", WITHIN,
                () -> greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(email), m -> true).toList(), l -> !l.isEmpty())
                .get(0)).text();
        String link = app.candor.support.Links.of(letter, "withdraw");
        PageSession candidate = PageSession.candidate();
        assertThat(candidate.get(app.candor.support.Links.pathOf(link)).statusCode()).isEqualTo(200);
        candidate.post("/c/withdraw", Map.of("t", app.candor.support.Links.token(link), "reason", "ACCEPTED_OTHER_OFFER"));

        JsonPath withdrew = JsonPath.from(Eventually.await("candidate.withdrew", WITHIN, () -> eventsFor(r, "candidate.withdrew", a.id),
                l -> !l.isEmpty()).get(0).body());
        assertThat(withdrew.getString("data.reason")).isEqualTo("ACCEPTED_OTHER_OFFER");
        JsonPath closed = JsonPath.from(Eventually.await("application.closed", WITHIN, () -> eventsFor(r, "application.closed", a.id),
                l -> !l.isEmpty()).get(0).body());
        assertThat(closed.getString("data.toldHow")).isEqualTo("LETTER");
        Eventually.await("message.sent for both letters", WITHIN, () -> r.received().stream().map(q -> JsonPath.from(q.body()))
                .filter(j -> "message.sent".equals(j.getString("type")) && Long.valueOf(a.id).equals(j.getLong("data.applicationId")))
                .map(j -> j.getString("data.kind")).toList(), kinds -> kinds.containsAll(List.of("DECISION_DELAYED", "WITHDRAWAL_ACKNOWLEDGEMENT")));
    }

    @Test
    void registeringRefusesABadAddressAndOnlyAdminsMayManageEndpoints() {
        json(admin).body(Map.of("url", "ftp://example.test/hook")).when().post("/api/admin/webhooks").then().statusCode(400);
        json(admin).body(Map.of("description", "no address")).when().post("/api/admin/webhooks").then().statusCode(400);
        json(recruiter).body(Map.of("url", "https://example.test/hook")).when().post("/api/admin/webhooks").then().statusCode(403);
        as(admin).when().get("/api/admin/webhooks/987654321").then().statusCode(404);
    }
}
