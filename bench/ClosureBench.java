import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The closure watch at scale, measured on the packaged app with its embedded H2 file database:
 * seeds N applications (default 1 000 000: 90% closed over the last 12 weeks, 10% open, of which 10 000
 * newly overdue, 10 000 overdue and flagged already, 5 000 due soon, 1 000 chased), then times the
 * closure sweep (with 10 000 newly overdue, then with nothing new) and the closure board's first page
 * and page 50, and last the bulk closure of a filled role with 10 000 open applications (time to queue
 * the letters). Prints figures; asserts nothing. Run through bench/closure.sh (which builds the jar and
 * puts the H2 driver on the class path).
 *
 * Usage: java -cp h2.jar bench/ClosureBench.java <quarkus-run.jar> <work dir> [applications]
 */
public class ClosureBench {

    static final String ADMIN = "admin:admin-demo";
    static final String RITA = "rita:rita-demo";
    /** The requisition whose 10 000 open applications the bulk-closure step closes at once. */
    static final long BULK_REQUISITION = 3000000;
    static final int BULK = 10_000;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        int applications = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        deleteTree(work);
        Files.createDirectories(work);
        // BENCH_H2_OPTIONS adds settings to the database URL, e.g. ";CACHE_SIZE=262144" to try a larger page cache.
        String jdbc = "jdbc:h2:file:" + work.resolve("candor") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + System.getenv().getOrDefault("BENCH_H2_OPTIONS", "");

        log("1/4 first start: schema and demo users");
        App first = App.start(jar, jdbc, work.resolve("app-first.log"));
        first.stop();

        log("2/4 seeding " + applications + " applications over JDBC");
        long seedStart = System.nanoTime();
        int newlyOverdue = seed(jdbc, applications);
        log(String.format(Locale.ROOT, "   seeded in %.1f s", (System.nanoTime() - seedStart) / 1e9));

        log("3/4 second start");
        App app = App.start(jar, jdbc, work.resolve("app.log"));
        List<String[]> rows = new ArrayList<>();
        try {
            log("4/4 measuring");
            // The board once before the sweep, so the sweep does not pay for warming the JIT alone.
            for (int i = 0; i < 3; i++) {
                app.get("/api/board?scope=team&page=1", ADMIN);
            }
            long t = System.nanoTime();
            String first10k = app.post("/api/closure/sweep", ADMIN);
            double sweepMs = (System.nanoTime() - t) / 1e6;
            add(rows, new String[] {"closure sweep, " + newlyOverdue + " newly overdue (1 run)", ms(sweepMs) + " (server " + field(first10k, "durationMs")
                    + " ms; flagged " + field(first10k, "overdue") + " overdue, " + field(first10k, "dueSoon") + " due soon)", "<= 1 s"});

            List<Double> idle = new ArrayList<>();
            List<Double> idleServer = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                long s = System.nanoTime();
                String r = app.post("/api/closure/sweep", ADMIN);
                idle.add((System.nanoTime() - s) / 1e6);
                idleServer.add(Double.parseDouble(field(r, "durationMs")));
            }
            add(rows, new String[] {"closure sweep, nothing new (median of 7)", ms(median(idle)) + " (server " + ms(median(idleServer)) + ")",
                    "<= 50 ms"});

            // What every API call pays before Candor's own work: HTTP Basic with the password checked (bcrypt) each time.
            add(rows, board(app, "baseline: GET /api/users/me (auth only)", "/api/users/me", ADMIN));
            add(rows, board(app, "closure board, team, first page", "/api/board?scope=team&page=1", ADMIN));
            add(rows, board(app, "closure board, team, page 50", "/api/board?scope=team&page=50", ADMIN));
            add(rows, board(app, "closure board, one recruiter, first page", "/api/board?scope=mine&page=1", RITA));

