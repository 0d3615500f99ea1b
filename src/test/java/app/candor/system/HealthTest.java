package app.candor.system;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The probes of deploy/candor.yaml: readiness includes the database (a pod without it gets no traffic);
 * liveness does not (a database outage must not restart every pod); all three answer without sign-in.
 */
@QuarkusTest
class HealthTest {

    static final String DATABASE_CHECK = "Database connections health check";

    private static List<Map<String, Object>> checks(String path) {
        JsonPath body = given().redirects().follow(false).when().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(body.getString("status")).as(path + " status").isEqualTo("UP");
        return body.getList("checks");
    }

    @Test
    void readinessListsTheDatabaseCheckUp() {
        assertThat(checks("/q/health/ready"))
                .anySatisfy(check -> {
                    assertThat(check.get("name")).isEqualTo(DATABASE_CHECK);
                    assertThat(check.get("status")).isEqualTo("UP");
                });
    }

    @Test
    void livenessDoesNotDependOnTheDatabase() {
        assertThat(checks("/q/health/live")).noneMatch(check -> DATABASE_CHECK.equals(check.get("name")))
                .noneMatch(check -> String.valueOf(check.get("name")).toLowerCase().contains("database"));
    }

    @Test
    void theStartupProbeAnswersWithoutSignIn() {
        given().redirects().follow(false).when().get("/q/health/started").then().statusCode(200);
    }
}
