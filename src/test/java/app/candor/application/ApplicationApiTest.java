package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateService;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionStatus;
import app.candor.support.Api;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/** Attaching candidates (POST /api/requisitions/{id}/applications), the pipeline, and one application with its history. */
@QuarkusTest
class ApplicationApiTest {

    @Inject
    TestData data;

    @Inject
    CandidateService candidates;

    User recruiter;
    User manager;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
    }

    private Candidate candidate() {
        return candidates.create(TestData.candidateInput(TestData.email()));
    }

    private Response attach(long requisitionId, Map<String, ?> body) {
        return json(recruiter).body(body).when().post("/api/requisitions/" + requisitionId + "/applications");
    }

    private static Map<String, Object> body(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private record Counts(long applications, long history) {
        static Counts now() {
            return new Counts(TestData.count(Application.class), TestData.count(StageChange.class));
        }
    }

    // --- attach --------------------------------------------------------------------------------

    @Test
    void attachingAnExistingCandidateCreatesAnAppliedApplication() {
        Candidate c = candidate();
        Counts before = Counts.now();

        Response r = attach(requisition.id, body("candidateId", c.id, "note", "Met at the meetup"));
        r.then().statusCode(201)
                .header("Location", endsWith("/api/applications/" + r.path("id")))
                .body("stage", equalTo("APPLIED"))
                .body("candidate.id", equalTo(c.id.intValue()))
                .body("candidate.email", equalTo(c.email))
                .body("requisition.id", equalTo(requisition.id.intValue()))
                .body("promisedDecisionDate", notNullValue())
                .body("history", hasSize(1))
                .body("history[0].from", nullValue())
                .body("history[0].to", equalTo("APPLIED"))
                .body("history[0].note", equalTo("Met at the meetup"))
                .body("history[0].by", equalTo(recruiter.username));

        assertThat(TestData.count(Application.class)).isEqualTo(before.applications() + 1);
        assertThat(TestData.count(StageChange.class)).isEqualTo(before.history() + 1);
        long id = ((Number) r.path("id")).longValue();
        Application stored = Api.db(() -> Application.<Application>findById(id));
        assertThat(stored.stage).isEqualTo(Stage.APPLIED);
    }

    @Test
    void attachingWithAChosenPromiseKeepsIt() {
        Candidate c = candidate();
        LocalDate chosen = LocalDate.now(ZoneOffset.UTC).plusDays(20);
        attach(requisition.id, body("candidateId", c.id, "promisedDecisionDate", chosen.toString()))
                .then().statusCode(201).body("promisedDecisionDate", equalTo(chosen.toString()));
    }

    @Test
    void attachingTheSameCandidateTwiceIsAConflictAndWritesNothing() {
        Candidate c = candidate();
        attach(requisition.id, body("candidateId", c.id)).then().statusCode(201);
        Counts before = Counts.now();

        problem(attach(requisition.id, body("candidateId", c.id)), 409, c.email, "already");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingWithoutCandidateIdIsRefusedNamingTheField() {
        Counts before = Counts.now();

        JsonPath p = problem(attach(requisition.id, body("note", "who?")), 400, "candidateId");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("candidateId"));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingAnUnknownCandidateIsRefusedNamingTheField() {
        Counts before = Counts.now();

        JsonPath p = problem(attach(requisition.id, body("candidateId", Long.MAX_VALUE)), 400, "candidateId", "does not exist");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("candidateId"));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingWithANonNumericCandidateIdIsRefusedNamingTheField() {
        Counts before = Counts.now();
        problem(attach(requisition.id, body("candidateId", "ada")), 400, "candidateId");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingWithAnOversizedNoteIsRefused() {
        Candidate c = candidate();
        Counts before = Counts.now();

        JsonPath p = problem(attach(requisition.id, body("candidateId", c.id, "note", Api.repeat('n', 2001))), 400, "note");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("note"));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingWithAPastPromiseIsRefused() {
        Candidate c = candidate();
        Counts before = Counts.now();

        problem(attach(requisition.id, body("candidateId", c.id,
                "promisedDecisionDate", LocalDate.now(ZoneOffset.UTC).minusDays(3).toString())), 400, "promisedDecisionDate");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingToAnUnknownRequisitionIs404() {
        Candidate c = candidate();
        Counts before = Counts.now();

        problem(attach(Long.MAX_VALUE, body("candidateId", c.id)), 404, "Requisition");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingToARequisitionThatIsNotOpenIsAConflict() {
        Candidate c = candidate();
        QuarkusTransaction.requiringNew().run(() -> Requisition.<Requisition>findById(requisition.id).status = RequisitionStatus.ON_HOLD);
        Counts before = Counts.now();

        problem(attach(requisition.id, body("candidateId", c.id)), 409, "ON_HOLD", "OPEN");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void attachingWithoutABodyIsRefused() {
        Counts before = Counts.now();
        problem(json(recruiter).when().post("/api/requisitions/" + requisition.id + "/applications"), 400, "body");
        assertThat(Counts.now()).isEqualTo(before);
    }

    // --- pipeline ------------------------------------------------------------------------------

    @Test
    void thePipelineGroupsApplicationsByStageInPipelineOrder() {
        Application applied = data.application(requisition, recruiter);
        Application interview = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Application rejected = data.applicationAt(requisition, recruiter, Stage.REJECTED);
        Requisition other = data.requisition(recruiter, manager);
        data.application(other, recruiter);

        JsonPath p = json(recruiter).when().get("/api/requisitions/" + requisition.id + "/applications")
                .then().statusCode(200)
                .body("requisition.id", equalTo(requisition.id.intValue()))
                .body("requisition.title", equalTo(requisition.title))
                .body("stages.stage", contains("APPLIED", "SCREENING", "INTERVIEW", "FINAL_INTERVIEW", "OFFER",
                        "HIRED", "REJECTED", "WITHDRAWN", "ROLE_CLOSED"))
                .extract().jsonPath();

        assertThat(p.getList("stages.find { it.stage == 'APPLIED' }.applications.id"))
                .isEqualTo(List.of(applied.id.intValue()));
        assertThat(p.getList("stages.find { it.stage == 'INTERVIEW' }.applications.id"))
                .isEqualTo(List.of(interview.id.intValue()));
        assertThat(p.getList("stages.find { it.stage == 'REJECTED' }.applications.id"))
                .isEqualTo(List.of(rejected.id.intValue()));
        assertThat(p.getList("stages.find { it.stage == 'SCREENING' }.applications")).isEmpty();
        assertThat(p.getList("stages.applications.flatten()")).hasSize(3);
        assertThat(p.getInt("stages.find { it.stage == 'INTERVIEW' }.applications[0].daysInStage")).isEqualTo(0);
        assertThat(p.getString("stages.find { it.stage == 'INTERVIEW' }.applications[0].candidateName"))
                .isEqualTo("Test Candidate");
    }

    @Test
    void thePipelineOfAnUnknownRequisitionIs404() {
        problem(json(recruiter).when().get("/api/requisitions/" + Long.MAX_VALUE + "/applications"), 404, "Requisition");
    }

    // --- one application -----------------------------------------------------------------------

    @Test
    void anApplicationShowsItsCandidateRequisitionPromiseAndHistory() {
        Application a = data.applicationAt(requisition, recruiter, Stage.SCREENING);

        json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200)
                .body("id", equalTo(a.id.intValue()))
                .body("stage", equalTo("SCREENING"))
                .body("requisition.id", equalTo(requisition.id.intValue()))
                .body("requisition.title", equalTo(requisition.title))
                .body("candidate.name", equalTo("Test Candidate"))
                .body("candidate.preferredChannel", equalTo("EMAIL"))
                .body("candidate.language", equalTo("en"))
                .body("promisedDecisionDate", notNullValue())
                .body("history.to", contains("APPLIED", "SCREENING"));
    }

    @Test
    void theHistoryListsEveryChangeInOrder() {
        Application a = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        json(recruiter).body(Map.of("stage", "OFFER")).when().post("/api/applications/" + a.id + "/stage").then().statusCode(200);

        json(recruiter).when().get("/api/applications/" + a.id + "/history").then().statusCode(200)
                .body("from", contains(null, "APPLIED", "SCREENING"))
                .body("to", contains("APPLIED", "SCREENING", "OFFER"))
                .body("by", contains(recruiter.username, recruiter.username, recruiter.username))
                .body("at", hasSize(3));
    }

    @Test
    void anUnknownApplicationAndItsHistoryAre404() {
        problem(json(recruiter).when().get("/api/applications/" + Long.MAX_VALUE), 404, "Application");
        problem(json(recruiter).when().get("/api/applications/" + Long.MAX_VALUE + "/history"), 404, "Application");
    }
}
