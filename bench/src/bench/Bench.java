package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candor against this machine's own limits, in one run (issue 8). Every scenario runs on the packaged app
 * with its embedded H2 file database, or with BENCH_DB=postgresql (issue 24) a PostgreSQL build of it in the
 * production profile on the throw-away cluster run.sh started (BENCH_PG_URL); load from this process on
 * 127.0.0.1; each limit is measured in the same run on the same database. Prints one table (Markdown) with figures, limits, ratios and goals;
 * asserts nothing. Started by bench/run.sh, which builds the jar and compiles this against it.
 *
 * <p>Usage: java -cp bench/target/classes:&lt;app jar&gt;:&lt;lib/main jars&gt; bench.Bench &lt;quarkus-run.jar&gt; &lt;work dir&gt;
 */
public final class Bench {

    static final String ADMIN = "admin:sunny-walnut-ledger";
    static final String RITA = "rita:sunny-walnut-ledger";

    // Sizes and counts; the environment overrides them for quicker runs (BENCH_APPS=100000 ...).
    static final int APPS = env("BENCH_APPS", 1_000_000);
    static final int BULK = env("BENCH_BULK", 10_000);
    static final int BULK_RUNS = env("BENCH_BULK_RUNS", 3);
    static final int RUNS = env("BENCH_RUNS", 5);
    static final int STAGE_SECONDS = env("BENCH_STAGE_SECONDS", 10);
    static final String H2_OPTIONS = System.getenv().getOrDefault("BENCH_H2_OPTIONS", "");
    static final int CLIENTS = env("BENCH_CLIENTS", 8);
    static final int REQUESTS = env("BENCH_REQUESTS", 10_000);
    static final int BOARD_RUNS = env("BENCH_BOARD_RUNS", 30);
    /** Fresh starts for the production image's RSS after the requests: single readings of the same code spread by 10 MB. */
    static final int RSS_RUNS = env("BENCH_RSS_RUNS", 3);
    static final boolean JFR = env("BENCH_JFR", 0) == 1;
    /** BENCH_NMT=1: the app runs with -XX:NativeMemoryTracking=summary and the bench saves its summary after the requests. */
    static final boolean NMT = env("BENCH_NMT", 0) == 1;
    /** BENCH_ONLY=stage,bulk (any of start, sweep, requests, stage, bulk, board): only those scenarios; all when unset. */
    static final java.util.Set<String> ONLY = java.util.Set.of(System.getenv().getOrDefault("BENCH_ONLY", "").trim().split("\\s*,\\s*"));

    /** BENCH_DB=postgresql: the PostgreSQL build on BENCH_PG_URL (run.sh starts the cluster); H2 otherwise. */
    static final boolean PG = "postgresql".equalsIgnoreCase(System.getenv().getOrDefault("BENCH_DB", "h2").trim());

    static boolean runs(String scenario) {
        return ONLY.equals(java.util.Set.of("")) || ONLY.contains(scenario);
    }

    private final Path jar;
    private final Path work;
    private final String jdbc;
    /** The app's system properties for its profile and database (H2), or none (PostgreSQL: the production profile, from appEnv). */
    private final List<String> appDatabase;
    private final Map<String, String> appEnv;
    private final SmtpSink sink;
    private final List<Row> rows = new ArrayList<>();
    private List<Long> pool;
    /** Where each application of the pool stands, as Candor's clients moved it. */
    private final Map<Long, String> stages = new ConcurrentHashMap<>();
    private final AtomicInteger candorCursor = new AtomicInteger();

    /** One line of the table. */
    record Row(int order, String scenario, String candor, String limit, String ratio, String goal, String met, String runs) {
    }

    private Bench(Path jar, Path work, SmtpSink sink) {
        this.jar = jar;
        this.work = work;
        this.sink = sink;
        // DB_CLOSE_ON_EXIT=FALSE, WRITE_DELAY=0 and QUERY_CACHE_SIZE=64 as in application.properties (the limits pay the
        // same write per commit); BENCH_WRITE_DELAY=500 measures H2's default, which lost acknowledged commits on a kill
        // (issue 16). BENCH_H2_OPTIONS adds settings (";CACHE_SIZE=..."); one naming QUERY_CACHE_SIZE (in any case, as H2 reads
        // them) replaces the 64.
        // Candor's mail goes to the bench's SMTP server (this also turns the embedded profile's mock mailer off).
        Map<String, String> env = new java.util.HashMap<>(Map.of("QUARKUS_MAILER_HOST", "127.0.0.1", "QUARKUS_MAILER_PORT",
                Integer.toString(sink.port()), "MALLOC_ARENA_MAX", "2"));
        if (PG) {
            this.jdbc = System.getenv("BENCH_PG_URL");
            if (jdbc == null || !jdbc.startsWith("jdbc:postgresql:")) {
                throw new IllegalStateException("BENCH_DB=postgresql needs BENCH_PG_URL (jdbc:postgresql://...); bench/run.sh starts a cluster and sets it");
            }
            // The production profile, configured as a replica is (see src/test/.../Replicas.productionEnv): every required
            // setting; the sender and company name are the embedded profile's, so that letters have the same size on both.
            this.appDatabase = List.of();
            env.putAll(Map.of("CANDOR_DB_URL", jdbc, "CANDOR_DB_USER", "candor", "CANDOR_DB_PASSWORD", "candor",
                    "CANDOR_SESSION_KEY", "bench-session-key-for-a-throw-away-cluster", "CANDOR_PUBLIC_URL", "https://candor.example.test",
                    "CANDOR_ADMIN_USER", ADMIN.split(":")[0], "CANDOR_ADMIN_PASSWORD", ADMIN.split(":")[1],
                    "QUARKUS_MAILER_FROM", "Candor <no-reply@candor.local>", "CANDOR_COMPANY_NAME", "Candor Demo Ltd"));
            // The bench drives the API with HTTP Basic, which production has off by default (API tokens instead).
            env.put("CANDOR_AUTH_BASIC", "true");
        } else {
            this.jdbc = "jdbc:h2:file:" + work.resolve("candor") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=" + System.getenv().getOrDefault("BENCH_WRITE_DELAY", "0")
                    + (H2_OPTIONS.toUpperCase(Locale.ROOT).contains("QUERY_CACHE_SIZE") ? "" : ";QUERY_CACHE_SIZE=64") + H2_OPTIONS;
            this.appDatabase = List.of("-Dquarkus.profile=embedded", "-Dquarkus.datasource.jdbc.url=" + jdbc);
        }
        this.appEnv = Map.copyOf(env);
    }

