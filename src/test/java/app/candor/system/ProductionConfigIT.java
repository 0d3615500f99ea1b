package app.candor.system;

import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.PackagedApp;
import app.candor.support.PageSession;
import app.candor.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar (the prod profile, its default) started as a deployment would start it, with a
 * clean environment: without its settings it stops at once with one message naming every missing
 * variable; with everything but the first admin on an empty database it names the admin variables;
 * with everything it starts and is ready, and QUARKUS_LOG_CONSOLE_JSON_ENABLED=true turns its log into one
 * JSON object per line (plain text otherwise); HTTP Basic is off unless switched on. The database is an H2 file
 * under target/ (the default build), or a schema of its own on the test PostgreSQL when the build is a PostgreSQL
 * one. On CI it runs in the PostgreSQL pass only (the build production runs).
 */
class ProductionConfigIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Duration START_LIMIT = Duration.ofSeconds(90);
    static final String SCHEMA = "ops_production_config_it";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN_PASSWORD = "first-sunny-walnut-ledger";

    private Process process;
    private Path output;

    @BeforeEach
    void jarIsBuilt() throws IOException {
        // Production runs the PostgreSQL build: on CI that pass starts it; the H2 pass beside it does not again.
        Assumptions.assumeFalse(TestDatabase.leftToThePostgresPass("ProductionConfigIT"), "runs in the PostgreSQL pass");
        assertThat(JAR).as("the packaged app (mvn -B verify packages it before the *IT run)").exists();
        Files.createDirectories(Path.of("target", "production-config-it"));
        output = Path.of("target", "production-config-it", UUID.randomUUID() + ".log");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void withoutAnySettingTheStartFailsWithOneMessageNamingEveryMissingVariable() throws Exception {
        start(Map.of());
        String out = exitOutput();
        assertThat(out).contains("Candor cannot start in production");
        for (String variable : List.of("CANDOR_DB_URL", "CANDOR_DB_USER", "CANDOR_DB_PASSWORD", "QUARKUS_MAILER_HOST",
                "QUARKUS_MAILER_FROM", "CANDOR_COMPANY_NAME", "CANDOR_SESSION_KEY", "CANDOR_PUBLIC_URL", "CANDOR_ADMIN_USER", "CANDOR_ADMIN_PASSWORD")) {
            assertThat(out).as("the message names " + variable).contains(variable);
        }
        assertThat(out).as("one message, not the stack trace of the first failure").doesNotContain("\tat ");
    }

    @Test
    void aShortSessionKeyAndAPublicUrlThatIsNoAddressAreRefusedTooNamingOnlyThose() throws Exception {
        Map<String, String> env = everythingButTheAdmin();
        env.put("CANDOR_SESSION_KEY", "too-short");
        env.put("CANDOR_PUBLIC_URL", "candor.example.com");
        start(env);
        String out = exitOutput();
        assertThat(out).contains("CANDOR_SESSION_KEY shorter than 16 characters").contains("CANDOR_PUBLIC_URL not an https:// address")
                .doesNotContain("CANDOR_DB_URL").doesNotContain("QUARKUS_MAILER_HOST");
    }

    @Test
    void withEverythingButTheFirstAdminOnAnEmptyDatabaseTheStartFailsNamingTheAdminVariables() throws Exception {
        start(everythingButTheAdmin());
        String out = exitOutput();
        assertThat(out).contains("The database has no active admin").contains("CANDOR_ADMIN_USER").contains("CANDOR_ADMIN_PASSWORD")
                .doesNotContain("CANDOR_DB_URL not set").doesNotContain("\tat ");
    }

    @Test
    void withEverythingSetTheAppStartsIsReadyLogsJsonWhenSwitchedOnAndRefusesHttpBasic() throws Exception {
        Map<String, String> env = everythingButTheAdmin();
        env.put("CANDOR_ADMIN_USER", "admin");
        env.put("CANDOR_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        start(env);
        Pattern listening = Pattern.compile("Listening on: http://[^:]+:(\\d+)");
        Matcher port = Eventually.await("the app listening", START_LIMIT, () -> listening.matcher(log()), m -> m.find() || !process.isAlive());
        assertThat(process.isAlive()).as("the app is running; its output:\n" + log()).isTrue();
        HttpResponse<String> ready = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.group(1) + "/q/health/ready")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode created = null;
        for (String line : log().lines().filter(l -> l.contains("First admin")).toList()) {
            created = JSON.readTree(line);  // fails unless the whole line is one JSON object
        }
        assertThat(created).as("the first admin's log line, as JSON; output:\n" + log()).isNotNull();
        assertThat(created.path("level").asText()).isEqualTo("INFO");
        assertThat(created.path("message").asText()).isEqualTo("First admin 'admin' created from the environment");
        assertThat(created.path("loggerName").asText()).isEqualTo("app.candor.user.AdminBootstrap");

        noHttpBasicButTokensAndTheSignInForm(Integer.parseInt(port.group(1)));
    }

    /**
     * Production's default (checked on the app just started rather than on one more test profile): no password travels
     * with API calls. HTTP Basic is refused on /api and /q/metrics with a Problem that says to send a token, the
     * challenge names Bearer, and the sign-in form and tokens work.
     */
    private void noHttpBasicButTokensAndTheSignInForm(int port) {
        RestAssured.baseURI = "http://127.0.0.1";
        RestAssured.port = port;
        try {
            Response basic = given().auth().preemptive().basic("admin", ADMIN_PASSWORD).accept(ContentType.JSON).when().get("/api/requisitions");
            Api.problem(basic, 401, "HTTP Basic", "API token");
            Response metrics = given().auth().preemptive().basic("admin", ADMIN_PASSWORD).when().get("/q/metrics");
            assertThat(metrics.statusCode()).isEqualTo(401);
            assertThat(metrics.asString()).contains("HTTP Basic").doesNotContain("candor_");
            assertThat(given().accept(ContentType.JSON).when().get("/api/requisitions").header("WWW-Authenticate"))
                    .isEqualTo("Bearer realm=\"Candor\"");

            PageSession page = PageSession.signIn("admin", ADMIN_PASSWORD);
            page.get("/account/tokens").then().statusCode(200);
            Response created = page.post("/account/tokens", Map.of("name", "script", "scope", "read-only", "expiresInDays", "5"));
            Matcher secret = Pattern.compile("id=\"token-secret\">(candor_[A-Za-z0-9_-]+)<").matcher(created.asString());
            assertThat(secret.find()).as("the new token on the page (%d)", created.statusCode()).isTrue();
            given().header("Authorization", "Bearer " + secret.group(1)).accept(ContentType.JSON).when().get("/api/users/me")
                    .then().statusCode(200);
        } finally {
            RestAssured.reset();
        }
    }

    @Test
    void theSecretTemplatesPlaceholderIsRefusedAsTheFirstAdminsPassword() throws Exception {
        Map<String, String> env = everythingButTheAdmin();
        env.put("CANDOR_ADMIN_USER", "admin");
        env.put("CANDOR_ADMIN_PASSWORD", "CHANGE_ME");
        start(env);
        String out = exitOutput();
        assertThat(out).contains("CANDOR_ADMIN_USER / CANDOR_ADMIN_PASSWORD are not usable").contains("placeholder");
    }

    @Test
    void logsArePlainTextUnlessJsonIsSwitchedOn() throws Exception {
        start(everythingButTheAdmin());
        String out = exitOutput();
        assertThat(out.lines().filter(l -> l.contains("Flyway")).toList()).as("the start's log lines")
                .isNotEmpty().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d+ +[A-Z]+ +\\[.*"));
    }

    private Map<String, String> everythingButTheAdmin() throws Exception {
        Map<String, String> env = new HashMap<>(database());
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_FROM", "Candor <candor@example.test>");
        env.put("CANDOR_COMPANY_NAME", "Example Test Ltd");
        env.put("CANDOR_SESSION_KEY", "an-it-session-key-of-enough-length");
        env.put("CANDOR_PUBLIC_URL", "https://candor.example.test");
        env.put("QUARKUS_HTTP_PORT", "0");  // a free port; the test reads it from the log
        return env;
    }

    /** An empty database: a fresh H2 file, or on a PostgreSQL build a schema dropped and created again. */
    private static Map<String, String> database() throws Exception {
        if (!TestDatabase.postgres()) {
            Path file = Path.of("target", "production-config-it", "db-" + UUID.randomUUID()).toAbsolutePath();
            return Map.of("CANDOR_DB_URL", "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                    "CANDOR_DB_USER", "candor", "CANDOR_DB_PASSWORD", "candor");
        }
        String url = TestDatabase.postgresUrl();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.postgresUser(), TestDatabase.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
            s.execute("create schema " + SCHEMA);
        }
        return Map.of("CANDOR_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
                "CANDOR_DB_USER", TestDatabase.postgresUser(), "CANDOR_DB_PASSWORD", TestDatabase.postgresPassword());
    }

    /** Starts the jar with only PATH, JAVA_HOME and {@code settings} in its environment, as a container would. */
    private void start(Map<String, String> settings) throws IOException {
        String javaHome = System.getProperty("java.home");
        List<String> command = new ArrayList<>(List.of(Path.of(javaHome, "bin", "java").toString()));
        command.addAll(PackagedApp.JVM_OPTIONS);
        command.addAll(List.of("-jar", JAR.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().put("JAVA_HOME", javaHome);
        builder.environment().putAll(settings);
        process = builder.start();
    }

    /** Waits (bounded) for the app to stop by itself, expects a failure exit, returns what it printed. */
    private String exitOutput() throws Exception {
        boolean exited = process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(exited).as("the app stops by itself within " + START_LIMIT + "; its output:\n" + log()).isTrue();
        assertThat(process.exitValue()).as("exit code; output:\n" + log()).isNotZero();
        return log();
    }

    private String log() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
