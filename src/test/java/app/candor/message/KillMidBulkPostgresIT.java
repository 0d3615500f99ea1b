package app.candor.message;

import app.candor.support.DeliveryGate;
import app.candor.support.Eventually;
import app.candor.support.MailServer;
import app.candor.support.PackagedApp;
import app.candor.support.Replicas;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A role with 1 000 open applications is filled on replica A; while A and B deliver the 1 000 letters, A
 * goes away mid-send. Killed (SIGKILL), nothing is lost: B takes A's claimed messages over once their lease
 * runs out, and a letter is sent twice only if A was sending it when it died (at most A's batch). Stopped
 * (SIGTERM), A finishes the letter it is sending and hands back the rest of its batch, which B then sends at
 * once: nothing twice. GreenMail holds deliveries at a gate, so that each replica is caught mid-send.
 * Needs the PostgreSQL build (mvn -B verify -Ppostgresql); skipped on the H2 build.
 */
class KillMidBulkPostgresIT {

    private static final Logger LOG = Logger.getLogger(KillMidBulkPostgresIT.class);
    private static final Path LOGS = Path.of("target", "replicas-it");
    private static final int CANDIDATES = 1000;
    private static final int BATCH = 20;
    /** Deliveries let through before the gate catches both replicas mid-send. */
    private static final int BEFORE_THE_STOP = 300;

    private MailServer mail;
    private PackagedApp a;
    private PackagedApp b;
    private String schema;

    @BeforeEach
    void requirePostgres() {
        Replicas.requirePostgresBuild("KillMidBulkPostgresIT");
    }

    @AfterEach
    void stopEverything() {
        for (PackagedApp app : new PackagedApp[] {a, b}) {
            if (app != null) {
                app.close();
            }
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void killedMidRunTheOtherReplicaSendsEveryLetterAndOnlyTheOneInFlightTwice() {
        DeliveryGate gate = startAndFill("replicas_kill", "PT10S");

        long claimedByA = heldBy(a);
        int before = gate.passed();
        a.kill();
        gate.open();
        LOG.infof("SIGKILL: replica A killed mid-send with %d message(s) claimed, %d letters delivered before", claimedByA, before);

        // B takes A's messages over once their lease (10 s) has run out.
        awaitAllSent(Duration.ofSeconds(90));
        Map<String, Long> copies = copiesPerRecipient();
        long duplicates = mail.received().size() - CANDIDATES;
        LOG.infof("SIGKILL: %d letters received for %d candidates: %d duplicate(s); A had claimed %d (batch size %d)",
                mail.received().size(), CANDIDATES, duplicates, claimedByA, BATCH);
        assertThat(copies).as("candidates who received the letter").hasSize(CANDIDATES);
        assertThat(duplicates).as("letters sent twice: at most those A had claimed and not recorded as sent")
                .isBetween(0L, claimedByA).isLessThanOrEqualTo(BATCH);
        assertThat(copies.values()).as("copies per candidate").allSatisfy(n -> assertThat(n).isBetween(1L, 2L));
        assertThat(Replicas.count(schema, "select count(*) from message where state = 'FAILED'")).isZero();
    }

    @Test
    void stoppedMidRunTheReplicaFinishesItsSendAndHandsBackItsBatchNothingTwice() {
        // The default lease (2 minutes): B finishing within the wait below means A handed its batch back.
        DeliveryGate gate = startAndFill("replicas_term", "PT2M");

        long claimedByA = heldBy(a);
        a.terminate();
        // A is shutting down while its send waits at the gate: it must let that send finish, not cut it off.
        Eventually.await("replica A to begin its graceful shutdown", Duration.ofSeconds(30),
                () -> a.logText().contains("Shutting down: scheduled jobs paused"));
        gate.open();
        a.awaitExit(Duration.ofSeconds(45));
        LOG.infof("SIGTERM: replica A stopped with %d message(s) claimed at the time; its log: %s", claimedByA,
                a.logText().lines().filter(l -> l.contains("Dispatcher") && l.contains("stopped")).findFirst().orElse("(no stop line)"));
        assertThat(a.logText()).containsPattern("Dispatcher \\S+ stopped; released \\d+ claimed message");
        // The window in flight went out, not cut off: its mail connections outlive the dispatcher (see MailSender).
        assertThat(a.logText()).as("A's log: a send failed during the shutdown").doesNotContain("not sent (attempt");
        assertThat(Replicas.count(schema, "select count(*) from message where lease_owner like ?", Replicas.leaseOwnerOf(a)))
                .as("leases A still holds after its shutdown").isZero();

        // Well within the 2-minute lease: only possible because A released what it had claimed.
        awaitAllSent(Duration.ofSeconds(75));
        Map<String, Long> copies = copiesPerRecipient();
        LOG.infof("SIGTERM: %d letters received for %d candidates", mail.received().size(), CANDIDATES);
        assertThat(copies).as("candidates who received the letter").hasSize(CANDIDATES);
        assertThat(copies.values()).as("copies per candidate: none twice").containsOnly(1L);
        assertThat(Replicas.count(schema, "select count(*) from message where state = 'FAILED'")).isZero();
    }

    /**
     * Starts GreenMail (gated) and replicas A and B on a fresh schema, seeds one requisition with 1 000 open
     * applications, fills the role on A and returns once both replicas are held mid-send at the gate after
     * {@link #BEFORE_THE_STOP} deliveries.
     */
    private DeliveryGate startAndFill(String schema, String lease) {
        this.schema = schema;
        Replicas.dropSchema(schema);
        mail = MailServer.onFreePort();
        mail.start();
        DeliveryGate gate = mail.gateDeliveries();
        Map<String, String> env = Replicas.productionEnv(schema, mail.port(),
                Map.of("CANDOR_MAIL_LEASE", lease, "CANDOR_MAIL_BATCH_SIZE", String.valueOf(BATCH)));
        a = PackagedApp.start("replica-a", env, LOGS.resolve(schema + "-a.log"));
        b = PackagedApp.start("replica-b", env, LOGS.resolve(schema + "-b.log"));
        PackagedApp.awaitReady(a, b);

        long rita = a.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD).body(Map.of("username", "rita", "password", app.candor.support.TestData.PASSWORD,
                        "fullName", "Rita Recruiter", "email", "rita@example.test", "roles", List.of("recruiter")))
                .post("/api/admin/users").then().statusCode(201).extract().jsonPath().getLong("id");
        long harry = b.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD).body(Map.of("username", "harry", "password", app.candor.support.TestData.PASSWORD,
                        "fullName", "Harry Hiring", "roles", List.of("hiring-manager")))
                .post("/api/admin/users").then().statusCode(201).extract().jsonPath().getLong("id");
        long requisition = a.json("rita", app.candor.support.TestData.PASSWORD).body(Map.of("title", "Bulk Role", "hiringManagerId", harry))
                .post("/api/requisitions").then().statusCode(201).extract().jsonPath().getLong("id");
        seed(requisition, rita);

        gate.allow(BEFORE_THE_STOP);
        int notices = a.json("rita", app.candor.support.TestData.PASSWORD).body(Map.of("status", "FILLED", "note", "Offer accepted"))
                .post("/api/requisitions/" + requisition + "/status").then().statusCode(200).extract().jsonPath().getInt("notices");
        assertThat(notices).isEqualTo(CANDIDATES);
        // One send waits at the gate, the other replica's behind it (GreenMail takes one mail at a time); both hold a batch.
        Eventually.await("a delivery held at the gate after " + BEFORE_THE_STOP + " and both replicas holding messages",
                Duration.ofSeconds(90), () -> gate.passed() >= BEFORE_THE_STOP && gate.waiting() == 1 && heldBy(a) > 0 && heldBy(b) > 0);
        return gate;
    }

    /** 1 000 candidates and their open applications on the requisition, over JDBC as bench/ClosureBench seeds them. */
    private void seed(long requisition, long recruiter) {
        Replicas.update(schema, "insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language,"
                + " created_at, updated_at, version) select 10000000 + x, 'Bulk', 'Candidate ' || x, false, 'bulk' || x || '@example.test',"
                + " 'EMAIL', 'en', now(), now(), 0 from generate_series(1, ?) x", CANDIDATES);
        Replicas.update(schema, "insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, promised_decision_date,"
                + " created_at, updated_at, version, closure_state, closure_due, promise_lapsed, recruiter_id)"
                + " select 10000000 + x, ?, 10000000 + x, 'SCREENING', now(), current_date + 20, now(), now(), 0, 'OPEN', current_date + 20,"
                + " false, ? from generate_series(1, ?) x", requisition, recruiter, CANDIDATES);
        Replicas.update(schema, "insert into closure_watch (application_id, due, flag) select 10000000 + x, current_date + 20, 0"
                + " from generate_series(1, ?) x", CANDIDATES);
        Replicas.update(schema, "analyze");
    }

    /** Messages a replica holds a lease on and has not recorded as sent: claimed, or being sent. */
    private long heldBy(PackagedApp app) {
        return Replicas.count(schema, "select count(*) from message where lease_owner like ? and state in ('QUEUED', 'SCHEDULED')",
                Replicas.leaseOwnerOf(app));
    }

    private void awaitAllSent(Duration within) {
        Eventually.await("all " + CANDIDATES + " letters SENT", within,
                () -> Replicas.count(schema, "select count(*) from message where kind = 'ROLE_FILLED' and state = 'SENT'"),
                sent -> sent == CANDIDATES);
    }

    /** Received letters per recipient address. */
    private Map<String, Long> copiesPerRecipient() {
        return mail.received().stream().collect(Collectors.groupingBy(KillMidBulkPostgresIT::recipient, Collectors.counting()));
    }

    private static String recipient(MimeMessage m) {
        try {
            Address[] to = m.getAllRecipients();
            return to[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