    /** The goals of issue 24 where they differ between the databases. */
    static final double SWEEP_GOAL_MS = PG ? 300 : 1000;
    static final double BOARD_GOAL_MS = PG ? 50 : 100;
    static final double QUEUE_GOAL_MS = PG ? 2000 : 5000;

    static String goalMs(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.0f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path work = Path.of(args[1]).toAbsolutePath();
        deleteTree(work);
        Files.createDirectories(work.resolve("jfr"));
        long begun = System.nanoTime();
        try (SmtpSink sink = SmtpSink.start()) {
            Bench bench = new Bench(jar, work, sink);
            bench.run();
            bench.print(Stats.ms(System.nanoTime() - begun));
        }
    }

    /**
     * How we recommend running Candor (embedded or in a container of 1–2 cores): the serial collector and a
     * 192 MB heap (H2's page cache, 64 MB by default, lives in it: with 128 MB and a million applications the
     * app spent half its time in full GCs), C1 only (on 2 shared cores C2's compiler threads cost more than they
     * win back in a short run: measured 205 req/s with C2, 449 req/s with C1 only, and 60 MB less RSS) with a code cache
     * of 64 MB (with 32 MB the main app's filled during the bulk closures, 31.6 MB, and the JVM threw half its compiled
     * code away and compiled it again; only what is used is resident), and the class-data
     * archive written by a training start (JDK 17 has no -XX:+AutoCreateSharedArchive: -XX:ArchiveClassesAtExit
     * once, -XX:SharedArchiveFile after). On PostgreSQL (production) the heap also gives memory back after each
     * collection (-XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30) and its young generation stays at 16 MB at most
     * (-XX:MaxNewSize=16m; 20-22 MB otherwise, all of it resident): it holds no page cache there, and the big
     * transactions did not pay for either as they do on H2 (docs/benchmarks.md, "How we recommend running it").
     * BENCH_JVM_OPTS replaces the list (the archive is added unless it names one).
     */
    List<String> recommended() {
        String custom = System.getenv("BENCH_JVM_OPTS");
        List<String> options = new ArrayList<>(custom != null ? Arrays.asList(custom.trim().split("\\s+"))
                : List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k"));
        if (custom == null && PG) {
            options.addAll(List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:MaxNewSize=16m"));
        }
        options.removeIf(String::isBlank);
        if (NMT) {
            options.add("-XX:NativeMemoryTracking=summary");
        }
        if (options.stream().noneMatch(o -> o.startsWith("-XX:SharedArchiveFile"))) {
            options.add("-XX:SharedArchiveFile=" + archive());
        }
        return options;
    }

    Path archive() {
        return work.resolve("candor.jsa");
    }

    /** What the table's header says about the database (PostgreSQL: its version and the settings that decide writes). */
    private String database = "H2 file database (embedded profile)";

    void run() throws Exception {
        log(String.format(Locale.ROOT, "sizes: %,d applications, %d bulk roles of %,d, %d runs, %d s stage-change runs with %d clients,"
                + " %,d requests, %d board runs", APPS, BULK_RUNS, BULK, RUNS, STAGE_SECONDS, CLIENTS, REQUESTS, BOARD_RUNS));
        log(PG ? "1/7 first start: schema and the first admin (production profile, PostgreSQL)" : "1/7 first start: schema and demo users");
        start(List.of(), "app-first.log").stop();

        log(String.format(Locale.ROOT, "2/7 seeding %,d applications over JDBC", APPS));
        long seedStart = System.nanoTime();
        pool = Seed.seed(jdbc, APPS, BULK_RUNS, BULK);
        if (PG) {
            database = Seed.describePostgres(jdbc);
            log("   " + database);
        }
        Collections.shuffle(pool, new java.util.Random(8));
        long newlyOverdue = Seed.newlyOverdue(jdbc);
        log(String.format(Locale.ROOT, "   seeded in %.1f s; %,d newly overdue; stage-change pool %,d", (System.nanoTime() - seedStart) / 1e9,
                newlyOverdue, pool.size()));

        // Every scenario runs the app with the recommended options, the class-data archive among them.
        training();
        if (runs("start") || runs("sweep")) {
            startsAndSweeps(newlyOverdue);
        }
        if (runs("start")) {
            defaultStarts();
            if (System.getenv("BENCH_AOT_JAVA") != null) {
                aotStarts(System.getenv("BENCH_AOT_JAVA"));
            }
        }
        if (runs("requests") || runs("stage") || runs("bulk") || runs("board")) {
            mainApp();
        }
        if (runs("stage") || runs("bulk")) {
            limitsWithAppStopped();
        }
    }

    void training() throws Exception {
        log("3/7 training start for the class-data archive");
        List<String> training = new ArrayList<>(recommended());
        training.removeIf(o -> o.startsWith("-XX:SharedArchiveFile"));
        training.add("-XX:ArchiveClassesAtExit=" + archive());
        App trainee = start(training, "app-training.log");
        exercise(trainee, 200);
        trainee.stop();
        log("   archive " + (Files.exists(archive()) ? Files.size(archive()) / 1024 / 1024 + " MB" : "missing: starts run without it"));
    }

    // ---------------------------------------------------------------------------------------------
    // start-up and the closure sweep: each run starts the app, sweeps, stops it, then runs the sweep's
    // SQL over JDBC on the same rows, and puts the flags back

    void startsAndSweeps(long newlyOverdue) throws Exception {
        log("4/7 start-up (recommended options) and the closure sweep, " + RUNS + " runs");
        OffsetDateTime since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1);
        List<Double> startMs = new ArrayList<>();
        List<Double> quarkusMs = new ArrayList<>();
        List<Double> rssKb = new ArrayList<>();
        List<Double> sweep = new ArrayList<>();
        List<Double> sweepServer = new ArrayList<>();
        List<Double> idle = new ArrayList<>();
        List<Double> idleServer = new ArrayList<>();
        List<Double> jdbcSweep = new ArrayList<>();
        List<Double> jdbcIdle = new ArrayList<>();
        String flagged = "";
        for (int run = 1; run <= RUNS; run++) {
            App app = start(recommended(), "app-sweep-" + run + ".log");
            startMs.add(app.startMs);
            quarkusMs.add(app.quarkusStartedMs());
            rssKb.add((double) app.rss()[0]);
            // The board a few times first, so that the sweep does not pay for warming the JIT alone.
            for (int i = 0; i < 3; i++) {
                app.get("/api/board?scope=team&page=1", Seed.FAST_ADMIN);
            }
            jfrStart(app, run == 1, "sweep");
            long t = System.nanoTime();
            String r = app.post("/api/closure/sweep", Seed.FAST_ADMIN);
            sweep.add(Stats.ms(System.nanoTime() - t));
            jfrStop(app, run == 1, "sweep");
            sweepServer.add(Double.parseDouble(field(r, "durationMs")));
            flagged = field(r, "overdue") + " overdue, " + field(r, "dueSoon") + " due soon";
            for (int i = 0; i < 3; i++) {
                long s = System.nanoTime();
                String idleRun = app.post("/api/closure/sweep", Seed.FAST_ADMIN);
                idle.add(Stats.ms(System.nanoTime() - s));
                idleServer.add(Double.parseDouble(field(idleRun, "durationMs")));
            }
            app.stop();
            Seed.unflag(jdbc, since);
            JdbcLimits.Sweep limit = JdbcLimits.sweep(jdbc);
            jdbcSweep.add(limit.ms());
            JdbcLimits.Sweep limitIdle = JdbcLimits.sweep(jdbc);
            jdbcIdle.add(limitIdle.ms());
            if (JFR && PG && run == 1) {
                explain("sweep-none-due-explain.txt");
            }
            Seed.unflag(jdbc, since);
            if (JFR && PG && run == 1) {
                explain("sweep-explain.txt");
            }
            log(String.format(Locale.ROOT, "   run %d: start %s (Quarkus %s), RSS %s; sweep %s (server %s; %s) vs JDBC %s (%d overdue, %d due soon);"
                            + " idle %s vs JDBC %s", run, Stats.ms(app.startMs), Stats.ms(quarkusMs.get(run - 1)), Stats.mb(rssKb.get(run - 1).longValue()),
                    Stats.ms(sweep.get(run - 1)), Stats.ms(sweepServer.get(run - 1)), flagged, Stats.ms(limit.ms()), limit.overdue(), limit.dueSoon(),
                    Stats.ms(idle.get(idle.size() - 1)), Stats.ms(limitIdle.ms())));
        }
        double start = Stats.median(startMs);
        rows.add(new Row(10, "start-up: packaged jar (fast-jar) to first served request (readiness, with the database), JDK "
                + Runtime.version().feature() + ", recommended JVM options + AppCDS",
                Stats.ms(start) + " (Quarkus's own \"started in\": " + Stats.ms(Stats.median(quarkusMs)) + ")", "—", "—", "≤ 1.5 s",
                within(start, 1500), RUNS + ", median"));
        rows.add(new Row(11, "RSS after start (recommended options)", Stats.mb((long) Stats.median(rssKb)), "—", "—", "—", "—", RUNS + ", median"));
        double candor = Stats.median(sweep);
        double limit = Stats.median(jdbcSweep);
        rows.add(new Row(40, String.format(Locale.ROOT, "closure sweep, %,d applications, %,d newly overdue (%s)", APPS + BULK_RUNS * BULK,
                newlyOverdue, flagged), Stats.ms(candor) + " (in the sweep: " + Stats.ms(Stats.median(sweepServer)) + ")",
                Stats.ms(limit) + " (its SQL over JDBC)", Stats.ratio(limit / candor), "≤ " + goalMs(SWEEP_GOAL_MS), within(candor, SWEEP_GOAL_MS),
                RUNS + ", median"));
        double candorIdle = Stats.median(idle);
        double limitIdle = Stats.median(jdbcIdle);
        rows.add(new Row(41, "closure sweep, none due", Stats.ms(candorIdle) + " (in the sweep: " + Stats.ms(Stats.median(idleServer)) + ")",
                Stats.ms(limitIdle) + " (its SQL over JDBC)", Stats.ratio(limitIdle / candorIdle), "≤ 50 ms", within(candorIdle, 50),
                idle.size() + " (" + RUNS + " × 3), median; JDBC " + jdbcIdle.size()));
    }

    /** Where the sweep's SQL spends its time inside PostgreSQL, as the rows stand now (rolled back: the flags stay as they are). */
    private void explain(String file) throws Exception {
        Path plan = work.resolve("jfr").resolve(file);
        Files.writeString(plan, JdbcLimits.explainSweep(jdbc));
        log("   the sweep's plan on PostgreSQL: " + plan);
    }

    /** The same start with the JVM's defaults (no heap or GC choice, no archive): what the recommended options change. */
    void defaultStarts() throws Exception {
        log("5/7 start-up with the JVM's defaults, " + RUNS + " runs");
        List<Double> startMs = new ArrayList<>();
        List<Double> rssKb = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            App app = start(List.of(), "app-default-" + run + ".log");
            startMs.add(app.startMs);
            rssKb.add((double) app.rss()[0]);
            app.stop();
            log(String.format(Locale.ROOT, "   run %d: start %s, RSS %s", run, Stats.ms(app.startMs), Stats.mb(rssKb.get(run - 1).longValue())));
        }
        rows.add(new Row(12, "start-up, JVM defaults (" + Runtime.getRuntime().availableProcessors() + " cores, no archive; for comparison)",
                Stats.ms(Stats.median(startMs)) + ", RSS " + Stats.mb((long) Stats.median(rssKb)), "—", "—", "—", "—", RUNS + ", median"));
    }

