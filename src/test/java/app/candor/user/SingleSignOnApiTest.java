package app.candor.user;

import app.candor.support.Api;
import app.candor.support.KeycloakResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With single sign-on on, the API accepts the provider's access tokens (here Keycloak's, got with the password
 * grant as a script would) and maps them to Candor users and roles as the pages do.
 */
@QuarkusTest
@TestProfile(SingleSignOnProfile.class)
class SingleSignOnApiTest {

    @BeforeEach
    void keycloak() {
        KeycloakResource.assumeRunning();
    }

    private static String accessToken(String username, String password) {
        return given().baseUri(KeycloakResource.realmUrl()).contentType(ContentType.URLENC)
                .formParam("grant_type", "password").formParam("client_id", KeycloakResource.CLIENT)
                .formParam("client_secret", KeycloakResource.SECRET).formParam("username", username).formParam("password", password)
                .formParam("scope", "openid")
                .when().post("/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void theProvidersAccessTokenIsAcceptedOnTheApi() {
        String token = accessToken("rachel", "rachel-pass");
        given().auth().oauth2(token).accept(ContentType.JSON).when().get("/api/requisitions").then().statusCode(200);
        assertThat(Api.db(() -> User.findByUsername("rachel").orElseThrow().roleList())).containsExactly(Role.RECRUITER);
    }

    @Test
    void rolesStillDecide() {
        String manager = accessToken("mona", "mona-pass");
        given().auth().oauth2(manager).accept(ContentType.JSON).when().get("/api/admin/users").then().statusCode(403);
        String outsider = accessToken("olga", "olga-pass");
        Api.problem(given().auth().oauth2(outsider).accept(ContentType.JSON).when().get("/api/requisitions"), 403, "no Candor role");
        given().auth().oauth2(manager + "tampered").accept(ContentType.JSON).when().get("/api/requisitions").then().statusCode(401);
    }
}
