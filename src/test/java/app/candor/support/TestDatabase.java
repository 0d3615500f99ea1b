package app.candor.support;

import io.quarkus.logging.Log;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.fail;

/**
 * Which database the tests run on. By default an in-memory H2 in PostgreSQL mode; with
 * {@code mvn -B verify -Ppostgresql} (or CANDOR_TEST_DB=postgresql) the whole suite runs on the real
 * PostgreSQL named by CANDOR_TEST_PG_URL / CANDOR_TEST_PG_USER / CANDOR_TEST_PG_PASSWORD.
 *
 * <p>On PostgreSQL every test profile gets a schema of its own, emptied when the app starts (Flyway
 * clean, tests only), as each gets an in-memory database of its own on H2.
 */
public final class TestDatabase {

    /** Set by the Maven build (surefire/failsafe system property): {@code h2} or {@code postgresql}. */
    public static final String KIND_PROPERTY = "test-database";

    private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64";

    private TestDatabase() {
    }

    public static boolean postgres() {
        String kind = System.getProperty(KIND_PROPERTY, System.getenv().getOrDefault("CANDOR_TEST_DB", "h2"));
        return "postgresql".equalsIgnoreCase(kind);
    }

    /**
     * Whether this is CI's H2 pass with the PostgreSQL pass running beside it ({@code CANDOR_TEST_PG_PASS_SEPARATE},
     * set by .ci/run): then a test that needs to run once, on the production build, is left to that pass (logged).
     */
    public static boolean leftToThePostgresPass(String test) {
        if (!postgres() && "true".equalsIgnoreCase(System.getenv("CANDOR_TEST_PG_PASS_SEPARATE"))) {
            Log.infof("%s skipped in the H2 pass: it runs in the PostgreSQL pass (CANDOR_TEST_PG_PASS_SEPARATE)", test);
            return true;
        }
        return false;
    }

    /** The JDBC URL of the test PostgreSQL; fails with what to do when none is given. */
    public static String postgresUrl() {
        String url = System.getenv("CANDOR_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("The tests were asked to run on PostgreSQL (-Ppostgresql or CANDOR_TEST_DB=postgresql) "
                    + "but CANDOR_TEST_PG_URL is not set; set it (and CANDOR_TEST_PG_USER, CANDOR_TEST_PG_PASSWORD), "
                    + "e.g. jdbc:postgresql://127.0.0.1:55432/candor_test, or run .ci/run");
        }
        return url;
    }

    /**
     * For the tests about PostgreSQL itself, which run whatever the suite runs on: whether CANDOR_TEST_PG_URL
     * names a database. Without one the test is skipped locally (logged with the reason) and fails on CI, where
     * {@code .ci/run} always starts one.
     */
    public static boolean postgresGiven(String test) {
        if (leftToThePostgresPass(test)) {
            return false;
        }
        String url = System.getenv("CANDOR_TEST_PG_URL");
        if (url != null && !url.isBlank()) {
            return true;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(test + ": CANDOR_TEST_PG_URL is not set although CI=true: .ci/run should have started PostgreSQL "
                    + "and exported CANDOR_TEST_PG_URL, CANDOR_TEST_PG_USER and CANDOR_TEST_PG_PASSWORD");
        }
        Log.warnf("%s skipped: no PostgreSQL URL given (set CANDOR_TEST_PG_URL, CANDOR_TEST_PG_USER and CANDOR_TEST_PG_PASSWORD, "
                + "e.g. jdbc:postgresql://127.0.0.1:55432/candor_test, or run .ci/run)", test);
        return false;
    }

    public static String postgresUser() {
        return System.getenv().getOrDefault("CANDOR_TEST_PG_USER", "candor");
    }

    public static String postgresPassword() {
        return System.getenv().getOrDefault("CANDOR_TEST_PG_PASSWORD", "candor");
    }

    /**
     * Config (unprofiled names, as a test profile's overrides) for a database of its own called {@code name}:
     * an in-memory H2 database, or on PostgreSQL a schema emptied at start.
     */
    public static Map<String, String> own(String name) {
        Map<String, String> config = new HashMap<>();
        if (!postgres()) {
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + name + H2_SETTINGS);
            return config;
        }
        String schema = name.replaceAll("[^A-Za-z0-9_]", "_");
        String url = postgresUrl();
        config.put("quarkus.datasource.jdbc.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        config.put("quarkus.datasource.username", postgresUser());
        config.put("quarkus.datasource.password", postgresPassword());
        config.put("quarkus.flyway.schemas", schema);
        config.put("quarkus.flyway.clean-disabled", "false");
        config.put("quarkus.flyway.clean-at-start", "true");
        return config;
    }
}
