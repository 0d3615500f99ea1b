package app.candor.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A schema of its own on the test PostgreSQL (CANDOR_TEST_PG_URL), for the test classes about PostgreSQL itself
 * ({@link NeedsPostgres}: skipped without a database locally, failed on CI). {@link #fresh} drops it; then {@link #migrate}
 * applies the app's Flyway migrations to it, and {@link #connect} opens a connection that finds its tables first.
 */
public final class PostgresSchema {

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    /** The schema {@code name}, dropped with all it held. */
    public static PostgresSchema fresh(String name) throws SQLException {
        PostgresSchema schema = new PostgresSchema(name);
        try (Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
                TestDatabase.postgresPassword()); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + name + " cascade");
        }
        return schema;
    }

    /** Every migration of the app, as a replica's first start applies them. */
    public MigrateResult migrate() {
        return flyway().load().migrate();
    }

    private org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), TestDatabase.postgresPassword())
                .locations("classpath:db/migration").schemas(name);
    }

    /** A connection (auto-commit) whose unqualified names are this schema's tables first. */
    public Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(), TestDatabase.postgresPassword());
        try (Statement s = c.createStatement()) {
            s.execute("set search_path to " + name + ", public");
        }
        return c;
    }
}
