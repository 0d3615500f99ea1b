package app.candor.user;

import app.candor.support.Api;
import app.candor.support.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default: quarkus-oidc is in the build but no provider is configured (as in the embedded profile), and Candor
 * starts and signs in with the form as before; no single sign-on button, /sso leads to the sign-in form, and a bearer
 * token that is not a Candor API token is refused.
 */
@QuarkusTest
class SingleSignOnOffTest {

    @Test
    void noProviderNoButtonAndTheFormAsBefore() {
        String login = PageSession.anonymous().when().get("/login").then().statusCode(200).extract().asString();
        assertThat(login).doesNotContain("id=\"sso\"").contains("j_security_check");
        String location = PageSession.anonymous().when().get("/sso").then().statusCode(302).extract().header("Location");
        assertThat(location).endsWith("/login");
    }

    @Test
    void aForeignBearerTokenIsRefused() {
        Api.problem(given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.e30.c2ln").accept(ContentType.JSON).when().get("/api/requisitions"),
                401, "not a Candor API token");
    }
}
