package app.candor.application;

import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * POST /api/applications/{id}/stage: the stage rules, corrections, and the promised decision date.
 * The clock stands on a Friday morning so that business-day promises are exact dates.
 */
@QuarkusTest
class StageMoveTest {

    /** Friday 5 March 2027, 10:00 UTC. */
    static final Instant FRIDAY_MORNING = Instant.parse("2027-03-05T10:00:00Z");
    static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    User recruiter;
    Requisition requisition;

    @BeforeEach
    void onAFriday() {
        assertEquals(DayOfWeek.FRIDAY, FRIDAY.getDayOfWeek());
        clock.set(FRIDAY_MORNING);
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Response move(long applicationId, Map<String, ?> body) {
        return json(recruiter).body(body).when().post("/api/applications/" + applicationId + "/stage");
    }

    private static Application read(long id) {
        return Api.db(() -> Application.<Application>findById(id));
    }

    private static long historyCount() {
        return TestData.count(StageChange.class);
    }

    /** The application as stored, and its history size, so that a refusal can be shown to change nothing. */
    private record Snapshot(Stage stage, LocalDate promise, int version, long history) {
        static Snapshot of(long id) {
            Application a = read(id);
            return new Snapshot(a.stage, a.promisedDecisionDate, a.version, historyCount());
        }
    }

    // --- promised decision dates ---------------------------------------------------------------

    @Test
    void movingToInterviewOnAFridayPromisesSevenBusinessDaysLater() {
        Application a = data.application(requisition, recruiter);

        move(a.id, Map.of("stage", "INTERVIEW")).then().statusCode(200)
                .body("stage", equalTo("INTERVIEW"))
                // Fri 5 March + 7 business days, skipping the weekend: Tue 16 March.
                .body("promisedDecisionDate", equalTo("2027-03-16"))
                .body("history", hasSize(2))
                .body("history[1].from", equalTo("APPLIED"))
                .body("history[1].to", equalTo("INTERVIEW"))
                .body("history[1].by", equalTo(recruiter.username))
                .body("history[1].promisedDecisionDate", equalTo("2027-03-16"))
                .body("history[1].correction", equalTo(false));

        Application stored = read(a.id);
        assertEquals(Stage.INTERVIEW, stored.stage);
        assertEquals(LocalDate.of(2027, 3, 16), stored.promisedDecisionDate);
        assertEquals(FRIDAY_MORNING, stored.stageEnteredAt);
    }

    @ParameterizedTest(name = "{0} promises {1}")
    @CsvSource({
            "SCREENING, 2027-03-12",       // 5 business days: next Friday
            "INTERVIEW, 2027-03-16",       // 7: Tuesday after next
            "FINAL_INTERVIEW, 2027-03-19", // 10: Friday two weeks on
            "OFFER, 2027-03-10"            // 3: Wednesday
    })
    void eachStageHasItsDefaultPromiseInBusinessDays(String stage, String expected) {
        Application a = data.application(requisition, recruiter);
        move(a.id, Map.of("stage", stage)).then().statusCode(200)
                .body("stage", equalTo(stage))
                .body("promisedDecisionDate", equalTo(expected));
        assertEquals(LocalDate.parse(expected), read(a.id).promisedDecisionDate);
    }

    @Test
    void aNewApplicationIsPromisedADecisionTenBusinessDaysLater() {
        Application a = data.application(requisition, recruiter);
        assertEquals(LocalDate.of(2027, 3, 19), read(a.id).promisedDecisionDate);
    }

    @Test
    void aRecruiterChosenDateIsKept() {
        Application a = data.application(requisition, recruiter);

        move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2027-03-24")).then().statusCode(200)
                .body("promisedDecisionDate", equalTo("2027-03-24"))
                .body("history[1].promisedDecisionDate", equalTo("2027-03-24"));

        assertEquals(LocalDate.of(2027, 3, 24), read(a.id).promisedDecisionDate);
    }

    @Test
    void todayIsAnAcceptablePromise() {
        Application a = data.application(requisition, recruiter);
        move(a.id, Map.of("stage", "SCREENING", "promisedDecisionDate", FRIDAY.toString())).then().statusCode(200)
                .body("promisedDecisionDate", equalTo(FRIDAY.toString()));
    }

    @Test
    void aPastPromiseIsRefusedAndChangesNothing() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2027-03-04")), 400,
                "promisedDecisionDate", "past");
        assertEquals(List.of("promisedDecisionDate"), Api.errorFields(p));

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void aPromiseMoreThanAYearAheadIsRefused() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2028-06-01")), 400, "promisedDecisionDate");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void aMalformedPromiseDateIsRefusedNamingTheField() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "next week")), 400, "promisedDecisionDate");
        problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2027-02-30")), 400, "promisedDecisionDate");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void aPromiseWithAMoveIntoATerminalStageIsRefused() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "REJECTED", "promisedDecisionDate", "2027-03-20")), 400,
                "promisedDecisionDate", "REJECTED");
        assertEquals(List.of("promisedDecisionDate"), Api.errorFields(p));

        assertEquals(before, Snapshot.of(a.id));
        assertEquals(Stage.INTERVIEW, before.stage());
    }

    @Test
    void movingIntoATerminalStageClearsThePromise() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        assertEquals(LocalDate.of(2027, 3, 16), read(a.id).promisedDecisionDate);

        move(a.id, Map.of("stage", "REJECTED", "note", "Not enough Kotlin", "told", Map.of("how", "PHONE"))).then().statusCode(200)
                .body("stage", equalTo("REJECTED"))
                .body("promisedDecisionDate", nullValue())
                .body("allowedMoves", hasSize(0))
                .body("history[2].to", equalTo("REJECTED"))
                .body("history[2].note", equalTo("Not enough Kotlin"))
                .body("history[2].promisedDecisionDate", nullValue());

        assertNull(read(a.id).promisedDecisionDate);
    }

    @Test
    void offerToHiredIsAllowedAndClosesTheApplication() {
        Application a = data.applicationAt(requisition, recruiter, Stage.OFFER);

        move(a.id, Map.of("stage", "HIRED")).then().statusCode(200)
                .body("stage", equalTo("HIRED"))
                .body("promisedDecisionDate", nullValue());

        assertEquals(Stage.HIRED, read(a.id).stage);
    }

    // --- corrections -------------------------------------------------------------------------

    @Test
    void backwardMoveWithoutNoteIsRefusedNamingNote() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "SCREENING")), 400, "note", "INTERVIEW", "SCREENING");
        assertEquals(List.of("note"), Api.errorFields(p));
        // A note of blanks is no note.
        problem(move(a.id, Map.of("stage", "SCREENING", "note", "   ")), 400, "note");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void backwardMoveWithNoteIsRecordedAsACorrection() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);

        move(a.id, Map.of("stage", "SCREENING", "note", "  Moved by mistake; the screening call is still to come.  "))
                .then().statusCode(200)
                .body("stage", equalTo("SCREENING"))
                .body("promisedDecisionDate", equalTo("2027-03-12"));

        json(recruiter).when().get("/api/applications/" + a.id + "/history").then().statusCode(200)
                .body("to", contains("APPLIED", "INTERVIEW", "SCREENING"))
                .body("correction", contains(false, false, true))
                .body("[2].from", equalTo("INTERVIEW"))
                .body("[2].note", equalTo("Moved by mistake; the screening call is still to come."))
                .body("[2].by", equalTo(recruiter.username));
        assertEquals(Stage.SCREENING, read(a.id).stage);
    }

    @Test
    void forwardMovesAreNotCorrectionsAndMayCarryANote() {
        Application a = data.application(requisition, recruiter);
        move(a.id, Map.of("stage", "FINAL_INTERVIEW", "note", "Referral: straight to the final round")).then().statusCode(200)
                .body("history[1].correction", equalTo(false))
                .body("history[1].note", equalTo("Referral: straight to the final round"));
    }

    // --- illegal moves -----------------------------------------------------------------------

    @Test
    void illegalMoveFromATerminalStageIsRefusedAndChangesNothing() {
        Application a = data.applicationAt(requisition, recruiter, Stage.REJECTED);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "SCREENING", "note", "Second chance")), 409, "Rejected", "final");
        problem(move(a.id, Map.of("stage", "WITHDRAWN")), 409, "Rejected");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void illegalMoveFromAppliedToHiredIsRefusedAndChangesNothing() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "HIRED")), 409, "Hired", "Offer", "Applied");

        assertEquals(before, Snapshot.of(a.id));
        assertEquals(Stage.APPLIED, before.stage());
    }

    @Test
    void illegalMoveToTheSameStageIsRefusedAndChangesNothing() {
        Application a = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "SCREENING", "promisedDecisionDate", "2027-03-30")), 409, "already", "Screening");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void allowedMovesListWhatTheRulesPermit() {
        Application a = data.application(requisition, recruiter);
        json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200)
                .body("allowedMoves", contains("SCREENING", "INTERVIEW", "FINAL_INTERVIEW", "OFFER",
                        "REJECTED", "WITHDRAWN", "ROLE_CLOSED"));
        Application offer = data.applicationAt(requisition, recruiter, Stage.OFFER);
        json(recruiter).when().get("/api/applications/" + offer.id).then().statusCode(200)
                .body("allowedMoves", contains("APPLIED", "SCREENING", "INTERVIEW", "FINAL_INTERVIEW",
                        "HIRED", "REJECTED", "WITHDRAWN", "ROLE_CLOSED"));
    }

    // --- bad input -----------------------------------------------------------------------------

    @Test
    void unknownStageValueIsRefusedNamingTheAllowedStages() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "PROMOTED")), 400, "stage", "PROMOTED", "SCREENING");
        assertEquals(List.of("stage"), Api.errorFields(p));
        problem(move(a.id, Map.of("stage", "screening")), 400, "stage");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void missingStageIsRefusedNamingTheField() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("note", "where to?")), 400, "stage");
        assertEquals(List.of("stage"), Api.errorFields(p));
        problem(json(recruiter).when().post("/api/applications/" + a.id + "/stage"), 400, "body");

        assertEquals(before, Snapshot.of(a.id));
    }

    @Test
    void oversizedNoteIsRefusedAndChangesNothing() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "SCREENING", "note", Api.repeat('x', 2001))), 400, "note");
        assertEquals(List.of("note"), Api.errorFields(p));
        assertEquals(before, Snapshot.of(a.id));

        move(a.id, Map.of("stage", "SCREENING", "note", Api.repeat('x', 2000))).then().statusCode(200);
        assertTrue(historyCount() > before.history());
    }

    @Test
    void movingAnUnknownApplicationIs404() {
        problem(move(Long.MAX_VALUE, Map.of("stage", "SCREENING")), 404, "Application", String.valueOf(Long.MAX_VALUE));
    }

    @Test
    void theCurrentDateReckonsDaysInStage() {
        Application a = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        clock.set(FRIDAY_MORNING.plusSeconds(3 * 86_400));
        json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200)
                .body("daysInStage", equalTo(3))
                .body("stageEnteredAt", equalTo(FRIDAY_MORNING.atOffset(ZoneOffset.UTC).toInstant().toString()));
    }
}