            // Last, because the dispatcher then delivers its letters in the background.
            long b = System.nanoTime();
            String filled = app.send("/api/requisitions/" + BULK_REQUISITION + "/status", RITA, "{\"status\":\"FILLED\"}");
            double bulkMs = (System.nanoTime() - b) / 1e6;
            add(rows, new String[] {"bulk closure: role filled, " + BULK + " open applications (1 run)",
                    ms(bulkMs) + " to queue (" + field(filled, "notices") + " letters)", "seconds"});
        } finally {
            app.stop();
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Closure watch benchmark: %,d applications (H2 file database, packaged app, %d cores)%n",
                applications, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "%-58s | %-72s | %s%n", "scenario", "figure", "goal");
        System.out.println("-".repeat(58) + "-+-" + "-".repeat(72) + "-+-" + "-".repeat(10));
        for (String[] r : rows) {
            System.out.printf(Locale.ROOT, "%-58s | %-72s | %s%n", r[0], r[1], r[2]);
        }
    }

    static void add(List<String[]> rows, String[] row) {
        rows.add(row);
        log("   " + row[0] + ": " + row[1]);
    }

    static String[] board(App app, String name, String path, String user) throws Exception {
        for (int i = 0; i < 5; i++) {
            app.get(path, user);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long s = System.nanoTime();
            app.get(path, user);
            times.add((System.nanoTime() - s) / 1e6);
        }
        return new String[] {name + " (30 runs)", "median " + ms(median(times)) + ", p95 " + ms(percentile(times, 95)),
                path.startsWith("/api/board") ? "p95 <= 100 ms" : "—"};
    }

    /**
     * Users, requisitions and candidates from the demo seed plus 1 000 requisitions (half Rita's, half
     * Rob's) and 1 001 candidates; application x pairs requisition x % 1000 with candidate x / 1000.
     * Returns how many are newly overdue.
     */
    static int seed(String jdbc, int n) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "candor", "candor"); Statement s = c.createStatement()) {
            long rita = id(s, "select id from app_user where username = 'rita'");
            long rob = id(s, "select id from app_user where username = 'rob'");
            long harry = id(s, "select id from app_user where username = 'harry'");
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version, debrief_enabled)"
                    + " select 1000000 + x, 'Bench role ' || x, case when mod(x, 2) = 0 then " + rita + " else " + rob + " end, " + harry
                    + ", 'OPEN', now(), now(), 0, true from (select \"X\" as x from system_range(0, 999)) r");
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at, updated_at, version)"
                    + " select 1000000 + x, 'Bench', 'Candidate ' || x, false, 'bench' || x || '@example.test', 'EMAIL', 'en', now(), now(), 0"
                    + " from (select \"X\" as x from system_range(0, 1000)) r");
            // x % 10 <> 0: closed over the last 84 days, one in seven late. x % 10 = 0 (k = x / 10): open; k % 10 = 0 newly
            // overdue, k % 10 = 1 overdue and flagged, k % 20 = 2 due tomorrow, the rest 10 to 40 days ahead; k % 100 = 3 chased.
            String open = "mod(x, 10) = 0";
            String k = "(x / 10)";
            s.execute("insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, promised_decision_date, created_at,"
                    + " updated_at, version, closure_state, closure_due, closure_flag, overdue_at, promise_lapsed, closed_at, closed_late, chased_at,"
                    + " recruiter_id)"
                    + " select 2000000 + x, 1000000 + mod(x, 1000), 1000000 + x / 1000,"
                    + " case when " + open + " then 'SCREENING' else 'REJECTED' end, now(),"
                    + " case when " + open + " then " + due(k) + " end,"
                    + " dateadd(DAY, -(mod(x, 84) + 20), now()), now(), 0,"
                    + " case when " + open + " then 'OPEN' else 'CLOSED' end,"
                    + " case when " + open + " then " + due(k) + " else dateadd(DAY, -mod(x, 84), current_date) end,"
                    + " case when " + open + " and mod(" + k + ", 10) = 1 then 2 else 0 end,"
                    + " case when " + open + " and mod(" + k + ", 10) = 1 then dateadd(DAY, -1, now()) end,"
                    + " case when " + open + " and mod(" + k + ", 10) = 1 then true else false end,"
                    + " case when " + open + " then null else dateadd(DAY, -mod(x, 84), now()) end,"
                    + " case when " + open + " then null else mod(x, 7) = 0 end,"
                    + " case when " + open + " and mod(" + k + ", 100) = 3 then dateadd(HOUR, -2, now()) end"
                    + ", case when mod(mod(x, 1000), 2) = 0 then " + rita + " else " + rob + " end"
                    + " from (select \"X\" as x from system_range(1, " + n + ")) r");
            s.execute("insert into requisition (id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version, debrief_enabled)"
                    + " values (" + BULK_REQUISITION + ", 'Bench bulk role', " + rita + ", " + harry + ", 'OPEN', now(), now(), 0, true)");
            s.execute("insert into candidate (id, first_name, last_name, first_name_terms, email, preferred_channel, language, created_at, updated_at, version)"
                    + " select 4000000 + x, 'Bulk', 'Candidate ' || x, false, 'bulk' || x || '@example.test', 'EMAIL', 'en', now(), now(), 0"
                    + " from (select \"X\" as x from system_range(1, " + BULK + ")) r");
            s.execute("insert into application (id, requisition_id, candidate_id, stage, stage_entered_at, promised_decision_date, created_at,"
                    + " updated_at, version, closure_state, closure_due, closure_flag, promise_lapsed, recruiter_id)"
                    + " select 4000000 + x, " + BULK_REQUISITION + ", 4000000 + x, 'SCREENING', now(), dateadd(DAY, 20, current_date), now(), now(), 0,"
                    + " 'OPEN', dateadd(DAY, 20, current_date), 0, false, " + rita + " from (select \"X\" as x from system_range(1, " + BULK + ")) r");
            s.execute("alter sequence application_seq restart with 5000000");
            s.execute("alter sequence candidate_seq restart with 5000000");
            s.execute("alter sequence requisition_seq restart with 4000000");
            s.execute("analyze");
            return (int) id(s, "select count(*) from application where closure_state = 'OPEN' and closure_flag = 0 and closure_due < current_date");
        }
    }

    static String due(String k) {
        return "case when mod(" + k + ", 10) in (0, 1) then dateadd(DAY, -1 - mod(" + k + ", 20), current_date)"
                + " when mod(" + k + ", 20) = 2 then dateadd(DAY, 1, current_date) else dateadd(DAY, 10 + mod(" + k + ", 30), current_date) end";
    }

    static long id(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String field(String json, String name) {
        int i = json.indexOf("\"" + name + "\":");
        if (i < 0) {
            return "?";
        }
        int start = i + name.length() + 3;
        int end = start;
        while (end < json.length() && ",}".indexOf(json.charAt(end)) < 0) {
            end++;
        }
        return json.substring(start, end);
    }

    static double median(List<Double> values) {
        return percentile(values, 50);
    }

    static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    static String ms(double ms) {
        return String.format(Locale.ROOT, "%.1f ms", ms);
    }

    static void log(String line) {
        System.err.println("[bench] " + line);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The packaged app as a child process on a free port of 127.0.0.1. */
    record App(Process process, int port) {

        static App start(Path jar, String jdbc, Path log) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process p = new ProcessBuilder("java", "-Dquarkus.profile=embedded",
                    "-Dquarkus.datasource.jdbc.url=" + jdbc,
                    "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    // Only what is measured runs: no scheduled sweep, digest or debrief in between.
                    "-Dcandor.closure.sweep-every=off", "-Dcandor.closure.digest-check-every=off", "-Dcandor.debrief.check-every=off",
                    "-Dquarkus.http.access-log.enabled=false",
                    "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            App app = new App(p, port);
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (Instant.now().isBefore(deadline)) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("the app stopped during start; see " + log);
                }
                try {
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return app;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                p.waitFor(200, TimeUnit.MILLISECONDS);
            }
            p.destroyForcibly();
            throw new IllegalStateException("the app did not become ready within 3 minutes; see " + log);
        }

        String get(String path, String user) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET(), user);
        }

        String post(String path, String user) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), user);
        }

        String send(String path, String user, String json) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), user);
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        private String send(HttpRequest.Builder request, String user) throws Exception {
            HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofMinutes(2)).header("Accept", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(request.build().uri() + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
