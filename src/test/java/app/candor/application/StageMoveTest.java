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
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

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
        assertThat(FRIDAY.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
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
        assertThat(stored.stage).isEqualTo(Stage.INTERVIEW);
        assertThat(stored.promisedDecisionDate).isEqualTo(LocalDate.of(2027, 3, 16));
        assertThat(stored.stageEnteredAt).isEqualTo(FRIDAY_MORNING);
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
        assertThat(read(a.id).promisedDecisionDate).isEqualTo(LocalDate.parse(expected));
    }

    @Test
    void aNewApplicationIsPromisedADecisionTenBusinessDaysLater() {
        Application a = data.application(requisition, recruiter);
        assertThat(read(a.id).promisedDecisionDate).isEqualTo(LocalDate.of(2027, 3, 19));
    }

    @Test
    void aRecruiterChosenDateIsKept() {
        Application a = data.application(requisition, recruiter);

        move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2027-03-24")).then().statusCode(200)
                .body("promisedDecisionDate", equalTo("2027-03-24"))
                .body("history[1].promisedDecisionDate", equalTo("2027-03-24"));

        assertThat(read(a.id).promisedDecisionDate).isEqualTo(LocalDate.of(2027, 3, 24));
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
        assertThat(Api.errorFields(p)).isEqualTo(List.of("promisedDecisionDate"));

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
    }

    @Test
    void aPromiseMoreThanAYearAheadIsRefused() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2028-06-01")), 400, "promisedDecisionDate");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
    }

    @Test
    void aMalformedPromiseDateIsRefusedNamingTheField() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "next week")), 400, "promisedDecisionDate");
        problem(move(a.id, Map.of("stage", "INTERVIEW", "promisedDecisionDate", "2027-02-30")), 400, "promisedDecisionDate");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
    }

    @Test
    void aPromiseWithAMoveIntoATerminalStageIsRefused() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "REJECTED", "promisedDecisionDate", "2027-03-20")), 400,
                "promisedDecisionDate", "REJECTED");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("promisedDecisionDate"));

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
        assertThat(before.stage()).isEqualTo(Stage.INTERVIEW);
    }

    @Test
    void movingIntoATerminalStageClearsThePromise() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        assertThat(read(a.id).promisedDecisionDate).isEqualTo(LocalDate.of(2027, 3, 16));

        move(a.id, Map.of("stage", "REJECTED", "note", "Not enough Kotlin", "told", Map.of("how", "PHONE"))).then().statusCode(200)
                .body("stage", equalTo("REJECTED"))
                .body("promisedDecisionDate", nullValue())
                .body("allowedMoves", hasSize(0))
                .body("history[2].to", equalTo("REJECTED"))
                .body("history[2].note", equalTo("Not enough Kotlin"))
                .body("history[2].promisedDecisionDate", nullValue());

        assertThat(read(a.id).promisedDecisionDate).isNull();
    }

    @Test
    void offerToHiredIsAllowedAndClosesTheApplication() {
        Application a = data.applicationAt(requisition, recruiter, Stage.OFFER);

        move(a.id, Map.of("stage", "HIRED")).then().statusCode(200)
                .body("stage", equalTo("HIRED"))
                .body("promisedDecisionDate", nullValue());

        assertThat(read(a.id).stage).isEqualTo(Stage.HIRED);
    }

    // --- corrections -------------------------------------------------------------------------

    @Test
    void backwardMoveWithoutNoteIsRefusedNamingNote() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "SCREENING")), 400, "note", "INTERVIEW", "SCREENING");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("note"));
        // A note of blanks is no note.
        problem(move(a.id, Map.of("stage", "SCREENING", "note", "   ")), 400, "note");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
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
        assertThat(read(a.id).stage).isEqualTo(Stage.SCREENING);
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

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
    }

    @Test
    void illegalMoveFromAppliedToHiredIsRefusedAndChangesNothing() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "HIRED")), 409, "Hired", "Offer", "Applied");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
        assertThat(before.stage()).isEqualTo(Stage.APPLIED);
    }

    @Test
    void illegalMoveToTheSameStageIsRefusedAndChangesNothing() {
        Application a = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Snapshot before = Snapshot.of(a.id);

        problem(move(a.id, Map.of("stage", "SCREENING", "promisedDecisionDate", "2027-03-30")), 409, "already", "Screening");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
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
        assertThat(Api.errorFields(p)).isEqualTo(List.of("stage"));
        problem(move(a.id, Map.of("stage", "screening")), 400, "stage");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
    }

    @Test
    void missingStageIsRefusedNamingTheField() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("note", "where to?")), 400, "stage");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("stage"));
        problem(json(recruiter).when().post("/api/applications/" + a.id + "/stage"), 400, "body");

        assertThat(Snapshot.of(a.id)).isEqualTo(before);
    }

    @Test
    void oversizedNoteIsRefusedAndChangesNothing() {
        Application a = data.application(requisition, recruiter);
        Snapshot before = Snapshot.of(a.id);

        JsonPath p = problem(move(a.id, Map.of("stage", "SCREENING", "note", Api.repeat('x', 2001))), 400, "note");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("note"));
        assertThat(Snapshot.of(a.id)).isEqualTo(before);

        move(a.id, Map.of("stage", "SCREENING", "note", Api.repeat('x', 2000))).then().statusCode(200);
        assertThat(historyCount()).isGreaterThan(before.history());
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
