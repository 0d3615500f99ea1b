package app.candor.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Several replicas of the packaged app on one PostgreSQL schema, for the *IT tests: the production
 * environment they start with, and JDBC on the same schema for seeding and for looking at the outcome.
 */
public final class Replicas {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "replica-walnut-ledger-7";

    private Replicas() {
    }

    /**
     * Skips the calling test on an H2 build: db-kind is fixed at build time, and only a build with
     * -Ppostgresql packages a jar that runs on PostgreSQL. On a PostgreSQL build without a database URL it fails.
     */
    public static void requirePostgresBuild(String test) {
        if (!TestDatabase.postgres()) {
            abort(test + " skipped: it runs replicas of the packaged app on one PostgreSQL, and this build packaged an H2 jar "
                    + "(db-kind is fixed at build time). Run it with: mvn -B verify -Ppostgresql and CANDOR_TEST_PG_URL, "
                    + "CANDOR_TEST_PG_USER, CANDOR_TEST_PG_PASSWORD set");
        }
        TestDatabase.postgresUrl(); // fails with what to do when the URL is missing
    }

    /** The schema's JDBC URL on the test database. */
    public static String url(String schema) {
        String url = TestDatabase.postgresUrl();
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** Drops the schema with everything in it; the first replica to start migrates it afresh. */
    public static void dropSchema(String schema) {
        try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), TestDatabase.postgresPassword());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop schema " + schema, e);
        }
    }

    /**
     * The production profile's environment for a replica on {@code schema}, sending to the SMTP server on
     * {@code smtpPort}: every required setting, a week of seven business days with the digest due from
     * midnight (so that it can be tested on any day), the sweep and the digest never on a schedule (the test
     * runs them), a quick mail poll. {@code overrides} are added last.
     */
    public static Map<String, String> productionEnv(String schema, int smtpPort, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("CANDOR_DB_URL", url(schema));
        env.put("CANDOR_DB_USER", TestDatabase.postgresUser());
        env.put("CANDOR_DB_PASSWORD", TestDatabase.postgresPassword());
        env.put("QUARKUS_FLYWAY_SCHEMAS", schema);
        env.put("CANDOR_SESSION_KEY", "the-same-session-key-on-every-replica");
        env.put("CANDOR_PUBLIC_URL", "https://candor.example.test");
        env.put("CANDOR_ADMIN_USER", ADMIN);
        env.put("CANDOR_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        env.put("QUARKUS_MAILER_FROM", "Candor <candor@replicas.test>");
        env.put("CANDOR_COMPANY_NAME", "Replicas Test Ltd");
        env.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        env.put("CANDOR_WORK_WEEK", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY");
        env.put("CANDOR_CLOSURE_DIGEST_AT", "00:00");
        env.put("CANDOR_CLOSURE_SWEEP_EVERY", "off");
        env.put("CANDOR_CLOSURE_DIGEST_CHECK_EVERY", "off");
        env.put("CANDOR_DEBRIEF_CHECK_EVERY", "off");
        env.put("CANDOR_MAIL_POLL_EVERY", "1s");
        env.put("QUARKUS_HTTP_ACCESS_LOG_ENABLED", "false");
        // these tests drive the API with HTTP Basic, which production has off by default (API tokens instead)
        env.put("CANDOR_AUTH_BASIC", "true");
        env.putAll(overrides);
        return env;
    }

    /** A connection to the schema (autocommit). */
    public static Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(url(schema), TestDatabase.postgresUser(), TestDatabase.postgresPassword());
    }

    /** The one number a query answers ({@code ?} parameters in order). */
    public static long count(String schema, String sql, Object... parameters) {
        try (Connection c = connect(schema); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an update ({@code ?} parameters in order); returns the row count. */
    public static int update(String schema, String sql, Object... parameters) {
        try (Connection c = connect(schema); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The lease owner pattern of a replica's dispatcher (host-pid-random, see Leases.newOwner), for {@code like}. */
    public static String leaseOwnerOf(PackagedApp app) {
        return "%-" + app.pid() + "-%";
    }
}
