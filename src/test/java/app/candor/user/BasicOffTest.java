package app.candor.user;

import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production's default: no password travels with API calls. HTTP Basic is refused on /api and /q/metrics with a
 * Problem that says to send a token, the challenge names Bearer, and tokens and the sign-in form work as before.
 */
@QuarkusTest
@TestProfile(BasicOffProfile.class)
class BasicOffTest {

    @Inject
    TestData data;

    @Inject
    ApiTokenService tokens;

    @Test
    void basicIsRefusedEvenWithTheRightPassword() {
        User recruiter = data.recruiter();
        Response basic = Api.as(recruiter).accept(ContentType.JSON).when().get("/api/requisitions");
        Api.problem(basic, 401, "HTTP Basic", "API token");
        Response metrics = given().auth().preemptive().basic(data.admin().username, TestData.PASSWORD).when().get("/q/metrics");
        assertThat(metrics.statusCode()).isEqualTo(401);
        assertThat(metrics.asString()).contains("HTTP Basic").doesNotContain("candor_");
        assertThat(given().accept(ContentType.JSON).when().get("/api/requisitions").header("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"Candor\"");
    }

    @Test
    void tokensAndTheSignInFormStillWork() {
        User recruiter = data.recruiter();
        String token = tokens.create(recruiter.id, recruiter.username, false, "script", "read-only", "5").secret();
        given().header("Authorization", "Bearer " + token).accept(ContentType.JSON).when().get("/api/requisitions")
                .then().statusCode(200);
        PageSession.signIn(recruiter).get("/requisitions").then().statusCode(200);
    }
}
