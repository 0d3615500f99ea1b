package app.candor.closure;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static app.candor.closure.BoardFixtures.at;
import static app.candor.closure.BoardFixtures.promise;
import static app.candor.closure.BoardFixtures.row;
import static app.candor.closure.BoardFixtures.rows;
import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board's application sections are read in two steps (the page's ids off the board index, then those
 * applications with their candidate, requisition and recruiter): every page, deep ones and those where one
 * section ends and the next begins, has each row once, in its section's order, with its own candidate,
 * requisition and promise.
 */
@QuarkusTest
class BoardDeepPagesTest {

    static final int EACH = 28; // four sections of 28: 112 rows, five pages, each section ending mid-page

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    LocalDate friday;
    User recruiter;

    @BeforeEach
    void onAFriday() {
        friday = BoardFixtures.aFriday();
        clock.set(at(friday, 10));
        recruiter = data.recruiter();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** What a row should say about its application, read from the database. */
    record Expected(long id, String candidate, long requisitionId, String requisitionTitle, LocalDate due, Instant chasedAt) {
    }

    @Test
    void everyPageHasItsRowsOnceInOrderEachWithItsOwnCandidateRequisitionAndPromise() {
        // Two requisitions, so that the team's order (by requisition after the promise) has ties to break.
        Requisition first = data.requisition(recruiter, data.hiringManager());
        Requisition second = data.requisition(recruiter, data.hiringManager());
        List<Long> overdueChased = new ArrayList<>();
        List<Long> overdue = new ArrayList<>();
        List<Long> chased = new ArrayList<>();
        List<Long> dueSoon = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            for (List<Long> section : List.of(overdueChased, overdue, chased, dueSoon)) {
                section.add(data.application(i % 2 == 0 ? second : first, recruiter).id);
            }
        }
        // Few distinct promises and chase times, so that the order within each depends on the tie-breakers too.
        for (int i = 0; i < EACH; i++) {
            promise(overdueChased.get(i), friday.minusDays(1 + i % 4));
            promise(overdue.get(i), friday.minusDays(1 + i % 5));
            promise(chased.get(i), friday.plusDays(10 + i % 3));
            promise(dueSoon.get(i), friday.plusDays(i % 4)); // Friday to Monday
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < EACH; i++) {
                Instant chasedAt = at(friday, 8).minusSeconds(60L * (i % 6));
                Application.update("chasedAt = ?1 where id = ?2", chasedAt, overdueChased.get(i));
                Application.update("chasedAt = ?1 where id = ?2", chasedAt, chased.get(i));
            }
        });
        Map<Long, Expected> expected = expected();

        List<String> order = new ArrayList<>();
        sorted(overdueChased, expected, Comparator.comparing(Expected::due).thenComparing(Expected::id))
                .forEach(id -> order.add(row(BoardSection.OVERDUE_CHASED, id)));
        sorted(overdue, expected, Comparator.comparing(Expected::due).thenComparing(Expected::id))
                .forEach(id -> order.add(row(BoardSection.OVERDUE, id)));
        sorted(chased, expected, Comparator.comparing(Expected::chasedAt).thenComparing(Expected::id))
                .forEach(id -> order.add(row(BoardSection.CHASED, id)));
        sorted(dueSoon, expected, Comparator.comparing(Expected::due).thenComparing(Expected::id))
                .forEach(id -> order.add(row(BoardSection.DUE_SOON, id)));

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 5; page++) {
            JsonPath board = board("?scope=mine&page=" + page);
            assertThat(board.getInt("total")).isEqualTo(4 * EACH);
            assertThat(board.getInt("pages")).isEqualTo(5);
            assertThat(rows(board)).hasSize(page < 5 ? 25 : 4 * EACH - 100);
            seen.addAll(rows(board));
            assertRowsDescribeTheirApplications(board, expected);
        }
        assertThat(seen).as("mine: every row once, in its section's order, across the pages").isEqualTo(order);

        // The team's board holds other tests' rows too: walk all of it, check each section's order from the rows
        // themselves, and that ours are all there, each described as in the database.
        JsonPath firstPage = board("?scope=team");
        List<Map<String, Object>> all = new ArrayList<>();
        for (int page = 1; page <= firstPage.getInt("pages"); page++) {
            JsonPath board = board("?scope=team&page=" + page);
            all.addAll(board.getList("rows"));
            assertRowsDescribeTheirApplications(board, expected);
        }
        List<String> teamRows = all.stream().map(r -> r.get("section") + ":" + r.get("applicationId")).toList();
        assertThat(new HashSet<>(teamRows)).as("team: no row twice").hasSize(teamRows.size());
        assertThat(teamRows).as("team: ours all there").containsAll(order);
        for (int i = 1; i < all.size(); i++) {
            Map<String, Object> before = all.get(i - 1);
            Map<String, Object> after = all.get(i);
            if (Objects.equals(before.get("section"), after.get("section")) && before.get("applicationId") != null) {
                assertThat(teamKey(before)).as("team: %s before %s", teamRows.get(i - 1), teamRows.get(i))
                        .isLessThan(teamKey(after));
            }
        }
    }

    private JsonPath board(String query) {
        return json(recruiter).when().get("/api/board" + query).then().statusCode(200).extract().jsonPath();
    }

    private static List<Long> sorted(List<Long> ids, Map<Long, Expected> expected, Comparator<Expected> order) {
        return ids.stream().map(expected::get).sorted(order).map(Expected::id).toList();
    }

    private Map<Long, Expected> expected() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, Expected> out = new HashMap<>();
            Application.<Application>list("requisition.recruiter.id", recruiter.id).forEach(a -> out.put(a.id, new Expected(a.id,
                    a.candidate.displayName(), a.requisition.id, a.requisition.title, a.closure.due(), a.chasedAt)));
            return out;
        });
    }

    private static void assertRowsDescribeTheirApplications(JsonPath board, Map<Long, Expected> expected) {
        List<Map<String, Object>> rows = board.getList("rows");
        for (int i = 0; i < rows.size(); i++) {
            Expected e = expected.get(board.getLong("rows[" + i + "].applicationId"));
            if (e == null) {
                continue; // another test's application (team board)
            }
            String at = "rows[" + i + "].";
            assertThat(board.getString(at + "candidate.name")).as("candidate of %s", e.id()).isEqualTo(e.candidate());
            assertThat(board.getLong(at + "requisition.id")).as("requisition of %s", e.id()).isEqualTo(e.requisitionId());
            assertThat(board.getString(at + "requisition.title")).as("requisition of %s", e.id()).isEqualTo(e.requisitionTitle());
            assertThat(board.getString(at + "closureDue")).as("promise of %s", e.id()).isEqualTo(e.due().toString());
            assertThat(board.getString(at + "chasedAt") == null ? null : Instant.parse(board.getString(at + "chasedAt")))
                    .as("chased %s", e.id()).isEqualTo(e.chasedAt());
        }
    }

    /** The team's order within an application section, from a row: as the board indexes sort (chased, promise, requisition, id). */
    private static String teamKey(Map<String, Object> row) {
        String section = (String) row.get("section");
        Object chasedAt = row.get("chasedAt");
        String due = String.valueOf(row.get("closureDue"));
        long requisition = ((Number) ((Map<?, ?>) row.get("requisition")).get("id")).longValue();
        long id = ((Number) row.get("applicationId")).longValue();
        String tail = String.format("%020d", id);
        return switch (section) {
            case "OVERDUE_CHASED" -> due + "|" + tail;
            case "CHASED" -> {
                Instant at = Instant.parse((String) chasedAt); // compared as instants: ISO strings differ in their fractions
                yield String.format("%020d%09d", at.getEpochSecond(), at.getNano()) + "|" + tail;
            }
            default -> due + "|" + String.format("%020d", requisition) + "|" + tail;
        };
    }
}
