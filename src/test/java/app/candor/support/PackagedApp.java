package app.candor.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}) running as a process of its own, as a
 * replica in production does: on 127.0.0.1 and a free port, configured only by its environment (nothing
 * inherited from the test's), its output in a log file. For the *IT tests that run several of them.
 */
public final class PackagedApp implements AutoCloseable {

    /** The jar the build packaged; failsafe passes its path (see pom.xml). */
    public static final Path JAR = Path.of(System.getProperty("candor.packaged-app", "target/quarkus-app/quarkus-run.jar"));

    private static final Duration START_WITHIN = Duration.ofMinutes(3);
    /**
     * The JVM options docs/benchmarks.md recommends (without its class-data archive), with the heap that gives memory
     * back and a young generation of 16 MB at most on a PostgreSQL build, as in production: the replicas run as
     * deployed, and with the JIT stopped at C1 a replica starts in about half the time.
     */
    public static final List<String> JVM_OPTIONS = jvmOptions();

    private static List<String> jvmOptions() {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms32m", "-Xmx192m", "-XX:TieredStopAtLevel=1",
                "-XX:ReservedCodeCacheSize=64m", "-Xss512k"));
        if (TestDatabase.postgres()) {
            options.addAll(List.of("-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30", "-XX:MaxNewSize=16m"));
        }
        return List.copyOf(options);
    }

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private PackagedApp(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the jar with exactly {@code env} (plus PATH and HOME) and the HTTP port; returns at once,
     * see {@link #awaitReady}. The same JDK as the test's.
     */
    public static PackagedApp start(String name, Map<String, String> env, Path log) {
        return start(name, env, log, null);
    }

    /**
     * As {@link #start(String, Map, Path)}, in {@code directory} as its working directory (where the embedded
     * profile keeps its database, {@code ./data/}); {@code null} for the test's own.
     */
    public static PackagedApp start(String name, Map<String, String> env, Path log, Path directory) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " does not exist: package the app first (mvn -B verify runs the ITs after it)");
        }
        int port = MailServer.freePort();
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toAbsolutePath().toFile());
        if (directory != null) {
            builder.directory(directory.toAbsolutePath().toFile());
        }
        Map<String, String> environment = builder.environment();
        Map<String, String> inherited = new HashMap<>(environment);
        environment.clear();
        for (String keep : List.of("PATH", "HOME", "LANG")) {
            if (inherited.containsKey(keep)) {
                environment.put(keep, inherited.get(keep));
            }
        }
        environment.putAll(env);
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            return new PackagedApp(name, builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Skips the calling test on a PostgreSQL build (-Ppostgresql), whose packaged jar cannot run the embedded H2
     * profile (db-kind is fixed at build time); the H2 build, the first run of .ci/run, always runs it.
     */
    public static void requireH2Build(String test) {
        if (TestDatabase.postgres()) {
            abort(test + " skipped: it runs the packaged jar on the embedded H2 database, and this "
                    + "build packaged a PostgreSQL jar (db-kind is fixed at build time); it runs in the H2 build (mvn -B verify)");
        }
    }

    /** Waits until every app answers /q/health/ready (migrations done, database there); fails with the log of one that died. */
    public static void awaitReady(PackagedApp... apps) {
        for (PackagedApp app : apps) {
            Eventually.await(app.name + " ready on port " + app.port + " (log: " + app.log + ")", START_WITHIN, () -> {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException(app.name + " stopped while starting (exit " + app.process.exitValue() + "); its log:\n"
                            + app.logTail(60));
                }
                return app.ready();
            });
        }
    }

    private boolean ready() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/q/health/ready").toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            try {
                return c.getResponseCode() == 200;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A JSON request to this app, signed in with HTTP Basic. */
    public RequestSpecification json(String username, String password) {
        return given().baseUri(url()).auth().preemptive().basic(username, password)
                .contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** SIGKILL: the process ends at once, in the middle of whatever it does (a crash, an OOM kill). */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** SIGTERM, as Kubernetes sends before stopping a pod; returns at once (see {@link #awaitExit}). */
    public void terminate() {
        process.destroy();
    }

    /** Waits for the process to end; fails if it does not within {@code within}. */
    public void awaitExit(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " did not exit within " + within + "; its log:\n" + logTail(40));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + name + " to exit", e);
        }
    }

    public String logText() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Stops the app if it still runs: SIGTERM, and SIGKILL if it has not ended within a minute. */
    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", " + url() + ")";
    }
}
