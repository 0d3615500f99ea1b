package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.ClosureState;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.ClosureRows;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static app.candor.closure.BoardFixtures.at;
import static app.candor.closure.BoardFixtures.promise;
import static app.candor.closure.BoardFixtures.row;
import static app.candor.closure.BoardFixtures.rows;
import static app.candor.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/**
 * The closure board over the API: the sections in their order and the order within each, what each
 * row says should happen next, paging across the sections, mine and team, and who may look. The clock
 * stands on a Friday, so that "due soon" reaches over the weekend to Monday.
 */
@QuarkusTest
class ClosureBoardTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    ApplicationService applications;

    LocalDate friday;
    User recruiter;
    Requisition requisition;

    @BeforeEach
    void onAFriday() {
        friday = BoardFixtures.aFriday();
        clock.set(at(friday, 10));
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long open() {
        return data.application(requisition, recruiter).id;
    }

    private long byPhone() {
        return applications.addCandidate(requisition.id, new CandidateInput("Mr", "Ring", "Me", false, TestData.email(),
                "+44 20 7946 0555", Channel.PHONE, "en"), recruiter).application().id;
    }

    private static JsonPath board(User user, String query) {
        return json(user).when().get("/api/board" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void sectionsComeInOrderOfUrgencyAndEachInItsOwnOrderWithoutSuspendedOrClosedApplications() {
        long overdueChased = open();
        promise(overdueChased, friday.minusDays(3));
        BoardFixtures.chase(recruiter, overdueChased, Channel.PHONE, at(friday.minusDays(1), 9));
        long overdueOldest = open();
        long overdueNewer = open();
        promise(overdueNewer, friday.minusDays(2));
        promise(overdueOldest, friday.minusDays(11));
        long chasedLongest = open();
        promise(chasedLongest, friday.plusDays(10));
        BoardFixtures.chase(recruiter, chasedLongest, Channel.EMAIL, at(friday.minusDays(4), 8));
        long chasedAndDueMonday = open();
        promise(chasedAndDueMonday, friday.plusDays(3));
        BoardFixtures.chase(recruiter, chasedAndDueMonday, Channel.EMAIL, at(friday.minusDays(1), 12));
        long dueMonday = open();
        promise(dueMonday, friday.plusDays(3));
        long dueToday = open();
        promise(dueToday, friday);
        long dueTuesday = open();
        promise(dueTuesday, friday.plusDays(4));
        long feedback = open();
        long interview = BoardFixtures.feedbackMissing(recruiter, feedback, at(friday.plusDays(1), 10), at(friday, 9));
        long call = byPhone();
        long callId = json(recruiter).body(Map.of("promisedDecisionDate", friday.plusDays(30).toString()))
                .when().post("/api/applications/" + call + "/delay").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        long failed = open();
        long failedId = BoardFixtures.bounced(failed, MessageKind.DECISION_DELAYED, at(friday, 8));
        long closed = open();
        promise(closed, friday.minusDays(20), ClosureState.CLOSED);
        long suspended = open();
        BoardFixtures.chase(recruiter, suspended, Channel.PHONE, at(friday.minusDays(1), 10));
        promise(suspended, friday.minusDays(20), ClosureState.SUSPENDED);

        JsonPath board = board(recruiter, "");

        assertThat(board.getString("scope")).as("a recruiter's board defaults to their own requisitions").isEqualTo("mine");
        assertThat(rows(board)).containsExactly(
                row(BoardSection.OVERDUE_CHASED, overdueChased),
                row(BoardSection.OVERDUE, overdueOldest),
                row(BoardSection.OVERDUE, overdueNewer),
                row(BoardSection.CHASED, chasedLongest),
                row(BoardSection.CHASED, chasedAndDueMonday),
                row(BoardSection.DUE_SOON, dueToday),
                row(BoardSection.DUE_SOON, dueMonday),
                row(BoardSection.FEEDBACK_MISSING, feedback),
                row(BoardSection.CALL_PENDING, call),
                row(BoardSection.FAILED, failed));
        assertThat(board.getList("sections.section", String.class)).containsExactly("OVERDUE_CHASED", "OVERDUE", "CHASED",
                "DUE_SOON", "FEEDBACK_MISSING", "CALL_PENDING", "FAILED");
        assertThat(board.getList("sections.count", Integer.class)).containsExactly(1, 2, 2, 2, 1, 1, 1);
        assertThat(board.getInt("total")).isEqualTo(10);
        assertThat(board.getInt("page")).isEqualTo(1);
        assertThat(board.getInt("pages")).isEqualTo(1);

        // The first row: late by Wednesday, Thursday and Friday; chased by phone; decide, delay, or say it was answered.
        assertThat(board.getString("rows[0].closureDue")).isEqualTo(friday.minusDays(3).toString());
        assertThat(board.getInt("rows[0].daysOver")).isEqualTo(3);
        assertThat(board.getString("rows[0].promise")).isEqualTo("3 business days over");
        assertThat(board.getString("rows[0].chasedAt")).isEqualTo(at(friday.minusDays(1), 9).toString());
        assertThat(board.getString("rows[0].chasedBy")).isEqualTo("PHONE");
        assertThat(board.getList("rows[0].actions.kind", String.class)).containsExactly("SEND_OUTCOME", "DELAY", "ANSWERED");
        assertThat(board.getString("rows[0].actions[0].href")).isEqualTo("/applications/" + overdueChased + "?action=outcome#action-panel");
        assertThat(board.getString("rows[0].actions[2].method")).isEqualTo("POST");
        assertThat(board.getString("rows[0].actions[2].api.href")).isEqualTo("/api/applications/" + overdueChased + "/chasers/answered");
        assertThat(board.getList("rows[1].actions.kind", String.class)).containsExactly("SEND_OUTCOME", "DELAY", "LOG_CHASER");
        assertThat(board.getString("rows[1].candidate.name")).isEqualTo("Test Candidate");
        assertThat(board.getString("rows[1].requisition.title")).isEqualTo(requisition.title);
        assertThat(board.getString("rows[1].recruiter.username")).isEqualTo(recruiter.username);
        // Due today and due Monday: across the weekend Monday is one business day away.
        assertThat(board.getString("rows[5].promise")).isEqualTo("due today");
        assertThat(board.getInt("rows[6].daysLeft")).isEqualTo(1);
        assertThat(board.getLong("rows[7].interviewId")).isEqualTo(interview);
        assertThat(board.getList("rows[7].actions.href", String.class)).containsExactly("/interviews/" + interview + "/feedback");
        assertThat(board.getLong("rows[8].messageId")).isEqualTo(callId);
        assertThat(board.getList("rows[8].actions.kind", String.class)).containsExactly("MARK_CALL_DONE");
        assertThat(board.getString("rows[8].actions[0].api.href")).isEqualTo("/api/messages/" + callId + "/call-done");
        assertThat(board.getLong("rows[9].messageId")).isEqualTo(failedId);
        assertThat(board.getList("rows[9].actions.kind", String.class)).containsExactly("FIX_ADDRESS", "RESEND");
        assertThat(board.getString("rows[9].about")).contains("550 5.1.1");
        assertThat(rows(board)).noneMatch(r -> r.endsWith(":" + closed) || r.endsWith(":" + suspended) || r.endsWith(":" + dueTuesday));
    }

    @Test
    void aDecisionNotYetToldIsFinishedBeforeAnythingElse() {
        long silentlyRejected = open();
        TestData.untoldAt(silentlyRejected, Stage.REJECTED);
        promise(silentlyRejected, friday.minusDays(4));
        long rejectionByPhone = byPhone();
        long callId = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1))
                .when().post("/api/applications/" + rejectionByPhone + "/outcome").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        promise(rejectionByPhone, friday.minusDays(3));
        long bounced = open();
        TestData.untoldAt(bounced, Stage.REJECTED);
        BoardFixtures.bounced(bounced, MessageKind.REJECTION, at(friday, 8));
        promise(bounced, friday.minusDays(2));
        long scheduled = open();
        long scheduledId = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "sendAt", at(friday.plusDays(3), 9).toString()))
                .when().post("/api/applications/" + scheduled + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
        promise(scheduled, friday.minusDays(1));
        assertThat(Api.db(() -> Message.<Message>findById(scheduledId).state)).isEqualTo(MessageState.SCHEDULED);

        JsonPath board = board(recruiter, "?scope=mine");

        assertThat(rows(board)).startsWith(
                row(BoardSection.OVERDUE, silentlyRejected),
                row(BoardSection.OVERDUE, rejectionByPhone),
                row(BoardSection.OVERDUE, bounced),
                row(BoardSection.OVERDUE, scheduled));
        assertThat(board.getList("rows[0].actions.kind", String.class)).containsExactly("TELL_CANDIDATE");
        assertThat(board.getString("rows[0].stage")).isEqualTo("REJECTED");
        assertThat(board.getList("rows[1].actions.kind", String.class)).containsExactly("MARK_CALL_DONE");
        assertThat(board.getString("rows[1].actions[0].href")).isEqualTo("/messages/" + callId + "#call-done");
        assertThat(board.getList("rows[2].actions.kind", String.class)).containsExactly("FIX_ADDRESS");
        assertThat(board.getString("rows[2].actions[0].href")).isEqualTo("/candidates/"
                + Api.db(() -> Application.<Application>findById(bounced).candidate.id));
        assertThat(board.getList("rows[3].actions.kind", String.class)).containsExactly("SEND_NOW");
        // The call is also a call to make, further down.
        assertThat(rows(board)).contains(row(BoardSection.CALL_PENDING, rejectionByPhone));
    }

    @Test
    void pagesFollowTheSectionsWithoutGapsOrDuplicates() {
        long chased = open();
        promise(chased, friday.minusDays(1));
        BoardFixtures.chase(recruiter, chased, Channel.EMAIL, at(friday, 8));
        List<Long> overdue = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            overdue.add(open());
        }
        // Twenty different promises, three applications each: the order within a promise is by id.
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < overdue.size(); i++) {
                ClosureRows.due(friday.minusDays(1 + i % 20), overdue.get(i));
            }
        });
        List<Long> dueSoon = List.of(open(), open(), open());
        dueSoon.forEach(id -> promise(id, friday.plusDays(3)));

        List<String> expected = new ArrayList<>();
        expected.add(row(BoardSection.OVERDUE_CHASED, chased));
        overdue.stream().sorted(Comparator.<Long, LocalDate>comparing(id -> friday.minusDays(1 + overdue.indexOf(id) % 20))
                .thenComparing(Comparator.naturalOrder())).forEach(id -> expected.add(row(BoardSection.OVERDUE, id)));
        dueSoon.stream().sorted().forEach(id -> expected.add(row(BoardSection.DUE_SOON, id)));

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonPath board = board(recruiter, "?page=" + page);
            assertThat(board.getInt("page")).isEqualTo(page);
            assertThat(board.getInt("pages")).isEqualTo(3);
            assertThat(board.getInt("total")).isEqualTo(64);
            assertThat(board.getInt("pageSize")).isEqualTo(25);
            assertThat(board.getList("sections.count", Integer.class)).containsExactly(1, 60, 0, 3, 0, 0, 0);
            assertThat(board.getList("sections.page", Integer.class)).as("the page each section starts on")
                    .containsExactly(1, 1, null, 3, null, null, null);
            assertThat(rows(board)).hasSize(page < 3 ? 25 : 14);
            seen.addAll(rows(board));
        }
        assertThat(new HashSet<>(seen)).as("no row twice").hasSize(seen.size());
        assertThat(seen).as("every row once, in order, across the pages").isEqualTo(expected);

        JsonPath past = board(recruiter, "?page=4");
        assertThat(past.getList("rows")).isEmpty();
        assertThat(past.getInt("pages")).isEqualTo(3);
    }

    @Test
    void mineIsTheRecruitersOwnRequisitionsAndTeamIsEveryonesWithTheRecruiterNamed() {
        long mine = open();
        promise(mine, friday.minusDays(2));
        User colleague = data.recruiter();
        Requisition theirs = data.requisition(colleague, data.hiringManager());
        long theirsOverdue = data.application(theirs, colleague).id;
        promise(theirsOverdue, friday.minusDays(2));

        assertThat(rows(board(recruiter, "?scope=mine"))).contains(row(BoardSection.OVERDUE, mine))
                .doesNotContain(row(BoardSection.OVERDUE, theirsOverdue));
        assertThat(rows(board(colleague, ""))).containsExactly(row(BoardSection.OVERDUE, theirsOverdue));

        // The team's board has everyone's (other tests' too): walk its pages and find both, each with its recruiter.
        Map<Long, String> recruiters = new java.util.HashMap<>();
        JsonPath first = board(recruiter, "?scope=team");
        assertThat(first.getString("scope")).isEqualTo("team");
        for (int page = 1; page <= first.getInt("pages"); page++) {
            JsonPath board = board(recruiter, "?scope=team&page=" + page);
            List<Long> ids = board.getList("rows.applicationId", Long.class);
            List<String> names = board.getList("rows.recruiter.username", String.class);
            for (int i = 0; i < ids.size(); i++) {
                recruiters.put(ids.get(i), names.get(i));
            }
        }
        assertThat(recruiters).containsEntry(mine, recruiter.username).containsEntry(theirsOverdue, colleague.username);

        assertThat(board(data.admin(), "").getString("scope")).as("an admin's board defaults to the team").isEqualTo("team");
    }

    @Test
    void hiringManagersAreRefusedAnonymousCallersMustSignInAndBadParametersAreNamed() {
        User manager = data.hiringManager();
        Api.problem(json(manager).when().get("/api/board"), 403);
        PageSession.signIn(manager).request().when().get("/board").then().statusCode(403);
        given().when().get("/api/board").then().statusCode(401);
        PageSession.anonymous().when().get("/board").then().statusCode(302).header("Location", endsWith("/login"));

        assertThat(Api.errorFields(Api.problem(json(recruiter).when().get("/api/board?scope=everyone"), 400, "scope")))
                .containsExactly("scope");
        assertThat(Api.errorFields(Api.problem(json(recruiter).when().get("/api/board?page=0"), 400, "page"))).containsExactly("page");
        Api.problem(json(recruiter).when().get("/api/board?page=two"), 400, "page");
    }

    @Test
    void theBoardPageShowsTheCountsTheRowsAndTheirActions() {
        long overdue = open();
        promise(overdue, friday.minusDays(2));
        PageSession session = PageSession.signIn(recruiter);
        session.get("/board").then().statusCode(200)
                .body(containsString("id=\"count-OVERDUE\""), containsString("id=\"section-OVERDUE\""),
                        containsString("data-application=\"" + overdue + "\""),
                        containsString("href=\"/applications/" + overdue + "?action=outcome#action-panel\""),
                        containsString("Page 1 of 1"), containsString("href=\"/board\">Closure board</a>"));
    }

    @Test
    void theBoardFiltersByRequisitionAndByRecruiterAndRefusesUnknownIds() {
        long here = open();
        promise(here, friday.minusDays(2));
        Requisition other = data.requisition(recruiter, data.hiringManager());
        long there = data.application(other, recruiter).id;
        promise(there, friday.minusDays(2));
        User colleague = data.recruiter();
        long theirs = data.application(data.requisition(colleague, data.hiringManager()), colleague).id;
        promise(theirs, friday.minusDays(2));

        assertThat(rows(board(recruiter, "?requisition=" + requisition.id))).containsExactly(row(BoardSection.OVERDUE, here));
        JsonPath narrowed = board(recruiter, "?scope=team&requisition=" + other.id);
        assertThat(rows(narrowed)).containsExactly(row(BoardSection.OVERDUE, there));
        assertThat(narrowed.getLong("filter.requisition")).isEqualTo(other.id);
        // A colleague chosen without a scope: the team's board, narrowed to their requisitions.
        JsonPath colleagues = board(recruiter, "?recruiter=" + colleague.id);
        assertThat(colleagues.getString("scope")).isEqualTo("team");
        assertThat(rows(colleagues)).containsExactly(row(BoardSection.OVERDUE, theirs));
        assertThat(rows(board(data.admin(), "?recruiter=" + recruiter.id + "&requisition=" + other.id)))
                .containsExactly(row(BoardSection.OVERDUE, there));

        Api.problem(json(recruiter).when().get("/api/board?requisition=999999999"), 400, "requisition");
        Api.problem(json(recruiter).when().get("/api/board?requisition=x"), 400, "requisition");
        Api.problem(json(recruiter).when().get("/api/board?recruiter=" + data.hiringManager().id), 400, "recruiter");
        Api.problem(json(recruiter).when().get("/api/board?scope=mine&recruiter=" + colleague.id), 400, "recruiter");

        PageSession session = PageSession.signIn(recruiter);
        session.get("/board?requisition=" + other.id).then().statusCode(200)
                .body(containsString("data-application=\"" + there + "\""),
                        org.hamcrest.Matchers.not(containsString("data-application=\"" + here + "\"")),
                        containsString("<option value=\"" + other.id + "\" selected>"), containsString("id=\"clear-filter\""));
        session.get("/board?requisition=999999999").then().statusCode(400).body(containsString("requisition"));
    }
}