    /**
     * BENCH_AOT_JAVA=&lt;java of JDK 25+&gt;: the production image's configuration (docs/benchmarks.md, "How we recommend
     * running it"): the recommended options on that JVM with its AOT cache (JEP 483/514/515), written by a training
     * start (-XX:AOTCacheOutput), instead of JDK 17's class-data archive, and the jar with a flat class path
     * (BENCH_FLAT_JAR, which run.sh packages as a legacy-jar: the AOT cache loads and links ahead of time only the
     * classes of the JVM's own class loaders, and the fast-jar loads every library through Quarkus's). Start-up as in
     * step 4, then RSS after the same requests as step 6.
     */
    void aotStarts(String java) throws Exception {
        Path aotJar = System.getenv("BENCH_FLAT_JAR") != null ? Path.of(System.getenv("BENCH_FLAT_JAR")).toAbsolutePath() : jar;
        String layout = aotJar.equals(jar) ? "the fast-jar" : "a flat class path";
        log("5b/7 start-up on " + java + " with an AOT cache, " + layout + ", " + RUNS + " runs");
        Path cache = work.resolve("candor.aot");
        List<String> base = new ArrayList<>(recommended());
        base.removeIf(o -> o.startsWith("-XX:SharedArchiveFile"));
        boolean recommendedOptions = System.getenv("BENCH_JVM_OPTS") == null;
        // Recommended on that JVM (JDK 17 has no such product option): the C heap's free memory (the compiler's arenas)
        // given back every second. RSS after the requests 252-253 MB instead of 258-259 MB, start-up and rate unchanged.
        if (recommendedOptions) {
            base.add("-XX:TrimNativeHeapInterval=1000");
        }
        // BENCH_AOT_OPTS: options only that JVM knows, added for its starts (the training's too).
        String extra = System.getenv("BENCH_AOT_OPTS");
        if (extra != null && !extra.isBlank()) {
            base.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        base.add(0, "java=" + java);
        List<String> training = new ArrayList<>(base);
        // Recommended for the training (operations, "Faster start"): no method profiles in the cache. They let C2
        // compile early (JEP 515), and TieredStopAtLevel=1 keeps C2 off. Without them the cache is 4 MB smaller and RSS
        // after start 218-219 MB instead of 224 MB, start-up unchanged (docs/benchmarks.md).
        if (recommendedOptions) {
            training.addAll(List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-AOTRecordTraining"));
        }
        training.add("-XX:AOTCacheOutput=" + cache);
        App trainee = start(aotJar, training, "app-aot-training.log");
        exercise(trainee, 200);
        trainee.stop();
        base.add("-XX:AOTCache=" + cache);
        List<Double> startMs = new ArrayList<>();
        List<Double> quarkusMs = new ArrayList<>();
        List<Double> rssKb = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            App app = start(aotJar, base, "app-aot-" + run + ".log");
            startMs.add(app.startMs);
            quarkusMs.add(app.quarkusStartedMs());
            rssKb.add((double) app.rss()[0]);
            app.stop();
            log(String.format(Locale.ROOT, "   run %d: start %s (Quarkus %s), RSS %s", run, Stats.ms(app.startMs), Stats.ms(quarkusMs.get(run - 1)),
                    Stats.mb(rssKb.get(run - 1).longValue())));
        }
        // The JDK's directory name (…/temurin-25-jdk-amd64/bin/java); a bare "java" or a short path names itself.
        Path bin = Path.of(java).getParent();
        String jvm = bin != null && bin.getParent() != null && bin.getParent().getFileName() != null
                ? bin.getParent().getFileName().toString() : java;
        String config = "production image: " + layout + " on " + jvm + " with its AOT cache"
                + (extra != null && !extra.isBlank() ? " and " + extra.trim() : "");
        double start = Stats.median(startMs);
        rows.add(new Row(15, "start-up, " + config + " (recommended options otherwise)", Stats.ms(start) + " (Quarkus's own \"started in\": "
                + Stats.ms(Stats.median(quarkusMs)) + "), RSS " + Stats.mb((long) Stats.median(rssKb)), "—", "—", "≤ 1.5 s", within(start, 1500),
                RUNS + ", median"));
        // RSS after the requests depends on when the serial collector last sized the heap (66 or 77 MB committed in two
        // runs of the same code), so the row is the median of fresh starts, with their range.
        List<Load> loads = new ArrayList<>();
        for (int run = 1; run <= RSS_RUNS; run++) {
            App app = start(aotJar, base, "app-aot-requests-" + run + ".log");
            loads.add(loadAndRss(app, false, "native-memory-after-requests-aot-" + run + ".txt"));
            app.stop();
        }
        loads.sort(Comparator.comparingLong(Load::rssKb));
        Load median = loads.get(loads.size() / 2);
        String range = loads.size() > 1
                ? "; " + Stats.mb(loads.get(0).rssKb()) + " to " + Stats.mb(loads.get(loads.size() - 1).rssKb()) + " in " + loads.size() + " starts"
                : "";
        rows.add(new Row(16, String.format(Locale.ROOT, "RSS after %,d requests, %s", REQUESTS, config), median.figure() + range, "—", "—", "≤ 250 MB",
                withinMb(median.rssKb(), 250), loads.size() + (loads.size() > 1 ? ", median" : "")));
    }

    // ---------------------------------------------------------------------------------------------
    // one long-running app: requests, stage changes, bulk closure, board

    void mainApp() throws Exception {
        log("6/7 one app for requests, stage changes, bulk closure and board");
        App app = start(recommended(), "app-main.log");
        if (runs("requests")) {
            requests(app);
        }
        if (runs("stage")) {
            stageChanges(app);
        }
        if (runs("bulk")) {
            bulkClosure(app);
        }
        if (runs("board")) {
            board(app);
        }
        long[] end = app.rss();
        String codeCache = codeCache(app);
        log("   RSS at the end " + Stats.mb(end[0]) + ", peak " + Stats.mb(end[1]) + "; code cache " + codeCache);
        rows.add(new Row(14, "RSS at the end of the main app (after every scenario)", Stats.mb(end[0]) + " (peak " + Stats.mb(end[1])
                + "; code cache " + codeCache + ")",
                "—", "—", "—", "—", "1"));
        app.stop();
    }

    /** What {@link #loadAndRss} measured: the requests, their seconds, and RSS (now and peak, kB) after them. */
    record Load(double requests, double seconds, long rssKb, long peakKb) {
        String figure() {
            return Stats.mb(rssKb) + " (peak " + Stats.mb(peakKb) + "; " + Stats.rate(requests / seconds) + ")";
        }
    }

    /**
     * {@link #REQUESTS} requests ({@link #exercise}), recorded with BENCH_JFR if {@code jfr}, then RSS; with BENCH_NMT the
     * native memory summary is saved as {@code nmtFile}.
     */
    Load loadAndRss(App app, boolean jfr, String nmtFile) throws Exception {
        jfrStart(app, jfr, "requests");
        double[] done = exercise(app, REQUESTS);
        jfrStop(app, jfr, "requests");
        long[] rss = app.rss();
        if (NMT) {
            Path nmt = work.resolve(nmtFile);
            Files.writeString(nmt, app.jcmd("VM.native_memory", "summary") + "\n" + app.jcmd("GC.heap_info"));
            // What of it is resident, mapping by mapping (the archive's pages count only once touched).
            Path smaps = work.resolve(nmtFile.replace(".txt", "") + "-smaps.txt");
            Files.copy(Path.of("/proc/" + app.process.pid() + "/smaps"), smaps, StandardCopyOption.REPLACE_EXISTING);
            // What the heap holds, by class (last: it collects the heap first, after RSS and the summaries were read).
            Path histogram = work.resolve(nmtFile.replace(".txt", "") + "-heap-histogram.txt");
            Files.writeString(histogram, app.jcmd("GC.class_histogram"));
            log("   native memory after the requests: " + nmt + ", resident by mapping: " + smaps + ", the heap by class: " + histogram);
        }
        log(String.format(Locale.ROOT, "   %,d requests in %.1f s (%s), RSS %s, peak %s", (int) done[0], done[1], Stats.rate(done[0] / done[1]),
                Stats.mb(rss[0]), Stats.mb(rss[1])));
        return new Load(done[0], done[1], rss[0], rss[1]);
    }

    void requests(App app) throws Exception {
        Load load = loadAndRss(app, true, "native-memory-after-requests.txt");
        rows.add(new Row(13, String.format(Locale.ROOT, "RSS after %,d requests (%d clients: pages with a session, API with Basic)", REQUESTS, CLIENTS),
                load.figure(), "—", "—", "≤ 250 MB", withinMb(load.rssKb(), 250), "1"));

        // What every API call pays before Candor's own work: HTTP Basic. A password that passed bcrypt is remembered
        // for a while (user/CredentialCache); a wrong one is checked with bcrypt every time, which shows what a miss costs.
        List<Double> baseline = timings(app, "/api/users/me", RITA, BOARD_RUNS);
        List<Double> refused = new ArrayList<>();
        for (int i = 0; i < BOARD_RUNS; i++) {
            long s = System.nanoTime();
            app.status("/api/users/me", "rita:not-her-password");
            refused.add(Stats.ms(System.nanoTime() - s));
        }
        rows.add(new Row(20, "baseline: authenticated no-op GET /api/users/me (HTTP Basic as rita; her password remembered after its first bcrypt check)",
                "median " + Stats.ms(Stats.median(baseline)) + ", p95 " + Stats.ms(Stats.percentile(baseline, 95)),
                "a wrong password (bcrypt cost 10, never remembered): median " + Stats.ms(Stats.median(refused)), "—", "—", "—", BOARD_RUNS + " each"));
    }

    /**
     * {@code count} requests from {@link #CLIENTS} clients: 5 in 10 the application page (session cookie),
     * 4 in 10 the application as JSON (HTTP Basic, the bench's cost-4 user, so that bcrypt does not decide
     * the count), 1 in 10 its history as JSON, except that 1 in 100 is the board (first page or page 50;
     * the board scenario measures it). Returns {count, seconds}.
     */
    double[] exercise(App app, int count) throws Exception {
        app.signIn("rita", "sunny-walnut-ledger");
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        int done = concurrently(CLIENTS, Long.MAX_VALUE, () -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return false;
            }
            long id = pool.get(i % pool.size());
            if (i % 100 == 99) {
                app.get("/api/board?scope=team&page=" + (i % 200 == 199 ? 50 : 1), Seed.FAST_RECRUITER);
                return true;
            }
            switch (i % 10) {
                case 0, 1, 2, 3, 4 -> app.page("/applications/" + id);
                case 5, 6, 7, 8 -> app.get("/api/applications/" + id, Seed.FAST_RECRUITER);
                default -> app.get("/api/applications/" + id + "/history", Seed.FAST_RECRUITER);
            }
            return true;
        });
        return new double[] {done, (System.nanoTime() - start) / 1e9};
    }

    /**
     * The JIT's code cache at the end (jcmd Compiler.codecache): most used of its size. Full, the JVM throws compiled
     * code away and compiles it again: with 32 MB the main app's filled during the bulk closures.
     */
    static String codeCache(App app) throws Exception {
        Matcher m = Pattern.compile("size=(\\d+)Kb used=(\\d+)Kb max_used=(\\d+)Kb").matcher(app.jcmd("Compiler.codecache"));
        return m.find() ? String.format(Locale.ROOT, "max used %.1f of %.0f MB", Long.parseLong(m.group(3)) / 1024.0,
                Long.parseLong(m.group(1)) / 1024.0) : "unread";
    }

    void stageChanges(App app) throws Exception {
        log("   stage changes: " + RUNS + " runs of " + STAGE_SECONDS + " s with " + CLIENTS + " clients, as rita (bcrypt cost 10)");
        moves(app, RITA, 3); // warm-up, not counted
        List<Double> rita = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            // The last run is recorded: warm, as the runs the median comes from (the first one is mostly the JIT's).
            jfrStart(app, run == RUNS, "stage-change");
            rita.add(withCpu(app.process.pid(), moveCpu, () -> moves(app, RITA, STAGE_SECONDS)));
            jfrStop(app, run == RUNS, "stage-change");
            log(String.format(Locale.ROOT, "   run %d: %s; CPU per move, ms: %s", run, Stats.rate(rita.get(run - 1)), moveCpu.get(run - 1)));
        }
        stageRita = Stats.median(rita);

        // What the same clients get from an API call that writes nothing: HTTP, HTTP Basic (the remembered password, the
        // user's row, the sign-in throttle) and a small JSON answer. No move can be faster than this on this machine.
        List<Double> noOps = new ArrayList<>();
        for (int run = 1; run <= Math.min(RUNS, 3); run++) {
            noOps.add(withCpu(app.process.pid(), noOpCpu, () -> noOps(app, RITA, STAGE_SECONDS)));
            log(String.format(Locale.ROOT, "   no-op API calls, run %d: %s; CPU per call, ms: %s", run, Stats.rate(noOps.get(run - 1)),
                    noOpCpu.get(run - 1)));
        }
        double ceiling = Stats.median(noOps);
        rows.add(new Row(22, String.format(Locale.ROOT, "diagnostic: authenticated no-op GET /api/users/me per second, %d clients (rita,"
                        + " HTTP Basic), right after the stage changes", CLIENTS), Stats.rate(ceiling)
                + " (the stage changes: " + Stats.ratio(stageRita / ceiling) + " of it)", "—", "—", "—", "—",
                Math.min(RUNS, 3) + " × " + STAGE_SECONDS + " s, median"));
    }

    /**
     * Runs {@code rate} (operations per second over a timed run) and adds what each process's CPU cost per operation to
     * {@code cpu}; {@code appPid} below 0: the app is not running.
     */
    private static double withCpu(long appPid, List<Cpu.Share> cpu, Callable<Double> rate) throws Exception {
        Cpu.Sample before = Cpu.sample(appPid);
        long start = System.nanoTime();
        double perSecond = rate.call();
        cpu.add(Cpu.per(before, Cpu.sample(appPid), perSecond * (System.nanoTime() - start) / 1e9));
        return perSecond;
    }

    private double stageRita;
    /** CPU per operation (Cpu): each timed run of the API's moves, of the no-op calls, of the JDBC moves. */
    private final List<Cpu.Share> moveCpu = new ArrayList<>();
    private final List<Cpu.Share> noOpCpu = new ArrayList<>();
    private final List<Cpu.Share> jdbcMoveCpu = new ArrayList<>();

    /** Authenticated no-op API calls per second for {@code seconds}, from the same clients as {@link #moves}. */
    double noOps(App app, String user, int seconds) throws Exception {
        long start = System.nanoTime();
        int done = concurrently(CLIENTS, start + seconds * 1_000_000_000L, () -> {
            app.get("/api/users/me", user);
            return true;
        });
        return done / ((System.nanoTime() - start) / 1e9);
    }

    /** Moves per second for {@code seconds}: each client takes the next application of the pool and moves it one stage on. */
    double moves(App app, String user, int seconds) throws Exception {
        long start = System.nanoTime();
        int done = concurrently(CLIENTS, start + seconds * 1_000_000_000L, () -> {
            long id = pool.get(Math.floorMod(candorCursor.getAndIncrement(), pool.size()));
            String from = stages.getOrDefault(id, "SCREENING");
            String to = JdbcLimits.next(from);
            String body = "SCREENING".equals(to) ? "{\"stage\":\"SCREENING\",\"note\":\"bench: back to screening for the next round\"}"
                    : "{\"stage\":\"" + to + "\"}";
            app.post("/api/applications/" + id + "/stage", user, body);
            stages.put(id, to);
            return true;
        });
        return done / ((System.nanoTime() - start) / 1e9);
    }

    void bulkClosure(App app) throws Exception {
        log("   bulk closure: " + BULK_RUNS + " roles of " + BULK + " open applications filled, each delivered to the bench's SMTP server");
        List<Double> queue = new ArrayList<>();
        List<Double> rate = new ArrayList<>();
        for (int run = 1; run <= BULK_RUNS; run++) {
            sink.reset();
            String metricsBefore = app.metrics(Seed.FAST_ADMIN);
            jfrStart(app, run == BULK_RUNS, "bulk-queue");
            long t = System.nanoTime();
            String r = app.post("/api/requisitions/" + (Seed.BULK_ROLE + run) + "/status", RITA, "{\"status\":\"FILLED\"}");
            queue.add(Stats.ms(System.nanoTime() - t));
            jfrStop(app, run == BULK_RUNS, "bulk-queue");
            jfrStart(app, run == BULK_RUNS, "bulk-delivery");
            Cpu.Sample cpuBefore = Cpu.sample(app.process.pid());
            long deadline = System.nanoTime() + 20L * 60 * 1_000_000_000L;
            while (sink.received() < BULK && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            jfrStop(app, run == BULK_RUNS, "bulk-delivery");
            if (sink.received() < BULK) {
                throw new IllegalStateException("only " + sink.received() + " of " + BULK + " letters arrived within 20 minutes");
            }
            rate.add(sink.rate());
            // From the queueing's answer (the dispatcher has started by then) to the last letter: a little longer than the rate's span.
            deliveryCpu.add(Cpu.per(cpuBefore, Cpu.sample(app.process.pid()), BULK));
            DispatcherSteps steps = DispatcherSteps.between(metricsBefore, app.metrics(Seed.FAST_ADMIN));
            dispatcherSteps.add(steps);
            log(String.format(Locale.ROOT, "   run %d: %s letters queued in %s, delivered at %s (%,d bytes each); the dispatcher per window: %s",
                    run, field(r, "notices"), Stats.ms(queue.get(run - 1)), Stats.rate(sink.rate()), sink.lastSize(), steps));
        }
        bulkQueue = Stats.median(queue);
        bulkRate = Stats.median(rate);
        letterSize = sink.lastSize();
        rows.add(new Row(30, String.format(Locale.ROOT, "bulk closure: role filled, %,d open applications, time to queue the letters", BULK),
                Stats.ms(bulkQueue), "—", "—", "≤ " + goalMs(QUEUE_GOAL_MS), within(bulkQueue, QUEUE_GOAL_MS), BULK_RUNS + ", median"));
    }

    private double bulkQueue;
    private double bulkRate;
    private final List<DispatcherSteps> dispatcherSteps = new ArrayList<>();
    /** CPU per letter (Cpu): each bulk delivery, each run of the bare SMTP loop. */
    private final List<Cpu.Share> deliveryCpu = new ArrayList<>();
    private final List<Cpu.Share> loopCpu = new ArrayList<>();

    /**
     * Where the dispatcher's time went during one bulk delivery, from the app's own timer candor.dispatcher.window
     * (/q/metrics, read before the role is filled and after the last letter arrived): windows, and per window the mean
     * time loading the next one (while this one's sends are in flight), waiting for this one's sends after that, and
     * recording them (the next window's sends start only after it).
     */
    record DispatcherSteps(double windows, double loadMs, double waitMs, double recordMs) {
        static DispatcherSteps between(String before, String after) {
            double windows = count(after, "record") - count(before, "record");
            return new DispatcherSteps(windows, perWindow(before, after, "load"), perWindow(before, after, "wait"),
                    perWindow(before, after, "record"));
        }

        private static double perWindow(String before, String after, String step) {
            double n = count(after, step) - count(before, step);
            return n <= 0 ? Double.NaN : (value(after, step, "sum") - value(before, step, "sum")) * 1000 / n;
        }

        private static double count(String metrics, String step) {
            return value(metrics, step, "count");
        }

        private static double value(String metrics, String step, String kind) {
            Matcher m = Pattern.compile("(?m)^candor_dispatcher_window_seconds_" + kind
                    + "\\{step=\"" + step + "\",?\\} (\\S+)$").matcher(metrics);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%,.0f windows; load %.2f ms, wait %.2f ms, record %.2f ms", windows, loadMs, waitMs, recordMs);
        }
    }
    /** The median over the bulk deliveries of one of the dispatcher's figures. */
    private double medianStep(ToDoubleFunction<DispatcherSteps> figure) {
        return Stats.median(dispatcherSteps.stream().map(figure::applyAsDouble).toList());
    }

    private long letterSize;

    void board(App app) throws Exception {
        log("   closure board: " + BOARD_RUNS + " runs each after 5 warm-ups");
        if (PG) {
            // Whether VACUUM has been over what the stage changes and the bulk closures wrote (notes: the board's counts).
            log("   before the board: " + Seed.tableActivity(jdbc));
            Path plan = work.resolve("board-count-explain.txt");
            Files.writeString(plan, Seed.explainBoardCount(jdbc));
            log("   the board's largest count, explained: " + plan);
        }
        boardRow(app, "closure board, team, first page (admin, bcrypt cost 10)", "/api/board?scope=team&page=1", ADMIN, true);
        boardRow(app, "closure board, team, page 50 (admin, bcrypt cost 10)", "/api/board?scope=team&page=50", ADMIN, true);
        boardRow(app, "closure board, one recruiter, first page (rita, cost 10)", "/api/board?scope=mine&page=1", RITA, false);
        boardRow(app, "closure board, team, first page, cost-4 user (diagnostic: less auth)", "/api/board?scope=team&page=1", Seed.FAST_ADMIN, false);
        boardRow(app, "closure board, team, page 50, cost-4 user (diagnostic: less auth)", "/api/board?scope=team&page=50", Seed.FAST_ADMIN, false);
        if (PG) {
            log("   after the board: " + Seed.tableActivity(jdbc));
        }
    }

    private void boardRow(App app, String name, String path, String user, boolean goal) throws Exception {
        jfrStart(app, path.endsWith("page=1") && user.equals(ADMIN), "board");
        List<Double> times = timings(app, path, user, BOARD_RUNS);
        jfrStop(app, path.endsWith("page=1") && user.equals(ADMIN), "board");
        double p95 = Stats.percentile(times, 95);
        rows.add(new Row(50, name, "p95 " + Stats.ms(p95) + " (median " + Stats.ms(Stats.median(times)) + ")", "—", "—",
                goal ? "p95 ≤ " + goalMs(BOARD_GOAL_MS) : "—", goal ? within(p95, BOARD_GOAL_MS) : "—", BOARD_RUNS + ", p95"));
    }

    List<Double> timings(App app, String path, String user, int runs) throws Exception {
        for (int i = 0; i < 5; i++) {
            app.get(path, user);
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            app.get(path, user);
            times.add(Stats.ms(System.nanoTime() - s));
        }
        return times;
    }

    // ---------------------------------------------------------------------------------------------
    // the limits that need the database to themselves, and the bare SMTP loop

    void limitsWithAppStopped() throws Exception {
        log("7/7 limits: stage changes over JDBC, bare SMTP send loop");
        log("   messages now: " + Seed.messageStates(jdbc));
        if (runs("stage")) {
            stageLimit();
        }
        if (runs("bulk")) {
            smtpLimit();
        }
    }

    void stageLimit() throws Exception {
        AtomicInteger cursor = new AtomicInteger();
        JdbcLimits.moves(jdbc, pool, cursor, CLIENTS, 2); // warm-up, not counted
        List<Double> jdbcMoves = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            jdbcMoves.add(withCpu(-1, jdbcMoveCpu, () -> JdbcLimits.moves(jdbc, pool, cursor, CLIENTS, STAGE_SECONDS)));
            log(String.format(Locale.ROOT, "   JDBC run %d: %s; CPU per move, ms: %s", run, Stats.rate(jdbcMoves.get(run - 1)),
                    jdbcMoveCpu.get(run - 1)));
        }
        double limit = Stats.median(jdbcMoves);
        rows.add(new Row(21, String.format(Locale.ROOT, "stage change: API moves per second, %d clients (rita, HTTP Basic)", CLIENTS),
                Stats.rate(stageRita), Stats.rate(limit) + " (same writes, plain JDBC, " + CLIENTS + " connections)", Stats.ratio(stageRita / limit),
                "ratio ≥ 0.5", met(stageRita / limit >= 0.5), RUNS + " × " + STAGE_SECONDS + " s, median"));
        if (!moveCpu.isEmpty()) {
            // Which process each move's time goes to, against the same writes over JDBC: at the goal's rate the machine
            // has (cores / rate) of CPU per move for everything, HTTP and both processes included.
            int cores = Runtime.getRuntime().availableProcessors();
            double goalRate = limit / 2;
            Cpu.Share jdbcMove = Cpu.Share.median(jdbcMoveCpu);
            rows.add(new Row(23, "diagnostic: CPU per stage change, ms of one core (the app's JVM, PostgreSQL, the bench's JVM with its"
                    + " HTTP or JDBC clients, all three)", "API move: " + Cpu.Share.median(moveCpu)
                    + (noOpCpu.isEmpty() ? "" : "; no-op call: " + Cpu.Share.median(noOpCpu)),
                    "JDBC move: " + jdbcMove.toString().replaceFirst("^app [0-9.]+, ", ""), "—", String.format(Locale.ROOT, "at the goal (%s) the %d cores have %.2f ms a move",
                    Stats.rate(goalRate), cores, cores * 1000 / goalRate), "—", "runs as above, median"));
        }
    }

    void smtpLimit() throws Exception {
        sink.reset();
        List<Double> bare = new ArrayList<>();
        long size;
        try (SmtpLoop loop = new SmtpLoop(sink.port())) {
            int filler = loop.fillerFor(letterSize, sink);
            loop.send(0, filler);
            size = sink.lastSize();
            for (int i = 0; i < 50; i++) {
                loop.send(i, filler); // warm-up, not counted
            }
            for (int run = 1; run <= RUNS; run++) {
                sink.reset();
                Cpu.Sample before = Cpu.sample(-1);
                for (int i = 1; i <= BULK; i++) {
                    loop.send(i, filler);
                }
                bare.add(sink.rate());
                loopCpu.add(Cpu.per(before, Cpu.sample(-1), BULK));
                log(String.format(Locale.ROOT, "   bare SMTP run %d: %s (%,d bytes each)", run, Stats.rate(sink.rate()), sink.lastSize()));
            }
        }
        double bareRate = Stats.median(bare);
        rows.add(new Row(31, String.format(Locale.ROOT, "bulk closure: delivery to a local SMTP server until all %,d are sent", BULK),
                Stats.rate(bulkRate) + String.format(Locale.ROOT, " (%,d bytes each)", letterSize),
                Stats.rate(bareRate) + String.format(Locale.ROOT, " (Vert.x mail client loop, %,d bytes each)", size),
                Stats.ratio(bulkRate / bareRate), "ratio ≥ 0.5", met(bulkRate / bareRate >= 0.5),
                BULK_RUNS + ", median; loop " + RUNS));
        if (!dispatcherSteps.isEmpty()) {
            // Diagnostic: the medians of the runs, each step on its own (they need not come from the same run).
            rows.add(new Row(32, "diagnostic: the dispatcher's time per window of letters during the bulk deliveries (its own timer,"
                    + " candor.dispatcher.window)", String.format(Locale.ROOT, "load %.2f ms (overlaps the sends), wait for SMTP %.2f ms,"
                    + " record %.2f ms; %,.0f windows a delivery",
                    medianStep(DispatcherSteps::loadMs), medianStep(DispatcherSteps::waitMs), medianStep(DispatcherSteps::recordMs),
                    medianStep(DispatcherSteps::windows)),
                    "—", "—", "—", "—", BULK_RUNS + ", median"));
        }
        if (!deliveryCpu.isEmpty()) {
            int cores = Runtime.getRuntime().availableProcessors();
            Cpu.Share candor = Cpu.Share.median(deliveryCpu);
            Cpu.Share loop = Cpu.Share.median(loopCpu);
            rows.add(new Row(33, "diagnostic: CPU per letter during the bulk deliveries, ms of one core (the app's JVM, PostgreSQL, the"
                    + " bench's JVM with its SMTP server, all three; how busy they kept the " + cores + " cores)",
                    String.format(Locale.ROOT, "%s (%.0f %% busy)", candor, candor.busy(bulkRate)),
                    String.format(Locale.ROOT, "the loop: bench %.2f (%.0f %% busy)", loop.bench(), loop.busy(bareRate)), "—", "—", "—",
                    BULK_RUNS + ", median; loop " + RUNS));
        }
    }

    // ---------------------------------------------------------------------------------------------

    App start(List<String> jvmOptions, String logName) throws Exception {
        return start(jar, jvmOptions, logName);
    }

    App start(Path appJar, List<String> jvmOptions, String logName) throws Exception {
        return App.start(appJar, appDatabase, work.resolve(logName), jvmOptions, appEnv);
    }

    /** Runs {@code task} on {@code clients} threads until it returns false or the deadline passes; returns how many returned true. */
    static int concurrently(int clients, long deadlineNanos, Task task) throws Exception {
        ExecutorService executor = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                futures.add(executor.submit(() -> {
                    int n = 0;
                    while (System.nanoTime() < deadlineNanos && task.run()) {
                        n++;
                    }
                    return n;
                }));
            }
            int total = 0;
            for (Future<Integer> f : futures) {
                total += f.get();
            }
            return total;
        } finally {
            executor.shutdownNow();
        }
    }

    interface Task {
        boolean run() throws Exception;
    }

    private void jfrStart(App app, boolean when, String name) throws Exception {
        if (JFR && when && PG) {
            Seed.resetStatements(jdbc);
        }
        if (JFR && when) {
            // BENCH_JFR_SETTINGS: a .jfc of one's own (e.g. the profile's with method sampling every 1 ms instead of 10 ms).
            String settings = System.getenv().getOrDefault("BENCH_JFR_SETTINGS", "profile");
            app.jcmd("JFR.start", "name=" + name, "settings=" + settings, "filename=" + work.resolve("jfr").resolve(name + ".jfr"));
        }
    }

    private void jfrStop(App app, boolean when, String name) throws Exception {
        if (JFR && when) {
            app.jcmd("JFR.stop", "name=" + name);
            log("   JFR: " + work.resolve("jfr").resolve(name + ".jfr"));
        }
        if (JFR && when && PG) {
            Path statements = work.resolve("jfr").resolve(name + "-postgres.txt");
            Files.writeString(statements, Seed.topStatements(jdbc));
            log("   PostgreSQL's side: " + statements);
        }
    }

    void print(double totalMs) {
        System.out.println();
        System.out.printf(Locale.ROOT, "Candor benchmark, %s: %,d applications (+%,d in bulk roles), %s, packaged app, %d cores;"
                        + " app JVM options: %s; whole run %s%n", LocalDate.now(), APPS, BULK_RUNS * BULK, database,
                Runtime.getRuntime().availableProcessors(),
                String.join(" ", recommended()).replace(work.toString(), "<work>"), Stats.ms(totalMs));
        System.out.println("Ratio: Candor's figure over the limit's for rates, the limit's time over Candor's for times (1.00 = as fast as the limit).");
        System.out.println();
        System.out.println("| scenario | Candor | limit, same run | ratio | goal | met? | runs |");
        System.out.println("| --- | --- | --- | --- | --- | --- | --- |");
        rows.sort(java.util.Comparator.comparingInt(Row::order));
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", r.scenario(), r.candor(), r.limit(), r.ratio(), r.goal(), r.met(), r.runs());
        }
    }

    /** A time against its goal: "yes", or by how much it misses ("**no** (4.3×)"; under twice the goal: "+46 ms"). */
    static String within(double ms, double goalMs) {
        if (ms <= goalMs) {
            return "yes";
        }
        return "**no** (" + (ms >= 2 * goalMs ? String.format(Locale.ROOT, "%.1f×", ms / goalMs) : "+" + Stats.ms(ms - goalMs)) + ")";
    }

    /** Against a goal in MB, from an RSS in kB (0: not readable). */
    static String withinMb(long rssKb, long goalMb) {
        if (rssKb <= 0) {
            return "?";
        }
        return rssKb <= goalMb * 1024 ? "yes" : "**no** (+" + Stats.mb(rssKb - goalMb * 1024) + ")";
    }

    static String met(boolean yes) {
        return yes ? "yes" : "**no**";
    }

    static int env(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim().replace("_", ""));
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

    static void log(String line) {
        System.err.println("[bench " + java.time.LocalTime.now().withNano(0) + "] " + line);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
