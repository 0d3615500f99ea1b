package app.candor.system;

import app.candor.support.Eventually;
import app.candor.support.MailServer;
import app.candor.support.PackagedApp;
import app.candor.support.Replicas;
import app.candor.support.TestDatabase;
import io.restassured.path.json.JsonPath;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two replicas of the packaged app (separate processes, production profile) on one PostgreSQL schema and
 * one SMTP server (GreenMail in this JVM), used alternately and at the same time: every letter goes out
 * exactly once, concurrent sweeps flag each overdue application once, concurrent digest checks send each
 * recruiter one digest. Needs the PostgreSQL build (mvn -B verify -Ppostgresql); skipped on the H2 build.
 */
class MultiInstancePostgresIT {

    private static final Logger LOG = Logger.getLogger(MultiInstancePostgresIT.class);
    private static final String SCHEMA = "replicas_it";
    private static final Path LOGS = Path.of("target", "replicas-it");
    /** Applications per requisition; each of the two recruiters has one requisition. */
    private static final int PER_REQUISITION = 12;

    private static MailServer mail;
    private static PackagedApp a;
    private static PackagedApp b;

    @BeforeAll
    static void startTwoReplicas() {
        if (!TestDatabase.postgres()) {
            return; // skipped with the reason before each test
        }
        Replicas.dropSchema(SCHEMA);
        mail = MailServer.onFreePort();
        mail.start();
        Map<String, String> env = Replicas.productionEnv(SCHEMA, mail.port(), Map.of());
        // Both at once, as a fresh deployment starts its pods: Flyway's lock lets one migrate, the other waits.
        a = PackagedApp.start("replica-a", env, LOGS.resolve("multi-a.log"));
        b = PackagedApp.start("replica-b", env, LOGS.resolve("multi-b.log"));
        PackagedApp.awaitReady(a, b);
    }

    /** Skips each test (so that the report counts it, with the reason) on the H2 build. */
    @BeforeEach
    void requirePostgresBuild() {
        Replicas.requirePostgresBuild("MultiInstancePostgresIT");
    }

