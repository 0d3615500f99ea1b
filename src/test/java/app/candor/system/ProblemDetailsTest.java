package app.candor.system;

import app.candor.support.DatabaseNeutral;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Every refusal under /api is RFC 9457 Problem Details that says what is wrong and names no Java. */
@QuarkusTest
@DatabaseNeutral
class ProblemDetailsTest {

    @Inject
    TestData data;

    User recruiter;
    User manager;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
    }

    @Test
    void aValidationProblemHasAllFieldsAndAnErrorsArray() {
        JsonPath p = problem(json(recruiter).body(Map.of("hiringManagerId", manager.id, "title", "")).when().post("/api/requisitions"),
                400, "title");
        assertEquals("about:blank", p.getString("type"));
        assertEquals("Invalid input", p.getString("title"));
        assertEquals("/api/requisitions", p.getString("instance"));
        assertEquals(List.of("title"), p.getList("errors.field"));
        assertEquals(1, p.getList("errors.message").size());
        assertNull(p.get("errors[0].line"), "a field error carries no line");
    }

    @Test
    void aWrongPasswordIsAProblemWithTheChallenge() {
        Response response = RestAssured.given().auth().preemptive()
                .basic(recruiter.username, "not-the-password-at-all").accept(ContentType.JSON).when().get("/api/requisitions");
        JsonPath p = problem(response, 401, "password");
        assertEquals("/api/requisitions", p.getString("instance"));
        assertEquals("Basic realm=\"Candor\", charset=\"UTF-8\"", response.header("WWW-Authenticate"));
    }

    @Test
    void aNotFoundProblemNamesWhatWasNotFoundAndHasNoErrorsArray() {
        JsonPath p = problem(json(recruiter).when().get("/api/requisitions/" + Long.MAX_VALUE), 404, "Requisition", "does not exist");
        assertEquals("/api/requisitions/" + Long.MAX_VALUE, p.getString("instance"));
        assertNull(p.get("errors"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        long before = TestData.count(Requisition.class);
        problem(json(recruiter).body("{\"title\": \"Unclosed").when().post("/api/requisitions"), 400, "not valid JSON");
        problem(json(recruiter).body("[1, 2, 3]").when().post("/api/requisitions"), 400);
        assertEquals(before, TestData.count(Requisition.class));
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        JsonPath p = problem(json(recruiter).body("{\"title\": \"Analyst\", \"hiringManagerId\": {\"id\": 1}}").when().post("/api/requisitions"),
                400, "hiringManagerId");
        assertEquals(List.of("hiringManagerId"), Api.errorFields(p));
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        problem(json(recruiter).when().post("/api/requisitions"), 400, "body");
        problem(json(recruiter).when().put("/api/requisitions/" + data.requisition(recruiter, manager).id), 400, "body");
        problem(json(recruiter).when().post("/api/candidates"), 400, "body");
        problem(json(data.admin()).when().post("/api/admin/users"), 400, "body");
    }

    @Test
    void anUnsupportedMediaTypeIs415() {
        problem(Api.as(recruiter).contentType(ContentType.TEXT).body("title=Analyst").when().post("/api/requisitions"), 415, "media type");
    }

    @Test
    void anUnsupportedMethodIs405() {
        problem(json(recruiter).when().delete("/api/requisitions"), 405, "method");
    }

    @Test
    void aNonNumericIdIs404() {
        problem(json(recruiter).when().get("/api/requisitions/not-a-number"), 404);
    }

    @Test
    void anUnknownApiPathIsAProblemToo() {
        problem(json(recruiter).when().get("/api/requisitions/1/nothing-here"), 404);
    }

    @Test
    void aForbiddenProblemSaysTheRoleDoesNotAllowIt() {
        JsonPath p = problem(json(manager).body(Map.of("title", "Mine", "hiringManagerId", manager.id)).when().post("/api/requisitions"),
                403, "role");
        assertEquals("/api/requisitions", p.getString("instance"));
    }

    @Test
    void aConflictIsAProblemWithoutErrors() {
        User admin = data.admin();
        JsonPath p = problem(json(admin).when().post("/api/admin/users/" + admin.id + "/deactivate"), 409, "own account");
        assertEquals("Conflict", p.getString("title"));
        assertNull(p.get("errors"));
    }
}
