package app.candor.system;

import app.candor.support.DatabaseNeutral;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static app.candor.support.Api.as;
import static app.candor.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document is written out when asked for (not at start-up) and names this instance's public
 * address as its server, so that the API explorer's "Try it out" calls Candor where its users reach it.
 */
@QuarkusTest
@DatabaseNeutral
class ApiDocumentTest {

    @Inject
    TestData data;

    @Inject
    PublicUrl publicUrl;

    @Test
    void theDocumentNamesThisInstanceAsItsServer() {
        User reader = data.recruiter();
        JsonPath doc = json(reader).when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(doc.getString("servers[0].url")).isEqualTo(publicUrl.base());
        assertThat(doc.getMap("paths")).containsKey("/api/applications/{id}/stage");
        String yaml = as(reader).when().get("/q/openapi").then().statusCode(200).extract().asString();
        assertThat(yaml).contains("url: " + publicUrl.base()).contains("title: Candor API");
    }

    @Test
    void theDocumentNeedsASignIn() {
        // Like every page without a session: off to the sign-in page, no document.
        String location = given().redirects().follow(false).when().get("/q/openapi?format=json").then().statusCode(302)
                .extract().header("Location");
        assertThat(location).contains("/login");
    }
}