    @AfterAll
    static void stopReplicas() {
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
    void lettersSweepsAndDigestsHappenOnceAcrossTwoReplicas() throws Exception {
        PackagedApp[] both = {a, b};
        // Users through one replica, requisitions through the other: the same database behind both.
        long rita = id(a.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD).body(user("rita", "Rita Recruiter", "recruiter"))
                .post("/api/admin/users").then().statusCode(201).extract().jsonPath());
        long rob = id(b.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD).body(user("rob", "Rob Recruiter", "recruiter"))
                .post("/api/admin/users").then().statusCode(201).extract().jsonPath());
        long harry = id(a.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD).body(user("harry", "Harry Hiring", "hiring-manager"))
                .post("/api/admin/users").then().statusCode(201).extract().jsonPath());
        assertThat(List.of(rita, rob)).doesNotContain(harry);
        Map<String, Long> requisitions = new HashMap<>();
        requisitions.put("rita", id(b.json("rita", app.candor.support.TestData.PASSWORD).body(Map.of("title", "Platform Engineer", "hiringManagerId", harry))
                .post("/api/requisitions").then().statusCode(201).extract().jsonPath()));
        requisitions.put("rob", id(a.json("rob", app.candor.support.TestData.PASSWORD).body(Map.of("title", "Site Reliability Engineer", "hiringManagerId", harry))
                .post("/api/requisitions").then().statusCode(201).extract().jsonPath()));

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            // Candidates and applications, each through the replica its number picks, six at a time.
            List<Callable<Long>> adds = new ArrayList<>();
            int n = 0;
            for (String recruiter : List.of("rita", "rob")) {
                for (int i = 0; i < PER_REQUISITION; i++) {
                    PackagedApp via = both[n++ % 2];
                    String email = recruiter + "-candidate-" + i + "@example.test";
                    long requisition = requisitions.get(recruiter);
                    adds.add(() -> {
                        long candidate = id(via.json(recruiter, app.candor.support.TestData.PASSWORD).body(Map.of("salutation", "Ms", "firstName", "Cand",
                                        "lastName", "Idate " + email, "email", email, "preferredChannel", "EMAIL", "language", "en"))
                                .post("/api/candidates").then().statusCode(201).extract().jsonPath());
                        return id(via.json(recruiter, app.candor.support.TestData.PASSWORD).body(Map.of("candidateId", candidate))
                                .post("/api/requisitions/" + requisition + "/applications").then().statusCode(201).extract().jsonPath());
                    });
                }
            }
            List<Long> applications = all(pool, adds);
            Map<Long, String> recruiterOf = new HashMap<>();
            for (int i = 0; i < applications.size(); i++) {
                recruiterOf.put(applications.get(i), i < PER_REQUISITION ? "rita" : "rob");
            }

            // Stage moves, then the letters: offers, rejections and delays, through both replicas at once.
            List<Callable<Long>> moves = new ArrayList<>();
            List<Callable<Long>> letters = new ArrayList<>();
            for (int i = 0; i < applications.size(); i++) {
                long application = applications.get(i);
                String recruiter = recruiterOf.get(application);
                PackagedApp via = both[i % 2];
                PackagedApp other = both[(i + 1) % 2];
                moves.add(() -> {
                    via.json(recruiter, app.candor.support.TestData.PASSWORD).body(Map.of("stage", "SCREENING"))
                            .post("/api/applications/" + application + "/stage").then().statusCode(200);
                    return application;
                });
                int kind = i % PER_REQUISITION;
                if (kind < 3) {
                    letters.add(() -> id(other.json(recruiter, app.candor.support.TestData.PASSWORD).body(Map.of("outcome", "OFFER"))
                            .post("/api/applications/" + application + "/outcome").then().statusCode(201).extract().jsonPath()));
                } else if (kind < 7) {
                    letters.add(() -> id(other.json(recruiter, app.candor.support.TestData.PASSWORD).body(Map.of("outcome", "REJECTED", "reasonId", 1))
                            .post("/api/applications/" + application + "/outcome").then().statusCode(201).extract().jsonPath()));
                } else if (kind < 9) {
                    letters.add(() -> id(other.json(recruiter, app.candor.support.TestData.PASSWORD)
                            .body(Map.of("promisedDecisionDate", LocalDate.now().plusDays(30).toString(), "personalNote", "Our panel is travelling."))
                            .post("/api/applications/" + application + "/delay").then().statusCode(201).extract().jsonPath()));
                }
                // the rest stay open, for the sweep
            }
            all(pool, moves);
            List<Long> letterIds = all(pool, letters);
            assertThat(letterIds).doesNotHaveDuplicates().hasSize(2 * 9);
            awaitAllSent(letterIds.size());

            // Every letter reached the server exactly once, under its own Message-ID, at its candidate.
            assertEachSentMessageReceivedOnce();

            // The open applications (delayed ones and those left alone) become overdue; both replicas sweep three times at once.
            int overdue = Replicas.update(SCHEMA, "update application set closure_due = current_date - 3 where closure_state = 'OPEN'");
            Replicas.update(SCHEMA, "update closure_watch set due = current_date - 3"); // the sweep's copy, as ClosureWatch keeps it
            assertThat(overdue).as("open applications made overdue").isEqualTo(2 * 5);
            List<JsonPath> sweeps = concurrently(pool, both, 3, app -> app.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD)
                    .post("/api/closure/sweep").then().statusCode(200).extract().jsonPath());
            assertThat(sweeps.stream().mapToInt(s -> s.getInt("overdue")).sum()).as("applications flagged overdue, over all six sweeps")
                    .isEqualTo(overdue);
            assertThat(sweeps.stream().mapToInt(s -> s.getInt("dueSoon")).sum()).isZero();
            assertThat(Replicas.count(SCHEMA, "select coalesce(sum(overdue), 0) from closure_sweep")).as("closure_sweep rows").isEqualTo(overdue);
            assertThat(Replicas.count(SCHEMA, "select count(*) from closure_sweep")).isEqualTo(6);
            assertThat(Replicas.count(SCHEMA, "select count(*) from application a join closure_watch w on w.application_id = a.id"
                    + " where a.closure_state = 'OPEN' and w.flag = 2 and w.overdue_at is not null")).isEqualTo(overdue);

            // Digests: both replicas check three times at once; each recruiter gets one.
            List<JsonPath> digests = concurrently(pool, both, 3, app -> app.json(Replicas.ADMIN, Replicas.ADMIN_PASSWORD)
                    .post("/api/closure/digest").then().statusCode(200).extract().jsonPath());
            assertThat(digests).allSatisfy(d -> assertThat(d.getBoolean("due")).as("digest due (seven-day week, from 00:00)").isTrue());
            assertThat(digests.stream().mapToInt(d -> d.getInt("sent")).sum()).as("digests queued over all six checks").isEqualTo(2);
            assertThat(digests.stream().mapToInt(d -> d.getInt("failed")).sum()).isZero();
            assertThat(Replicas.count(SCHEMA, "select count(*) from closure_digest where message_id is not null")).isEqualTo(2);
            awaitAllSent(letterIds.size() + 2);
            for (String recruiter : List.of("rita", "rob")) {
                List<MimeMessage> received = mail.receivedBy(recruiter + "@example.test");
                assertThat(received).as("digests received by " + recruiter).hasSize(1);
                assertThat(received.get(0).getSubject()).isEqualTo("Closure watch: 5 overdue, 0 due soon");
            }
            assertEachSentMessageReceivedOnce();
            assertThat(Replicas.count(SCHEMA, "select count(*) from message where state = 'FAILED'")).isZero();
            LOG.infof("Two replicas: %d letters and 2 digests sent once each; %d applications flagged overdue once over 6 concurrent sweeps",
                    letterIds.size(), overdue);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> user(String username, String fullName, String role) {
        return Map.of("username", username, "password", app.candor.support.TestData.PASSWORD, "fullName", fullName,
                "email", username + "@example.test", "roles", List.of(role));
    }

    private static long id(JsonPath json) {
        return json.getLong("id");
    }

    private static <T> List<T> all(ExecutorService pool, List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> f : pool.invokeAll(tasks, 2, TimeUnit.MINUTES)) {
            results.add(f.get());
        }
        return results;
    }

    /** {@code times} calls on each replica, all released together. */
    private static <T> List<T> concurrently(ExecutorService pool, PackagedApp[] apps, int times, Function<PackagedApp, T> call) throws Exception {
        CyclicBarrier start = new CyclicBarrier(apps.length * times);
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            for (PackagedApp app : apps) {
                tasks.add(() -> {
                    start.await(1, TimeUnit.MINUTES);
                    return call.apply(app);
                });
            }
        }
        return all(pool, tasks);
    }

    private static void awaitAllSent(int expected) {
        Eventually.await(expected + " messages SENT", Duration.ofSeconds(90),
                () -> Replicas.count(SCHEMA, "select count(*) from message where state = 'SENT'"), sent -> sent >= expected);
        assertThat(Replicas.count(SCHEMA, "select count(*) from message where state <> 'SENT'")).as("messages not sent").isZero();
    }

    /**
     * Each SENT message is at the server once (by Message-ID), at its recipient, with its subject, from a client that named
     * itself by the public address; nothing else is there.
     */
    private static void assertEachSentMessageReceivedOnce() throws Exception {
        Map<String, String[]> sent = new HashMap<>();
        try (Connection c = Replicas.connect(SCHEMA); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select message_id_header, recipient, subject from message where state = 'SENT'")) {
            while (rs.next()) {
                sent.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3)});
            }
        }
        Map<String, List<MimeMessage>> byMessageId = mail.received().stream().collect(Collectors.groupingBy(MultiInstancePostgresIT::messageId));
        assertThat(byMessageId.keySet()).as("Message-IDs received").containsExactlyInAnyOrderElementsOf(sent.keySet());
        for (Map.Entry<String, List<MimeMessage>> e : byMessageId.entrySet()) {
            assertThat(e.getValue()).as("copies of " + e.getKey()).hasSize(1);
            MimeMessage m = e.getValue().get(0);
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(sent.get(e.getKey())[0]);
            assertThat(m.getSubject()).isEqualTo(sent.get(e.getKey())[1]);
            // GreenMail records the EHLO name in its Received header: the public address's host, not a looked-up one.
            assertThat(String.join("\n", m.getHeader("Received"))).as("Received header of " + e.getKey())
                    .contains("(HELO candor.example.test)");
        }
    }

    private static String messageId(MimeMessage m) {
        try {
            return m.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
