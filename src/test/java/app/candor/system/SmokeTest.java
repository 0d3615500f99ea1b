package app.candor.system;

import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class SmokeTest {

    @Inject
    TestData data;

    @Test
    void recruiterSeesThemselves() {
        User rita = data.recruiter();
        given().auth().preemptive().basic(rita.username, TestData.PASSWORD)
                .when().get("/api/users/me")
                .then().statusCode(200).body("username", equalTo(rita.username));
    }
}
