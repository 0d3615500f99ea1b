package app.candor.user;

import app.candor.support.TestData;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * HTTP Basic remembers a verified password for a while (no bcrypt per request), but never a wrong one,
 * and a change to the user's password, roles or active flag counts from the very next request.
 */
@QuarkusTest
class CredentialCacheTest {

    @Inject
    TestData data;

    @Inject
    CredentialCache cache;

    User admin;
    User recruiter;

    @BeforeEach
    void setUp() {
        admin = data.admin();
        recruiter = data.recruiter();
    }

    private static io.restassured.specification.RequestSpecification basic(User user, String password) {
        return given().auth().preemptive().basic(user.username, password).accept(ContentType.JSON);
    }

    private static void signsIn(User user, String password) {
        basic(user, password).when().get("/api/users/me").then().statusCode(200).body("username", equalTo(user.username));
    }

    private static void isRefused(User user, String password) {
        basic(user, password).when().get("/api/users/me").then().statusCode(401);
    }

    @Test
    void aRememberedPasswordKeepsSigningInWithoutCheckingTheHashAgain() {
        long before = cache.misses();
        signsIn(recruiter, TestData.PASSWORD);
        signsIn(recruiter, TestData.PASSWORD);
        signsIn(recruiter, TestData.PASSWORD);
        assertThat(cache.misses() - before).as("bcrypt checks for three requests by the same user").isEqualTo(1);
    }

    @Test
    void aWrongPasswordIsRefusedEvenWhileTheRightOneIsRemembered() {
        signsIn(recruiter, TestData.PASSWORD);
        long before = cache.misses();
        isRefused(recruiter, TestData.PASSWORD + "x");
        isRefused(recruiter, TestData.PASSWORD + "x");
        assertThat(cache.misses() - before).as("a wrong password is checked every time, never remembered").isEqualTo(2);
        signsIn(recruiter, TestData.PASSWORD);
    }

    @Test
    void afterAPasswordChangeTheOldPasswordIsRefusedAtOnceAndTheNewOneWorks() {
        signsIn(recruiter, TestData.PASSWORD);
        json(admin).body(Map.of("username", recruiter.username, "password", "a-new-walnut-ledger-9", "fullName", recruiter.fullName,
                        "roles", List.of(Role.RECRUITER)))
                .when().put("/api/admin/users/" + recruiter.id).then().statusCode(200);
        isRefused(recruiter, TestData.PASSWORD);
        signsIn(recruiter, "a-new-walnut-ledger-9");
    }

    @Test
    void aPasswordChangedInTheDatabaseBehindCandorsBackIsNoticedOnTheNextRequest() {
        // as another replica or an SQL fix would: no entity update in this process
        signsIn(recruiter, TestData.PASSWORD);
        QuarkusTransaction.requiringNew().run(() ->
                User.update("password = ?1 where id = ?2", BcryptUtil.bcryptHash("changed-elsewhere"), recruiter.id));
        isRefused(recruiter, TestData.PASSWORD);
        signsIn(recruiter, "changed-elsewhere");
    }

    @Test
    void aDeactivatedUserIsRefusedAtOnce() {
        signsIn(recruiter, TestData.PASSWORD);
        json(admin).when().post("/api/admin/users/" + recruiter.id + "/deactivate").then().statusCode(200);
        isRefused(recruiter, TestData.PASSWORD);
    }

    @Test
    void aRoleChangeCountsFromTheNextRequest() {
        basic(recruiter, TestData.PASSWORD).when().get("/api/users").then().statusCode(200);
        json(admin).body(Map.of("username", recruiter.username, "fullName", recruiter.fullName,
                        "roles", List.of(Role.HIRING_MANAGER)))
                .when().put("/api/admin/users/" + recruiter.id).then().statusCode(200);
        basic(recruiter, TestData.PASSWORD).when().get("/api/users").then().statusCode(403);
        signsIn(recruiter, TestData.PASSWORD);
    }
}
