package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Connection;
import java.sql.Statement;

/**
 * PostgreSQL only: autovacuum visits {@code application} once 2 % of its rows have changed instead of PostgreSQL's
 * default 20 %. The board's counts are index-only scans, and an index-only scan reads the table for every row on a
 * page that VACUUM has not marked all-visible since it was last written; at a million applications the default
 * waits for 200 000 changed rows, and until then the board's largest count reads thousands of rows from the table
 * (docs/benchmarks.md, "the board's counts"). A storage parameter has no H2 equivalent, so this migration is Java:
 * on H2 it does nothing and is recorded like any other, keeping one sequence of versions for both databases.
 */
public class V27__Application_autovacuum extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table application set (autovacuum_vacuum_scale_factor = 0.02)");
        }
    }
}
