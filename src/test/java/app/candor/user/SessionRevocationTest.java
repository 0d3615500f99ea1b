package app.candor.user;

import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;

/**
 * Issue 19, finding 3 and the own-password part of 8: a session ends, on the server, at sign-out, a password or
 * role change, deactivation, and after the absolute lifetime however busy it is; users change their own password.
 */
@QuarkusTest
class SessionRevocationTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    SessionTicket tickets;

    User admin;
    User recruiter;

    @BeforeEach
    void setUp() {
        admin = data.admin();
        recruiter = data.recruiter();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static void signedIn(PageSession session) {
        session.request().when().get("/requisitions").then().statusCode(200);
    }

    private static void signedOut(PageSession session) {
        session.request().when().get("/requisitions").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void afterSignOutACopyOfTheOldCookiesNoLongerWorks() {
        PageSession copy = PageSession.signIn(recruiter);
        copy.get("/requisitions");
        signedIn(copy);
        copy.post("/logout", Map.of()).then().statusCode(303);
        signedOut(copy); // the same cookies, replayed
    }

    @Test
    void anAdminsPasswordChangeEndsTheUsersSessions() {
        PageSession session = PageSession.signIn(recruiter);
        signedIn(session);
        Api.json(admin).body(Map.of("username", recruiter.username, "password", "brand-new-kettle-harbor-5",
                "fullName", recruiter.fullName, "roles", List.of(Role.RECRUITER))).when().put("/api/admin/users/" + recruiter.id)
                .then().statusCode(200);
        signedOut(session);
    }

    @Test
    void aRoleChangeEndsTheUsersSessionsButOtherEditsDoNot() {
        PageSession session = PageSession.signIn(recruiter);
        Api.json(admin).body(Map.of("username", recruiter.username, "fullName", "Renamed " + recruiter.fullName,
                "roles", List.of(Role.RECRUITER))).when().put("/api/admin/users/" + recruiter.id).then().statusCode(200);
        signedIn(session);
        Api.json(admin).body(Map.of("username", recruiter.username, "fullName", recruiter.fullName,
                "roles", List.of(Role.RECRUITER, Role.HIRING_MANAGER))).when().put("/api/admin/users/" + recruiter.id).then().statusCode(200);
        signedOut(session);
    }

    @Test
    void deactivationEndsTheSessionAndReactivationDoesNotBringItBack() {
        PageSession session = PageSession.signIn(recruiter);
        Api.json(admin).when().post("/api/admin/users/" + recruiter.id + "/deactivate").then().statusCode(200);
        Api.json(admin).when().post("/api/admin/users/" + recruiter.id + "/activate").then().statusCode(200);
        signedOut(session);
        signedIn(PageSession.signIn(recruiter));
    }

    @Test
    void aSessionEndsAfterItsAbsoluteLifetimeHoweverBusy() {
        // The lifetime runs on wall time (business-clock tests move by days): tickets issued hours ago, signed as Candor does.
        PageSession session = PageSession.signIn(recruiter);
        String login = session.cookie("candor-session");
        int generation = Api.db(() -> User.<User>findById(recruiter.id).sessionGeneration);
        String elevenHours = tickets.value(recruiter.username, generation, Instant.now().minus(Duration.ofHours(11)));
        String twelveHours = tickets.value(recruiter.username, generation, Instant.now().minus(Duration.ofHours(12)).minusSeconds(1));
        given().redirects().follow(false).cookie("candor-session", login).cookie("candor-sid", elevenHours)
                .when().get("/requisitions").then().statusCode(200);
        given().redirects().follow(false).cookie("candor-session", login).cookie("candor-sid", twelveHours)
                .when().get("/requisitions").then().statusCode(302).header("Location", endsWith("/login"));
    }

    @Test
    void timeTravelOfTheBusinessClockDoesNotEndSessions() {
        PageSession session = PageSession.signIn(recruiter);
        clock.set(Instant.now().plus(Duration.ofDays(3)));
        signedIn(session);
    }

    @Test
    void aLoginCookieWithoutItsTicketOrWithATamperedOneIsRefused() {
        PageSession session = PageSession.signIn(recruiter);
        String login = session.cookie("candor-session");
        given().redirects().follow(false).cookie("candor-session", login).when().get("/requisitions").then().statusCode(302);
        String[] ticket = session.cookie("candor-sid").split("\\.");
        String newerGeneration = ticket[0] + "." + (Integer.parseInt(ticket[1]) + 1) + "." + ticket[2] + "." + ticket[3];
        given().redirects().follow(false).cookie("candor-session", login).cookie("candor-sid", newerGeneration)
                .when().get("/requisitions").then().statusCode(302);
        signedIn(session);
    }

    @Test
    void usersChangeTheirOwnPasswordOnThePageWithTheOldOneRequired() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/account/password").then().statusCode(200);
        assertThat(session.post("/account/password", Map.of("oldPassword", "not-my-password", "newPassword", "brand-new-kettle-harbor-5"))
                .then().statusCode(400).extract().asString()).contains("is not your current password");
        assertThat(session.post("/account/password", Map.of("oldPassword", TestData.PASSWORD, "newPassword", "aaaaaaaaaaaa"))
                .then().statusCode(400).extract().asString()).contains("too easy to guess");
        session.post("/account/password", Map.of("oldPassword", TestData.PASSWORD, "newPassword", "brand-new-kettle-harbor-5"))
                .then().statusCode(303);
        signedOut(session);
        given().auth().preemptive().basic(recruiter.username, TestData.PASSWORD).when().get("/api/users/me").then().statusCode(401);
        given().auth().preemptive().basic(recruiter.username, "brand-new-kettle-harbor-5").when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void usersChangeTheirOwnPasswordThroughTheApi() {
        Api.problem(Api.json(recruiter).body(Map.of("oldPassword", "wrong-one", "newPassword", "brand-new-kettle-harbor-5"))
                .when().post("/api/users/me/password"), 400, "oldPassword");
        Api.problem(Api.json(recruiter).body(Map.of("oldPassword", TestData.PASSWORD, "newPassword", "CHANGE_ME_CHANGE_ME"))
                .when().post("/api/users/me/password"), 400, "placeholder");
        Api.json(recruiter).body(Map.of("oldPassword", TestData.PASSWORD, "newPassword", "brand-new-kettle-harbor-5"))
                .when().post("/api/users/me/password").then().statusCode(204);
        given().auth().preemptive().basic(recruiter.username, "brand-new-kettle-harbor-5").contentType(ContentType.JSON)
                .when().get("/api/users/me").then().statusCode(200);
    }
}
