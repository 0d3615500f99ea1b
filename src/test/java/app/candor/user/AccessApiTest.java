package app.candor.user;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateService;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

/**
 * Who may see and do what through the API: hiring managers see their own requisitions read-only and
 * nothing of anyone else's (404, never a hint); anonymous and deactivated callers get 401.
 */
@QuarkusTest
class AccessApiTest {

    @Inject
    TestData data;

    @Inject
    CandidateService candidates;

    User recruiter;
    User manager;
    User otherManager;
    Requisition own;
    Requisition others;
    Application ownApplication;
    Application othersApplication;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        otherManager = data.hiringManager();
        own = data.requisition(recruiter, manager);
        others = data.requisition(recruiter, otherManager);
        ownApplication = data.applicationAt(own, recruiter, Stage.SCREENING);
        othersApplication = data.applicationAt(others, recruiter, Stage.SCREENING);
    }

    private record Counts(long requisitions, long candidates, long applications, long history) {
        static Counts now() {
            return new Counts(TestData.count(Requisition.class), TestData.count(Candidate.class),
                    TestData.count(Application.class), TestData.count(StageChange.class));
        }
    }

    // --- hiring managers -----------------------------------------------------------------------

    @Test
    void aHiringManagerGets404OnAnotherManagersRequisitionAndEverythingInIt() {
        problem(json(manager).when().get("/api/requisitions/" + others.id), 404, "Requisition " + others.id);
        problem(json(manager).when().get("/api/requisitions/" + others.id + "/applications"), 404, "Requisition " + others.id);
        problem(json(manager).when().get("/api/applications/" + othersApplication.id), 404, "Application " + othersApplication.id);
        problem(json(manager).when().get("/api/applications/" + othersApplication.id + "/history"), 404,
                "Application " + othersApplication.id);
    }

    @Test
    void theRefusalLooksTheSameAsForSomethingThatDoesNotExist() {
        String hidden = json(manager).when().get("/api/requisitions/" + others.id).then().statusCode(404)
                .extract().path("detail");
        String missing = json(manager).when().get("/api/requisitions/" + Long.MAX_VALUE).then().statusCode(404)
                .extract().path("detail");
        assertThat(missing.replace(String.valueOf(Long.MAX_VALUE), "ID"))
                .isEqualTo(hidden.replace(String.valueOf(others.id), "ID"));
    }

    @Test
    void aHiringManagerListsOnlyTheirOwnRequisitions() {
        json(manager).when().get("/api/requisitions").then().statusCode(200)
                .body("id", hasItem(own.id.intValue()))
                .body("id", not(hasItem(others.id.intValue())))
                .body("hiringManager.id", everyItem(equalTo(manager.id.intValue())));
    }

    @Test
    void aHiringManagerReadsTheirOwnRequisitionPipelineApplicationAndHistory() {
        json(manager).when().get("/api/requisitions/" + own.id).then().statusCode(200)
                .body("id", equalTo(own.id.intValue()));
        json(manager).when().get("/api/requisitions/" + own.id + "/applications").then().statusCode(200)
                .body("requisition.id", equalTo(own.id.intValue()))
                .body("stages.find { it.stage == 'SCREENING' }.applications.id", equalTo(List.of(ownApplication.id.intValue())));
        json(manager).when().get("/api/applications/" + ownApplication.id).then().statusCode(200)
                .body("stage", equalTo("SCREENING"));
        json(manager).when().get("/api/applications/" + ownApplication.id + "/history").then().statusCode(200)
                .body("to", equalTo(List.of("APPLIED", "SCREENING")));
    }

    @Test
    void aHiringManagerCannotWriteEvenOnTheirOwnRequisition() {
        Candidate c = candidates.create(TestData.candidateInput(TestData.email()));
        Counts before = Counts.now();

        problem(json(manager).body(Map.of("title", "Mine", "hiringManagerId", manager.id)).when().post("/api/requisitions"), 403, "role");
        problem(json(manager).body(Map.of("title", "Renamed", "hiringManagerId", manager.id)).when().put("/api/requisitions/" + own.id), 403);
        problem(json(manager).body(Map.of("candidateId", c.id)).when().post("/api/requisitions/" + own.id + "/applications"), 403);
        problem(Api.csv(manager).body("first_name,last_name,email\nAda,Lovelace," + TestData.email() + "\n")
                .when().post("/api/requisitions/" + own.id + "/applications/import"), 403);
        problem(json(manager).body(Map.of("stage", "INTERVIEW")).when().post("/api/applications/" + ownApplication.id + "/stage"), 403);

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(Api.db(() -> Application.<Application>findById(ownApplication.id).stage)).isEqualTo(Stage.SCREENING);
        assertThat(Api.db(() -> Requisition.<Requisition>findById(own.id).title)).isEqualTo(own.title);
    }

    @Test
    void anAdminWithoutOtherRolesCannotUseRecruitingEndpoints() {
        User admin = data.admin();
        problem(json(admin).when().get("/api/requisitions"), 403);
        problem(json(admin).when().get("/api/requisitions/" + own.id + "/applications"), 403);
        problem(json(admin).when().get("/api/applications/" + ownApplication.id), 403);
        problem(json(admin).body(Map.of("stage", "INTERVIEW")).when().post("/api/applications/" + ownApplication.id + "/stage"), 403);
    }

    // --- anonymous -----------------------------------------------------------------------------

    @Test
    void anonymousCallersGet401WithABasicChallenge() {
        Counts before = Counts.now();
        for (String path : List.of("/api/users/me", "/api/users", "/api/requisitions", "/api/requisitions/" + own.id,
                "/api/requisitions/" + own.id + "/applications", "/api/applications/" + ownApplication.id,
                "/api/applications/" + ownApplication.id + "/history", "/api/candidates", "/api/admin/users")) {
            given().accept(ContentType.JSON).when().get(path).then()
                    .statusCode(401)
                    .header("WWW-Authenticate", startsWithIgnoringCase("basic realm="));
        }
        given().contentType(ContentType.JSON).body(Map.of("stage", "INTERVIEW"))
                .when().post("/api/applications/" + ownApplication.id + "/stage")
                .then().statusCode(401).header("WWW-Authenticate", containsStringIgnoringCase("basic"));
        given().contentType(ContentType.JSON).body(Map.of("title", "Anon", "hiringManagerId", manager.id))
                .when().post("/api/requisitions")
                .then().statusCode(401);
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aWrongPasswordGets401() {
        given().auth().preemptive().basic(recruiter.username, TestData.PASSWORD + "-wrong").when().get("/api/users/me")
                .then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("basic realm="));
        given().auth().preemptive().basic("nobody-" + TestData.unique("x"), TestData.PASSWORD).when().get("/api/users/me")
                .then().statusCode(401);
    }

    @Test
    void theApiDoesNotRedirectToTheLoginPage() {
        given().redirects().follow(false).accept(ContentType.JSON).when().get("/api/requisitions")
                .then().statusCode(401);
    }

    // --- deactivated users ---------------------------------------------------------------------

    @Test
    void aDeactivatedUserGets401AndWorksAgainOnceReactivated() {
        User admin = data.admin();
        Api.as(manager).when().get("/api/requisitions/" + own.id).then().statusCode(200);

        json(admin).when().post("/api/admin/users/" + manager.id + "/deactivate").then().statusCode(200).body("active", equalTo(false));

        Api.as(manager).when().get("/api/requisitions/" + own.id).then().statusCode(401)
                .header("WWW-Authenticate", startsWithIgnoringCase("basic realm="));
        Api.as(manager).when().get("/api/users/me").then().statusCode(401);

        json(admin).when().post("/api/admin/users/" + manager.id + "/activate").then().statusCode(200).body("active", equalTo(true));

        Api.as(manager).when().get("/api/requisitions/" + own.id).then().statusCode(200).body("id", equalTo(own.id.intValue()));
    }

    @Test
    void aDeactivatedRecruiterCannotWrite() {
        User admin = data.admin();
        json(admin).when().post("/api/admin/users/" + recruiter.id + "/deactivate").then().statusCode(200);
        Counts before = Counts.now();

        json(recruiter).body(Map.of("stage", "INTERVIEW")).when().post("/api/applications/" + ownApplication.id + "/stage")
                .then().statusCode(401);
        json(recruiter).body(Map.of("title", "Sneaky", "hiringManagerId", manager.id)).when().post("/api/requisitions")
                .then().statusCode(401);

        assertThat(Counts.now()).isEqualTo(before);
        assertThat(Api.db(() -> Application.<Application>findById(ownApplication.id).stage)).isEqualTo(Stage.SCREENING);
    }
}
