package app.candor.system;

import app.candor.message.Leases;
import app.candor.support.NeedsPostgres;
import app.candor.support.PostgresSchema;
import app.candor.support.TestDatabase;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Applies the Flyway migrations to a real PostgreSQL (the other tests run on H2 in PostgreSQL mode)
 * and checks that the constraints the application relies on are enforced there.
 *
 * <p>The database comes from CANDOR_TEST_PG_URL / CANDOR_TEST_PG_USER / CANDOR_TEST_PG_PASSWORD;
 * {@code .ci/run} starts one. Without the URL the test is skipped locally and fails on CI.
 * Everything happens in the schema {@value #SCHEMA}, dropped and recreated at the start.
 */
@NeedsPostgres
class PostgresMigrationTest {

    private static final Logger LOG = Logger.getLogger(PostgresMigrationTest.class);
    private static final String SCHEMA = "migration_test";
    private static final String MIGRATIONS = "db/migration";

    private static PostgresSchema schema;
    private static MigrateResult migration;

    @BeforeAll
    static void migrateFreshSchema() throws Exception {
        schema = PostgresSchema.fresh(SCHEMA);
        LOG.infof("PostgresMigrationTest: migrating schema %s at %s as %s", SCHEMA, TestDatabase.postgresUrl(), TestDatabase.postgresUser());
        migration = schema.migrate();
    }

    @Test
    void migrationsApplyToRealPostgres() throws Exception {
        assertThat(migration.success).as("Flyway reported the migration as unsuccessful").isTrue();
        int files = migrationFileCount();
        assertThat(files).as("no migration files found on the classpath under " + MIGRATIONS).isGreaterThan(0);
        assertThat(migration.migrationsExecuted)
                .as("every file in " + MIGRATIONS + " is applied exactly once to a fresh schema").isEqualTo(files);
        assertThat(migration.schemaName).isEqualTo(SCHEMA);
    }

    @Test
    void migrationsCreateTheCoreTables() throws Exception {
        Set<String> tables = new TreeSet<>();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "select table_name from information_schema.tables where table_schema = ?")) {
            ps.setString(1, SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        for (String table : List.of("app_user", "requisition", "candidate", "application", "stage_change", "message",
                "rejection_reason", "requisition_status_change")) {
            assertThat(tables).as("table " + table + " missing; found " + tables).contains(table);
        }
    }

    /** V27, the one Java migration: autovacuum visits application after 2 % of its rows changed (nothing on H2: ApplicationAutovacuumTest). */
    @Test
    void autovacuumVisitsApplicationAfterTwoPercentChanged() throws Exception {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select array_to_string(c.reloptions, ',') from pg_class c join pg_namespace n"
                     + " on n.oid = c.relnamespace where n.nspname = '" + SCHEMA + "' and c.relname = 'application'")) {
            assertThat(rs.next()).as("application in " + SCHEMA).isTrue();
            assertThat(rs.getString(1)).isEqualTo("autovacuum_vacuum_scale_factor=0.02");
        }
    }

    @Test
    void secondApplicationOfSameCandidateToSameRequisitionIsRejected() throws Exception {
        try (Connection c = connect()) {
            long requisition = insertRequisition(c);
            long candidate = insertCandidate(c);
            insertApplication(c, requisition, candidate, "APPLIED");

            SQLException e = assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> insertApplication(c, requisition, candidate, "SCREENING")).actual();
            assertThat(e.getSQLState()).as("expected a unique violation, got: " + e.getMessage()).isEqualTo("23505");
            assertThat(e.getMessage()).contains("uk_application_requisition_candidate");

            // the same candidate may still apply to another requisition
            insertApplication(c, insertRequisition(c), candidate, "APPLIED");
        }
    }

    @Test
    void unknownStageIsRejected() throws Exception {
        try (Connection c = connect()) {
            long requisition = insertRequisition(c);
            long candidate = insertCandidate(c);

            SQLException e = assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> insertApplication(c, requisition, candidate, "BOGUS")).actual();
            assertThat(e.getSQLState()).as("expected a check violation, got: " + e.getMessage()).isEqualTo("23514");
            assertThat(e.getMessage()).contains("ck_application_stage");
        }
    }

    @Test
    void oneMessagePerCauseIsEnforcedByTheDatabase() throws Exception {
        try (Connection c = connect()) {
            long application = insertApplication(c, insertRequisition(c), insertCandidate(c), "OFFER");
            String cause = "stage-change:" + UUID.randomUUID();
            insertMessage(c, application, cause, "SENT");

            SQLException e = assertThatExceptionOfType(SQLException.class)
                    .isThrownBy(() -> insertMessage(c, application, cause, "QUEUED")).actual();
            assertThat(e.getSQLState()).as("expected a unique violation, got: " + e.getMessage()).isEqualTo("23505");
            assertThat(e.getMessage()).contains("uk_message_cause");
        }
    }

    /**
     * The dispatcher's claim on PostgreSQL ({@code Leases.CLAIM_DUE_SQL}): two instances claiming at once each get their
     * own messages, neither waits for the other, and none is handed out twice.
     */
    @Test
    void twoDispatchersClaimDisjointMessagesWithSkipLocked() throws Exception {
        Set<Long> queued = new TreeSet<>();
        try (Connection c = connect()) {
            long application = insertApplication(c, insertRequisition(c), insertCandidate(c), "REJECTED");
            for (int i = 0; i < 6; i++) {
                queued.add(insertMessage(c, application, "skip-locked:" + UUID.randomUUID(), "QUEUED"));
            }
        }
        try (Connection first = connect(); Connection second = connect()) {
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.setSchema(SCHEMA);
            second.setSchema(SCHEMA);
            Set<Long> claimedByFirst = claim(first, "first-instance", 3);
            // While the first still holds its row locks; a batch large enough for every message still unleased.
            Set<Long> claimedBySecond = claim(second, "second-instance", 1000);
            first.rollback();
            second.rollback();

            assertThat(claimedByFirst).as("first dispatcher: " + claimedByFirst).hasSize(3);
            assertThat(claimedBySecond)
                    .as("a message was handed to both dispatchers: " + claimedByFirst + " / " + claimedBySecond)
                    .noneMatch(claimedByFirst::contains);
            Set<Long> all = new TreeSet<>(claimedByFirst);
            all.addAll(claimedBySecond);
            assertThat(all).as("every due message is claimed by one of them").containsAll(queued);
        }
    }

    /**
     * The claim as PostgreSQL runs it ({@code Leases.CLAIM_DUE_SQL}) takes a batch, never more, however the planner
     * joins the due rows to the update: written as {@code where id in (select ... limit n for update skip locked)},
     * the subquery could run again for each row, each time finding the next n still unleased, until one claim of 50
     * had leased 1,670 (KillMidBulkPostgresIT's replica held nearly all, the other none).
     */
    @Test
    void aClaimTakesOneBatchAndTheNextClaimTheNextOne() throws Exception {
        try (Connection c = connect()) {
            long application = insertApplication(c, insertRequisition(c), insertCandidate(c), "REJECTED");
            for (int i = 0; i < 40; i++) {
                insertMessage(c, application, "claim-batch:" + UUID.randomUUID(), "QUEUED");
            }
        }
        try (Connection c = connect()) {
            c.setSchema(SCHEMA);
            Set<Long> first = claim(c, "first-instance", 3);
            Set<Long> second = claim(c, "second-instance", 3);
            assertThat(first).as("the first claim").hasSize(3);
            assertThat(second).as("the next claim").hasSize(3).doesNotContainAnyElementsOf(first);
        }
    }

    /**
     * The claim finds due messages by their due time alone (so that PostgreSQL reads them in due order, see Leases), which
     * holds because only a queued or scheduled message has one; the lease itself still takes only those.
     */
    @Test
    void aClaimLeasesOnlyQueuedOrScheduledMessagesWhateverHasADueTime() throws Exception {
        long sent;
        long cancelled;
        long queued;
        try (Connection c = connect()) {
            long application = insertApplication(c, insertRequisition(c), insertCandidate(c), "REJECTED");
            sent = insertMessage(c, application, "claim-state:" + UUID.randomUUID(), "SENT");
            cancelled = insertMessage(c, application, "claim-state:" + UUID.randomUUID(), "CANCELLED");
            queued = insertMessage(c, application, "claim-state:" + UUID.randomUUID(), "QUEUED");
        }
        try (Connection c = connect()) {
            c.setSchema(SCHEMA);
            Set<Long> claimed = claim(c, "state-instance", 1000);
            assertThat(claimed).contains(queued).doesNotContain(sent, cancelled);
            try (PreparedStatement ps = c.prepareStatement("select count(*) from message where id in (?, ?) and lease_owner is not null")) {
                ps.setLong(1, sent);
                ps.setLong(2, cancelled);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).as("leases on messages that are not waiting to go out").isZero();
                }
            }
        }
    }

    private static Set<Long> claim(Connection c, String owner, int batch) throws SQLException {
        String sql = Leases.CLAIM_DUE_SQL.replaceAll("\\?\\d", "?");
        Set<Long> ids = new TreeSet<>();
        Timestamp now = Timestamp.from(Instant.now());
        // JDBC's parameters in order of appearance: the SQL names ?1 owner, ?2 lease until, ?3 now (twice), ?4 batch
        List<Object> params = new ArrayList<>();
        Matcher m = Pattern.compile("\\?(\\d)").matcher(Leases.CLAIM_DUE_SQL);
        while (m.find()) {
            params.add(switch (m.group(1)) {
                case "1" -> owner;
                case "2" -> Timestamp.from(now.toInstant().plusSeconds(300));
                case "3" -> now;
                default -> batch;
            });
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            ps.setQueryTimeout(10);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static long insertMessage(Connection c, long application, String cause, String state) throws SQLException {
        long id = nextId(c, "message_seq");
        try (PreparedStatement ps = c.prepareStatement("insert into " + SCHEMA + ".message "
                + "(id, application_id, candidate_id, requisition_id, kind, channel, state, cause, recipient, language, subject, "
                + "body_html, body_text, sender_username, sender_name, created_at, updated_at, due_at, attempts, "
                + "message_id_header, version) "
                + "select ?, a.id, a.candidate_id, a.requisition_id, 'REJECTION', 'EMAIL', ?, ?, 'x@example.test', 'en', 's', "
                + "'<p>h</p>', 't', 'rita', 'Rita', now(), now(), now() - interval '1 minute', 0, '<m@x>', 0 "
                + "from " + SCHEMA + ".application a where a.id = ?")) {
            ps.setLong(1, id);
            ps.setString(2, state);
            ps.setString(3, cause);
            ps.setLong(4, application);
            ps.executeUpdate();
        }
        return id;
    }

    // --- helpers: plain JDBC, ids from the schema's sequences, autocommit on ---

    private static Connection connect() throws SQLException {
        return schema.connect();
    }

    private static int migrationFileCount() throws IOException, URISyntaxException {
        URL dir = PostgresMigrationTest.class.getClassLoader().getResource(MIGRATIONS);
        assertThat(dir).as(MIGRATIONS + " not on the test classpath").isNotNull();
        assertThat(dir.getProtocol()).as("expected " + MIGRATIONS + " as a directory, got " + dir).isEqualTo("file");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return (int) files.map(p -> p.getFileName().toString())
                    // SQL files, and the Java migrations of package db.migration, compiled into the same directory
                    .filter(name -> name.matches("[VR].*__.*\\.(sql|class)"))
                    .count();
        }
    }

    private static long nextId(Connection c, String sequence) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select nextval('" + SCHEMA + "." + sequence + "')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long insertUser(Connection c) throws SQLException {
        long id = nextId(c, "app_user_seq");
        try (PreparedStatement ps = c.prepareStatement("insert into " + SCHEMA + ".app_user "
                + "(id, username, password, roles, full_name, active, created_at) "
                + "values (?, ?, 'x', 'recruiter', 'Test User', true, now())")) {
            ps.setLong(1, id);
            ps.setString(2, "u-" + UUID.randomUUID().toString().substring(0, 8));
            ps.executeUpdate();
        }
        return id;
    }

    private static long insertRequisition(Connection c) throws SQLException {
        long recruiter = insertUser(c);
        long manager = insertUser(c);
        long id = nextId(c, "requisition_seq");
        try (PreparedStatement ps = c.prepareStatement("insert into " + SCHEMA + ".requisition "
                + "(id, title, recruiter_id, hiring_manager_id, status, created_at, updated_at, version) "
                + "values (?, 'Migration Test Role', ?, ?, 'OPEN', now(), now(), 0)")) {
            ps.setLong(1, id);
            ps.setLong(2, recruiter);
            ps.setLong(3, manager);
            ps.executeUpdate();
        }
        return id;
    }

    private static long insertCandidate(Connection c) throws SQLException {
        long id = nextId(c, "candidate_seq");
        try (PreparedStatement ps = c.prepareStatement("insert into " + SCHEMA + ".candidate "
                + "(id, first_name, last_name, first_name_terms, email, preferred_channel, language, "
                + "created_at, updated_at, version) "
                + "values (?, 'Test', 'Candidate', false, ?, 'EMAIL', 'en', now(), now(), 0)")) {
            ps.setLong(1, id);
            ps.setString(2, UUID.randomUUID() + "@example.test");
            ps.executeUpdate();
        }
        return id;
    }

    private static long insertApplication(Connection c, long requisition, long candidate, String stage) throws SQLException {
        long id = nextId(c, "application_seq");
        try (PreparedStatement ps = c.prepareStatement("insert into " + SCHEMA + ".application "
                + "(id, requisition_id, candidate_id, stage, stage_entered_at, created_at, updated_at, version) "
                + "values (?, ?, ?, ?, now(), now(), now(), 0)")) {
            ps.setLong(1, id);
            ps.setLong(2, requisition);
            ps.setLong(3, candidate);
            ps.setString(4, stage);
            ps.executeUpdate();
        }
        return id;
    }
}
