package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatusChange;
import app.candor.support.Api;
import app.candor.support.MailProfile;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;

/**
 * What the outcome, delay and history endpoints refuse, and that a refusal writes nothing: no
 * message, no stage change, the application as it was.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class ClosureRefusalTest {

    @Inject
    TestData data;

    User recruiter;
    User manager;
    Requisition requisition;
    Application application;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
    }

    /** Everything a refused request might have written, to compare before and after. */
    private record Written(long messages, long stageChanges, Stage stage, LocalDate promise, int version) {
        static Written now(long applicationId) {
            Application a = Api.db(() -> Application.<Application>findById(applicationId));
            return new Written(TestData.count(Message.class), TestData.count(StageChange.class), a.stage, a.promisedDecisionDate, a.version);
        }
    }

    static Stream<Arguments> badOutcomes() {
        Map<String, Object> tooLong = new HashMap<>(Map.of("outcome", "OFFER"));
        tooLong.put("personalNote", "x".repeat(2001));
        return Stream.of(
                Arguments.of("missing outcome", Map.of("personalNote", "Hello"), "outcome", List.of("outcome", "required")),
                Arguments.of("unknown outcome", Map.of("outcome", "MAYBE"), "outcome", List.of("MAYBE", "OFFER, REJECTED")),
                Arguments.of("rejection without a reason", Map.of("outcome", "REJECTED"), "reasonId", List.of("reasonId", "required")),
                Arguments.of("reason that does not exist", Map.of("outcome", "REJECTED", "reasonId", 987654), "reasonId",
                        List.of("reasonId", "not a rejection reason")),
                Arguments.of("personal note of 2001 characters", tooLong, "personalNote", List.of("personalNote", "2000")),
                Arguments.of("sendAt in the past", Map.of("outcome", "REJECTED", "reasonId", 1, "sendAt", "2020-01-06T09:00:00Z"),
                        "sendAt", List.of("sendAt", "future")),
                Arguments.of("sendAt on an offer", Map.of("outcome", "OFFER", "sendAt", ScheduledRejectionTest.inDays(1)),
                        "sendAt", List.of("sendAt", "only a rejection")),
                Arguments.of("reason on an offer", Map.of("outcome", "OFFER", "reasonId", 1), "reasonId", List.of("reasonId")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOutcomes")
    void aBadOutcomeIsRefusedWith400AndWritesNothing(String what, Map<String, Object> body, String field, List<String> mentions) {
        Written before = Written.now(application.id);

        Response response = json(recruiter).body(body).when().post("/api/applications/" + application.id + "/outcome");

        JsonPath problem = Api.problem(response, 400, mentions.toArray(String[]::new));
        assertThat(Api.errorFields(problem))
                .as(() -> what + ": errors should name " + field + ": " + problem.prettify()).contains(field);
        assertThat(Written.now(application.id)).as(what + " wrote something").isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith400() {
        Written before = Written.now(application.id);
        Api.problem(json(recruiter).body("{\"outcome\": ").when().post("/api/applications/" + application.id + "/outcome"), 400,
                "not valid JSON");
        assertThat(Written.now(application.id)).isEqualTo(before);
    }

    @Test
    void aHiringManagerCannotRecordAnOutcome() {
        Written before = Written.now(application.id);
        Api.problem(json(manager).body(Map.of("outcome", "OFFER")).when().post("/api/applications/" + application.id + "/outcome"),
                403);
        Api.problem(json(manager).body(Map.of("promisedDecisionDate", LocalDate.now().plusDays(30).toString()))
                .when().post("/api/applications/" + application.id + "/delay"), 403);
        assertThat(Written.now(application.id)).isEqualTo(before);
    }

    @Test
    void aHiringManagerSeesTheHistoryOfTheirOwnApplicationsOnly() {
        Requisition someoneElses = data.requisition(recruiter, data.hiringManager());
        Application other = data.application(someoneElses, recruiter);

        json(manager).when().get("/api/applications/" + application.id + "/messages").then().statusCode(200).body("$", hasSize(0));
        Api.problem(json(manager).when().get("/api/applications/" + other.id + "/messages"), 404, "Application");
        json(recruiter).when().get("/api/applications/" + other.id + "/messages").then().statusCode(200);
    }

    @Test
    void aDelayToAnEarlierDateIsRefusedWith400AndWritesNothing() {
        LocalDate promised = Api.db(() -> Application.<Application>findById(application.id).promisedDecisionDate);
        Written before = Written.now(application.id);

        JsonPath problem = Api.problem(json(recruiter).body(Map.of("promisedDecisionDate", promised.minusDays(1).toString()))
                .when().post("/api/applications/" + application.id + "/delay"), 400, "later than the current promise", promised.toString());
        assertThat(Api.errorFields(problem)).isEqualTo(List.of("promisedDecisionDate"));
        Api.problem(json(recruiter).body(Map.of("promisedDecisionDate", promised.toString()))
                .when().post("/api/applications/" + application.id + "/delay"), 400, "later than the current promise");
        Api.problem(json(recruiter).body(Map.of()).when().post("/api/applications/" + application.id + "/delay"), 400,
                "promisedDecisionDate");

        assertThat(Written.now(application.id)).isEqualTo(before);
    }

    @Test
    void aDelayOnAClosedApplicationIsRefusedWith409() {
        Application closed = data.applicationAt(requisition, recruiter, Stage.WITHDRAWN);
        Written before = Written.now(closed.id);

        Api.problem(json(recruiter).body(Map.of("promisedDecisionDate", LocalDate.now().plusDays(30).toString()))
                .when().post("/api/applications/" + closed.id + "/delay"), 409, "closed", "WITHDRAWN");

        assertThat(Written.now(closed.id)).isEqualTo(before);
    }

    @Test
    void anOutcomeOnAClosedApplicationIsRefusedWith409() {
        Application closed = data.applicationAt(requisition, recruiter, Stage.WITHDRAWN);
        Written before = Written.now(closed.id);

        Api.problem(json(recruiter).body(Map.of("outcome", "OFFER")).when().post("/api/applications/" + closed.id + "/outcome"), 409,
                "closed");

        assertThat(Written.now(closed.id)).isEqualTo(before);
    }

    @Test
    void aStatusChangeThatIsNotAllowedIsRefusedAndWritesNothingAndFilledIsFinal() {
        String path = "/api/requisitions/" + requisition.id + "/status";
        Written before = Written.now(application.id);
        long statusChanges = TestData.count(RequisitionStatusChange.class);

        JsonPath missing = Api.problem(json(recruiter).body(Map.of()).when().post(path), 400, "status");
        assertThat(Api.errorFields(missing)).isEqualTo(List.of("status"));
        assertThat(missing.prettify()).as(() -> "the choices include FILLED: " + missing.prettify()).contains("FILLED");
        Api.problem(json(recruiter).body(Map.of("status", "OPEN")).when().post(path), 409, "already OPEN");
        Api.problem(json(recruiter).body(Map.of("status", "OPEN")).when().post(path + "/preview"), 409, "already OPEN");
        Api.problem(json(manager).body(Map.of("status", "FILLED")).when().post(path), 403);
        assertThat(Written.now(application.id)).isEqualTo(before);
        assertThat(TestData.count(RequisitionStatusChange.class)).isEqualTo(statusChanges);

        json(recruiter).body(Map.of("status", "FILLED")).when().post(path).then().statusCode(200);
        // Delivering the letter closes the application (and bumps its version): wait for that before taking the picture.
        app.candor.support.Eventually.await("the role-filled letter delivered", java.time.Duration.ofSeconds(20),
                () -> Api.db(() -> Application.<Application>findById(application.id).closure.state() == app.candor.application.ClosureState.CLOSED));
        Written filled = Written.now(application.id);
        assertThat(filled.stage()).isEqualTo(Stage.REJECTED);
        for (String to : List.of("OPEN", "ON_HOLD", "CANCELLED")) {
            Api.problem(json(recruiter).body(Map.of("status", to)).when().post(path), 409, "FILLED", "final");
        }
        Api.problem(json(recruiter).body(Map.of("status", "FILLED")).when().post(path), 409, "already FILLED");
        assertThat(Written.now(application.id)).isEqualTo(filled);
        assertThat(TestData.count(RequisitionStatusChange.class)).isEqualTo(statusChanges + 1);
    }

    @Test
    void anOutcomeForAnApplicationThatDoesNotExistIs404() {
        Api.problem(json(recruiter).body(Map.of("outcome", "OFFER")).when().post("/api/applications/987654321/outcome"), 404,
                "Application");
    }
}
