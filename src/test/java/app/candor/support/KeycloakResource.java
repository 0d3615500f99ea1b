package app.candor.support;

import io.quarkus.logging.Log;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak for the single sign-on tests: the keycloak-quarkus-dist zip that the build copies to
 * target/keycloak/ (maven-dependency-plugin, from Maven Central), unpacked once, started in dev mode on a free
 * loopback port with the test realm imported (src/test/resources/keycloak/candor-realm.json: users in the recruiter,
 * manager and admin groups, one in no Candor group), and stopped after the last test of the profile. Keycloak needs
 * Java 21 or later, which it gets through its own JAVA_HOME (the tests run on 17).
 * <p>Without the zip or such a JDK, the tests using it are skipped locally ({@link #assumeRunning()}) and fail on CI.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "candor";
    public static final String CLIENT = "candor";
    /** As in the realm file; at least 32 characters, so that quarkus-oidc can derive its cookie keys from it. */
    public static final String SECRET = "candor-test-client-secret-0123456789abcdef";

    private static volatile String unavailable;
    /** Not run in this pass by design (not for want of Keycloak): skipped on CI too. */
    private static volatile String notThisPass;
    private static volatile String url;
    private Process process;

    /** The realm's issuer URL, e.g. http://127.0.0.1:41234/realms/candor. */
    public static String realmUrl() {
        return url;
    }

    /** Skips (locally) or fails (CI=true) the calling test when Keycloak could not be started. */
    public static void assumeRunning() {
        Assumptions.assumeTrue(notThisPass == null, () -> "skipped: " + notThisPass);
        if (unavailable != null && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("Keycloak is needed on CI: " + unavailable);
        }
        Assumptions.assumeTrue(unavailable == null, () -> "skipped: " + unavailable);
    }

    @Override
    public Map<String, String> start() {
        unavailable = null;
        notThisPass = null;
        if (TestDatabase.leftToThePostgresPass("single sign-on")) {
            // One Keycloak start per CI run, in the pass that finishes first otherwise (the production build).
            notThisPass = "single sign-on is tested in the PostgreSQL pass (.ci/run), not again on H2";
            return Map.of("candor.oidc.enabled", "false");
        }
        String running = System.getenv("CANDOR_TEST_KEYCLOAK_URL");
        if (running != null && !running.isBlank()) {
            // Started by .ci/run before the passes (with the same realm file), so that its start holds no test up.
            return useRunning(running.strip().replaceAll("/+$", ""));
        }
        Path zip = Path.of(System.getProperty("keycloak-zip", "target/keycloak/keycloak.zip"));
        Path java = javaHome21();
        if (!Files.isRegularFile(zip)) {
            return off("no Keycloak distribution at " + zip + " (the build copies it there: mvn -B test, not skipped)");
        }
        if (java == null) {
            return off("no JDK 21+ for Keycloak under /usr/lib/jvm (set CANDOR_KEYCLOAK_JAVA_HOME)");
        }
        try {
            Instant started = Instant.now();
            Path home = unpack(zip, zip.getParent().resolve("dist"));
            Path data = home.resolve("data");
            deleteTree(data); // a fresh realm every run: no users or sessions left from the last one
            Files.createDirectories(data.resolve("import"));
            try (InputStream realm = KeycloakResource.class.getResourceAsStream("/keycloak/candor-realm.json")) {
                Files.copy(realm, data.resolve("import/candor-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            int port = freePort();
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port", String.valueOf(port), "--http-host", "127.0.0.1", "--import-realm")
                    .redirectErrorStream(true).redirectOutput(zip.getParent().resolve("keycloak.log").toFile());
            builder.environment().put("JAVA_HOME", java.toString());
            process = builder.start();
            url = "http://127.0.0.1:" + port + "/realms/" + REALM;
            waitUntilUp(url + "/.well-known/openid-configuration", Duration.ofMinutes(4));
            Log.infof("Keycloak up at %s after %d s", url, Duration.between(started, Instant.now()).toSeconds());
        } catch (IOException | RuntimeException e) {
            stop();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Keycloak did not start (see target/keycloak/keycloak.log)", e);
            }
            return off("Keycloak did not start: " + e.getMessage() + " (see target/keycloak/keycloak.log)");
        }
        return config();
    }

    /** A Keycloak someone else started and stops (CANDOR_TEST_KEYCLOAK_URL, e.g. http://127.0.0.1:56432). */
    private Map<String, String> useRunning(String base) {
        url = base + "/realms/" + REALM;
        try {
            Instant started = Instant.now();
            waitUntilUp(url + "/.well-known/openid-configuration", Duration.ofMinutes(4));
            Log.infof("Keycloak (already started) answered at %s after %d s", url, Duration.between(started, Instant.now()).toSeconds());
        } catch (IOException e) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Keycloak at " + base + " (CANDOR_TEST_KEYCLOAK_URL) did not answer", e);
            }
            return off("Keycloak at " + base + " (CANDOR_TEST_KEYCLOAK_URL) did not answer: " + e.getMessage());
        }
        return config();
    }

    private static Map<String, String> config() {
        Map<String, String> config = new HashMap<>();
        config.put("candor.oidc.enabled", "true");
        config.put("candor.oidc.provider-name", "Keycloak");
        config.put("quarkus.oidc.auth-server-url", url);
        config.put("quarkus.oidc.client-id", CLIENT);
        config.put("quarkus.oidc.credentials.secret", SECRET);
        config.put("candor.oidc.recruiter-groups", "candor-recruiters");
        config.put("candor.oidc.hiring-manager-groups", "candor-managers");
        config.put("candor.oidc.admin-groups", "candor-admins");
        return config;
    }

    private static Map<String, String> off(String reason) {
        unavailable = reason;
        Log.warnf("Single sign-on tests will not run: %s", reason);
        return Map.of("candor.oidc.enabled", "false");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /** A JDK of version 21 or later: CANDOR_KEYCLOAK_JAVA_HOME, or the newest under /usr/lib/jvm. */
    static Path javaHome21() {
        String given = System.getenv("CANDOR_KEYCLOAK_JAVA_HOME");
        if (given != null && !given.isBlank()) {
            return Path.of(given);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return null;
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(h -> majorVersion(h) >= 21 && Files.isExecutable(h.resolve("bin/java")))
                    .max((a, b) -> Integer.compare(majorVersion(a), majorVersion(b))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static int majorVersion(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return 0;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(release)) {
            p.load(in);
            String v = p.getProperty("JAVA_VERSION", "0").replace("\"", "");
            return Integer.parseInt(v.split("[.+-]")[0]);
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /** Unpacks the zip once (a marker file says it is complete); returns the Keycloak directory inside. */
    private static Path unpack(Path zip, Path target) throws IOException {
        Path done = target.resolve(".unpacked-" + Files.size(zip));
        if (!Files.exists(done)) {
            deleteTree(target);
            Files.createDirectories(target);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Path out = target.resolve(e.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("zip entry outside the target: " + e.getName());
                    }
                    if (e.isDirectory()) {
                        Files.createDirectories(out);
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.createFile(done);
        }
        try (Stream<Path> dirs = Files.list(target)) {
            Path home = dirs.filter(d -> Files.isRegularFile(d.resolve("bin/kc.sh"))).findFirst()
                    .orElseThrow(() -> new IOException("no bin/kc.sh in " + zip));
            for (Path script : List.of(home.resolve("bin/kc.sh"))) {
                script.toFile().setExecutable(true);
            }
            return home;
        }
    }

    private static void waitUntilUp(String address, Duration limit) throws IOException {
        try {
            org.awaitility.Awaitility.await("Keycloak at " + address).atMost(limit).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptions().until(() -> up(address));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IOException("not up after " + limit.toSeconds() + " s");
        }
    }

    private static boolean up(String address) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(address).toURL().openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(5000);
        return c.getResponseCode() == 200;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
