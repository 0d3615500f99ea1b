package bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged app as a child process on a free port of 127.0.0.1, and the HTTP calls the bench makes to it. */
final class App {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    final Process process;
    final int port;
    final Path log;
    /** From spawning the JVM to the first 200 of /q/health/ready (readiness includes the database). */
    final double startMs;
    private volatile HttpClient session;

    private App(Process process, int port, Path log, double startMs) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.startMs = startMs;
    }

    /**
     * Starts {@code java <jvmOptions> <database> -jar <jar>}, only what is measured running (no scheduled sweep,
     * digest, debrief or feedback check), no access log. {@code database}: the system properties that choose the
     * profile and database (the embedded profile on an H2 file), or none (the production profile, configured by
     * {@code env} as a replica is: PostgreSQL).
     */
    static App start(Path jar, List<String> database, Path log, List<String> jvmOptions, Map<String, String> env) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        // BENCH_JAVA picks another JVM for the app (e.g. a JDK 25 for its AOT cache); the jar is built for 17.
        command.add(jvmOptions.stream().filter(o -> o.startsWith("java=")).findFirst().map(o -> o.substring(5)).orElse("java"));
        command.addAll(jvmOptions.stream().filter(o -> !o.startsWith("java=")).toList());
        command.addAll(database);
        command.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dcandor.closure.sweep-every=off", "-Dcandor.closure.digest-check-every=off", "-Dcandor.debrief.check-every=off",
                "-Dcandor.feedback.check-every=off", "-Dquarkus.http.access-log.enabled=false",
                // The baseline measures what a wrong password costs (bcrypt): the sign-in throttle would answer it without.
                "-Dcandor.auth.account-failures=1000000", "-Dcandor.auth.address-failures=1000000",
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long spawned = System.nanoTime();
        Process p = builder.start();
        URI ready = URI.create("http://127.0.0.1:" + port + "/q/health/ready");
        long deadline = spawned + TimeUnit.MINUTES.toNanos(3);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("the app stopped during start; see " + log);
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new App(p, port, log, Stats.ms(System.nanoTime() - spawned));
                }
            } catch (IOException e) {
                // not listening yet
            }
            p.waitFor(5, TimeUnit.MILLISECONDS);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the app did not become ready within 3 minutes; see " + log);
    }

    /** Quarkus's own "started in 1.234s" (from its main method, without the JVM's start), or NaN. */
    double quarkusStartedMs() {
        try {
            Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(log));
            return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** {VmRSS, VmHWM} in kB from /proc (-1 where unreadable). */
    long[] rss() {
        long rss = -1;
        long hwm = -1;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("VmHWM:")) {
                    hwm = Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // gone
        }
        return new long[] {rss, hwm};
    }

    String get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    String post(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), user);
    }

    String post(String path, String user, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    /** /q/metrics in Prometheus's text format, read with these credentials (an admin's). */
    String metrics(String user) throws Exception {
        return check(HTTP.send(HttpRequest.newBuilder(uri("/q/metrics")).GET().timeout(Duration.ofMinutes(2)).header("Accept", "text/plain")
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString()));
    }

    /** The status of a GET with these credentials, whatever it is (e.g. 401 for a wrong password). */
    int status(String path, String user) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri(path)).GET().timeout(Duration.ofMinutes(2)).header("Accept", "application/json")
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String send(HttpRequest.Builder request, String user) throws Exception {
        HttpResponse<String> r = HTTP.send(request.timeout(Duration.ofMinutes(2)).header("Accept", "application/json")
                .header("Authorization", basic(user)).build(), HttpResponse.BodyHandlers.ofString());
        return check(r);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    /** Signs in with the login form once: page requests then carry the session cookie, not a password. */
    void signIn(String username, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5)).build();
        String form = "j_username=" + username + "&j_password=" + password;
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 == 4 || r.statusCode() / 100 == 5 || r.headers().firstValue("location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + r.statusCode());
        }
        session = client;
    }

    /** A page with the session cookie of {@link #signIn}. */
    String page(String path) throws Exception {
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofMinutes(2)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return check(r);
    }

    private static String check(HttpResponse<String> r) {
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(r.request().method() + " " + r.uri() + " answered " + r.statusCode() + ": "
                    + r.body().substring(0, Math.min(300, r.body().length())));
        }
        return r.body();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** SIGTERM (the graceful shutdown), then waits: the H2 file is free once the process is gone. */
    void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Runs jcmd against the app (JFR recordings of one scenario, native memory); returns its output, logs it if it fails. */
    String jcmd(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("jcmd", Long.toString(process.pid())));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            Bench.log("jcmd " + String.join(" ", args) + " failed: " + out);
        }
        return out;
    }
}
