package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.ClosureRows;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The closure statistics: closures seeded on time and late across ISO weeks (the clock fixed on Wednesday
 * 18 June 2031, week 25), read back through GET /api/closure/stats and the /board/stats page.
 */
@QuarkusTest
class ClosureStatsTest {

    static final Instant NOW = Instant.parse("2031-06-18T10:00:00Z");
    static final LocalDate TODAY = LocalDate.parse("2031-06-18");

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    User alice;
    User bob;
    Requisition backend;
    Requisition designer;
    Requisition bobs;

    @BeforeEach
    void setUp() {
        clock.set(NOW);
        alice = data.recruiter(TestData.unique("Alice Able"), "Talent Partner");
        bob = data.recruiter(TestData.unique("Bob Baker"), "Recruiter");
        User manager = data.hiringManager();
        backend = data.requisition(alice, manager, TestData.unique("Backend Engineer"));
        designer = data.requisition(alice, manager, TestData.unique("Product Designer"));
        bobs = data.requisition(bob, manager, TestData.unique("Data Analyst"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // --- seeding -------------------------------------------------------------------------------

    /** An application closed at {@code closedAt}, {@code days} days after it was created, on time or late. */
    private void closed(Requisition requisition, User recruiter, String closedAt, int days, boolean late) {
        Application a = data.application(requisition, recruiter);
        Instant at = Instant.parse(closedAt);
        QuarkusTransaction.requiringNew().run(() -> Application.update(
                "createdAt = ?1, closure.state = ?2, closure.closedAt = ?3, closure.closedLate = ?4 where id = ?5",
                at.minus(Duration.ofDays(days)), ClosureState.CLOSED, at, late, a.id));
    }

    /** An application in {@code state} whose promised date is {@code due}. */
    private void promised(Requisition requisition, User recruiter, ClosureState state, String due) {
        Application a = data.application(requisition, recruiter);
        QuarkusTransaction.requiringNew().run(() -> {
            ClosureRows.due(LocalDate.parse(due), a.id);
            ClosureRows.state(state, a.id);
        });
    }

    /**
     * Alice: seven closures in weeks 22 to 25 (durations 1, 2, 3, 5, 8, 13, 21 days), one just before week 22,
     * two open overdue, one open due today, one suspended past its date. Bob: one closure, one open overdue.
     */
    private void seed() {
        closed(backend, alice, "2031-06-16T08:00:00Z", 1, false);   // week 25
        closed(backend, alice, "2031-06-17T15:00:00Z", 2, false);   // week 25
        closed(designer, alice, "2031-06-18T09:00:00Z", 3, true);   // week 25
        closed(designer, alice, "2031-06-10T12:00:00Z", 5, false);  // week 24
        closed(backend, alice, "2031-06-15T23:59:59Z", 8, true);    // week 24, its last second
        closed(backend, alice, "2031-05-26T00:00:00Z", 13, false);  // week 22, its first instant
        closed(designer, alice, "2031-05-30T12:00:00Z", 21, true);  // week 22
        closed(backend, alice, "2031-05-25T23:59:59Z", 100, false); // week 21: outside a 4-week window
        promised(backend, alice, ClosureState.OPEN, "2031-06-17");
        promised(designer, alice, ClosureState.OPEN, "2031-06-01");
        promised(designer, alice, ClosureState.OPEN, "2031-06-18");      // due today: not overdue yet
        promised(backend, alice, ClosureState.SUSPENDED, "2031-06-01");  // role on hold: not counted
        closed(bobs, bob, "2031-06-16T12:00:00Z", 4, false);
        promised(bobs, bob, ClosureState.OPEN, "2031-06-02");
    }

    private static JsonPath stats(User user, String query) {
        return json(user).when().get("/api/closure/stats" + query).then().statusCode(200).extract().jsonPath();
    }

    // --- the figures ---------------------------------------------------------------------------

    @Test
    void aRecruitersOwnFiguresPerIsoWeekRecruiterAndRequisitionWithMedianAndOpenOverdue() {
        seed();
        JsonPath s = stats(alice, "?weeks=4&scope=mine");

        assertThat(s.getString("scope")).isEqualTo("mine");
        assertThat(s.getString("today")).isEqualTo("2031-06-18");
        assertThat(s.getString("from")).isEqualTo("2031-05-26");
        assertThat(s.getString("until")).isEqualTo("2031-06-22");
        assertThat(s.getList("weekly.week", String.class)).containsExactly("2031-W22", "2031-W23", "2031-W24", "2031-W25");
        assertThat(s.getList("weekly.start", String.class)).containsExactly("2031-05-26", "2031-06-02", "2031-06-09", "2031-06-16");
        assertThat(s.getList("weekly.closed", Long.class)).containsExactly(2L, 0L, 2L, 3L);
        assertThat(s.getList("weekly.onTime", Long.class)).containsExactly(1L, 0L, 1L, 2L);
        assertThat(s.getList("weekly.late", Long.class)).containsExactly(1L, 0L, 1L, 1L);
        assertThat(s.<Float>getList("weekly.onTimeRate")).containsExactly(0.5f, null, 0.5f, 0.6667f);

        assertThat(s.getLong("closed")).isEqualTo(7);
        assertThat(s.getLong("onTime")).isEqualTo(4);
        assertThat(s.getDouble("onTimeRate")).isCloseTo(4.0 / 7, within(0.0001));
        assertThat(s.getDouble("medianDaysToClosure")).as("median of 1, 2, 3, 5, 8, 13, 21 days").isEqualTo(5.0);
        assertThat(s.getLong("openOverdue")).isEqualTo(2);

        assertThat(s.getList("byRecruiter")).hasSize(1);
        assertThat(s.getLong("byRecruiter[0].recruiterId")).isEqualTo(alice.id);
        assertThat(s.getString("byRecruiter[0].recruiter")).isEqualTo(alice.fullName);
        assertThat(s.getLong("byRecruiter[0].closed")).isEqualTo(7);
        assertThat(s.getLong("byRecruiter[0].onTime")).isEqualTo(4);
        assertThat(s.getLong("byRecruiter[0].openOverdue")).isEqualTo(2);

        Map<String, Object> backendRow = requisitionRow(s, backend);
        assertThat(backendRow).containsEntry("closed", 4).containsEntry("onTime", 3).containsEntry("onTimeRate", 0.75f)
                .containsEntry("openOverdue", 1).containsEntry("recruiter", alice.fullName);
        Map<String, Object> designerRow = requisitionRow(s, designer);
        assertThat(designerRow).containsEntry("closed", 3).containsEntry("onTime", 1).containsEntry("onTimeRate", 0.3333f)
                .containsEntry("openOverdue", 1);
        assertThat(s.getList("byRequisition.requisitionId", Long.class)).doesNotContain(bobs.id);
    }

    private static Map<String, Object> requisitionRow(JsonPath s, Requisition r) {
        List<Map<String, Object>> rows = s.getList("byRequisition");
        return rows.stream().filter(row -> ((Number) row.get("requisitionId")).longValue() == r.id).findFirst()
                .orElseThrow(() -> new AssertionError("no row for requisition " + r.id + " in " + rows));
    }

    @Test
    void theTeamScopeHasEveryRecruiterAndCountsOpenOverdueAcrossTheWholeTeam() {
        seed();
        JsonPath team = stats(alice, "?weeks=4&scope=team");

        assertThat(team.getString("scope")).isEqualTo("team");
        List<Map<String, Object>> recruiters = team.getList("byRecruiter");
        assertThat(recruiters).anySatisfy(r -> assertThat(r).containsEntry("recruiter", alice.fullName).containsEntry("closed", 7)
                .containsEntry("onTime", 4).containsEntry("openOverdue", 2));
        assertThat(recruiters).anySatisfy(r -> assertThat(r).containsEntry("recruiter", bob.fullName).containsEntry("closed", 1)
                .containsEntry("onTime", 1).containsEntry("onTimeRate", 1.0f).containsEntry("openOverdue", 1));
        long overdueEverywhere = Api.db(() -> Application.count("closure.state = ?1 and closure.due < ?2", ClosureState.OPEN, TODAY));
        assertThat(team.getLong("openOverdue")).as("every open application past its date, other tests' too").isEqualTo(overdueEverywhere);
        assertThat(team.getLong("closed")).isGreaterThanOrEqualTo(8);
        assertThat(team.getList("weekly.closed", Long.class).get(3)).isGreaterThanOrEqualTo(4L);

        JsonPath bobsOwn = stats(bob, "?weeks=4&scope=mine");
        assertThat(bobsOwn.getLong("closed")).isEqualTo(1);
        assertThat(bobsOwn.getLong("openOverdue")).isEqualTo(1);
        assertThat(bobsOwn.getDouble("medianDaysToClosure")).isEqualTo(4.0);
        assertThat(bobsOwn.getList("byRecruiter.recruiter", String.class)).containsExactly(bob.fullName);
    }

    @Test
    void withoutParametersARecruiterGetsTwelveWeeksOfTheirOwnEndingThisWeek() {
        seed();
        JsonPath s = stats(alice, "");
        assertThat(s.getString("scope")).isEqualTo("mine");
        assertThat(s.getInt("weeks")).isEqualTo(12);
        assertThat(s.getList("weekly")).hasSize(12);
        assertThat(s.getString("weekly[11].week")).isEqualTo("2031-W25");
        assertThat(s.getLong("closed")).as("the week-21 closure is inside twelve weeks").isEqualTo(8);
        assertThat(s.getDouble("medianDaysToClosure")).as("median of 1, 2, 3, 5, 8, 13, 21, 100 days").isEqualTo(6.5);

        JsonPath thisWeek = stats(alice, "?weeks=1");
        assertThat(thisWeek.getList("weekly.week", String.class)).containsExactly("2031-W25");
        assertThat(thisWeek.getLong("closed")).isEqualTo(3);
        assertThat(thisWeek.getLong("onTime")).isEqualTo(2);
    }

    @Test
    void nothingClosedGivesNoRateAndNoMedianRatherThanZero() {
        JsonPath s = stats(alice, "?weeks=2&scope=mine");
        assertThat(s.getLong("closed")).isZero();
        assertThat(s.getString("onTimeRate")).isNull();
        assertThat(s.getString("medianDaysToClosure")).isNull();
        assertThat(s.getList("weekly.onTimeRate")).containsExactly(null, null);
        assertThat(s.getList("byRecruiter")).isEmpty();
    }

    // --- who may ask, and what ----------------------------------------------------------------

    @Test
    void adminsSeeTheTeamHiringManagersAreRefusedAnonymousCallersMustSignIn() {
        seed();
        User admin = data.admin();
        JsonPath s = stats(admin, "?weeks=4");
        assertThat(s.getString("scope")).as("an admin recruits for nothing: the team by default").isEqualTo("team");
        assertThat(s.getList("byRecruiter.recruiter", String.class)).contains(alice.fullName, bob.fullName);
        assertThat(stats(admin, "?weeks=4&scope=mine").getLong("closed")).isZero();

        problem(json(data.hiringManager()).when().get("/api/closure/stats"), 403);
        given().when().get("/api/closure/stats").then().statusCode(401);
    }

    @Test
    void weeksOutsideOneToFiftyTwoAndUnknownScopesAreRefusedWithTheReason() {
        for (String weeks : List.of("0", "53", "-1", "abc", "1.5")) {
            JsonPath p = problem(json(alice).when().get("/api/closure/stats?weeks=" + weeks), 400, "weeks", "1 to 52");
            assertThat(Api.errorFields(p)).containsExactly("weeks");
        }
        JsonPath p = problem(json(alice).when().get("/api/closure/stats?scope=everyone"), 400, "scope", "mine", "team");
        assertThat(Api.errorFields(p)).containsExactly("scope");
        JsonPath both = problem(json(alice).when().get("/api/closure/stats?weeks=99&scope=x"), 400);
        assertThat(Api.errorFields(both)).containsExactlyInAnyOrder("weeks", "scope");
    }

    // --- the page ------------------------------------------------------------------------------

    private static final Pattern DATA = Pattern.compile(
            "<script type=\"application/json\" id=\"closure-chart-data\">(.*?)</script>", Pattern.DOTALL);

    @Test
    void thePageShowsTheNumbersInTablesAndAHostileTitleCannotLeaveTheChartData() {
        String hostile = "</script><script>window.pwned=1</script><!-- line\u2028separator & more";
        Requisition evil = data.requisition(alice, data.hiringManager(), hostile);
        closed(evil, alice, "2031-06-17T09:00:00Z", 6, false);
        seed();

        Response page = PageSession.signIn(alice).get("/board/stats?weeks=4");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.asString();
        assertThat(html).doesNotContain("window.pwned=1</script>").doesNotContain("<script>window.pwned");
        Matcher m = DATA.matcher(html);
        assertThat(m.find()).as("the chart data element").isTrue();
        String island = m.group(1);
        assertThat(island).doesNotContain("<").doesNotContain(">").doesNotContain("&").doesNotContain("\u2028")
                .containsIgnoringCase("\\u003c/script\\u003e").containsIgnoringCase("line\\u2028separator");
        JsonPath data = JsonPath.from(island);
        assertThat(data.getList("byRequisition.title", String.class)).contains(hostile);
        assertThat(data.getList("weekly.closed", Long.class)).containsExactly(2L, 0L, 2L, 4L);

        assertThat(html).contains("id=\"closure-chart\"").contains("/webjars/chart.js/4.4.1/dist/chart.umd.js")
                .contains("/static/closure-chart.js");
        assertThat(html).containsPattern("id=\"closure-median\">5\\.5<")
                .containsPattern("id=\"closure-overdue\">2<")
                .containsPattern("id=\"closure-on-time\">63% \\(5 of 8 closures\\)<");
        assertThat(html).contains("<td>" + alice.fullName + "</td><td class=\"num\">8</td><td class=\"num\">5</td>"
                + "<td class=\"num\">63%</td><td class=\"num\">2</td>");
        assertThat(html).contains("<td>2031-W25</td>");
    }

    @Test
    void thePageIsForRecruitersAndAdminsAndShowsABadChoiceWithTheDefaults() {
        PageSession.anonymous().when().get("/board/stats").then().statusCode(302);
        assertThat(PageSession.signIn(data.hiringManager()).request().when().get("/board/stats").statusCode()).isEqualTo(403);
        assertThat(PageSession.signIn(data.admin()).request().when().get("/board/stats").statusCode()).isEqualTo(200);

        Response refused = PageSession.signIn(alice).get("/board/stats?weeks=60");
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.asString()).contains("class=\"errors\"").contains("from 1 to 52").contains("value=\"60\"")
                .contains("<td>2031-W25</td>").contains("<td>2031-W14</td>");
    }

    @Test
    void theChartScriptsAreServed() {
        given().when().get("/static/closure-chart.js").then().statusCode(200);
        PageSession.signIn(alice).request().when().get("/webjars/chart.js/4.4.1/dist/chart.umd.js").then().statusCode(200);
    }
}
