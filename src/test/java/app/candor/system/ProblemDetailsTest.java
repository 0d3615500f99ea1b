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
import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(p.getString("type")).isEqualTo("about:blank");
        assertThat(p.getString("title")).isEqualTo("Invalid input");
        assertThat(p.getString("instance")).isEqualTo("/api/requisitions");
        assertThat(p.getList("errors.field")).isEqualTo(List.of("title"));
        assertThat(p.getList("errors.message")).hasSize(1);
        assertThat(p.<Object>get("errors[0].line")).as("a field error carries no line").isNull();
    }

    @Test
    void aWrongPasswordIsAProblemWithTheChallenge() {
        Response response = RestAssured.given().auth().preemptive()
                .basic(recruiter.username, "not-the-password-at-all").accept(ContentType.JSON).when().get("/api/requisitions");
        JsonPath p = problem(response, 401, "password");
        assertThat(p.getString("instance")).isEqualTo("/api/requisitions");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Candor\", charset=\"UTF-8\"");
    }

    @Test
    void aNotFoundProblemNamesWhatWasNotFoundAndHasNoErrorsArray() {
        JsonPath p = problem(json(recruiter).when().get("/api/requisitions/" + Long.MAX_VALUE), 404, "Requisition", "does not exist");
        assertThat(p.getString("instance")).isEqualTo("/api/requisitions/" + Long.MAX_VALUE);
        assertThat(p.<Object>get("errors")).isNull();
    }

    @Test
    void malformedJsonIsABadRequest() {
        long before = TestData.count(Requisition.class);
        problem(json(recruiter).body("{\"title\": \"Unclosed").when().post("/api/requisitions"), 400, "not valid JSON");
        problem(json(recruiter).body("[1, 2, 3]").when().post("/api/requisitions"), 400);
        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void aValueOfTheWrongTypeNamesTheField() {
        JsonPath p = problem(json(recruiter).body("{\"title\": \"Analyst\", \"hiringManagerId\": {\"id\": 1}}").when().post("/api/requisitions"),
                400, "hiringManagerId");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("hiringManagerId"));
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
        assertThat(p.getString("instance")).isEqualTo("/api/requisitions");
    }

    @Test
    void aConflictIsAProblemWithoutErrors() {
        User admin = data.admin();
        JsonPath p = problem(json(admin).when().post("/api/admin/users/" + admin.id + "/deactivate"), 409, "own account");
        assertThat(p.getString("title")).isEqualTo("Conflict");
        assertThat(p.<Object>get("errors")).isNull();
    }
}
