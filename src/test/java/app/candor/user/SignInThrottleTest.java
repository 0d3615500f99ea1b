package app.candor.user;

import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, finding 4: wrong passwords make further attempts wait, per account and per address, on the form and
 * with HTTP Basic; a waiting attempt never reaches bcrypt; the wait is short and says how long it is.
 */
@QuarkusTest
class SignInThrottleTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    CredentialCache cache;

    User user;
    String address;
    Instant start;

    @BeforeEach
    void setUp() {
        user = data.recruiter();
        address = "10.77.0." + ADDRESSES.incrementAndGet();
        start = Instant.now();
        clock.set(start);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private RequestSpecification from() {
        return given().redirects().follow(false).header("X-Forwarded-For", address);
    }

    private Response basic(String username, String password) {
        return from().auth().preemptive().basic(username, password).accept(ContentType.JSON).when().get("/api/users/me");
    }

    private Response form(String username, String password) {
        return from().contentType(ContentType.URLENC).formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneWaitsWithoutBcryptAndThenWorks() {
        for (int i = 0; i < 5; i++) {
            assertThat(basic(user.username, "wrong-" + i).statusCode()).isEqualTo(401);
        }
        assertThat(basic(user.username, "wrong-5").statusCode()).as("the sixth wrong one is checked, then the account waits").isEqualTo(401);

        long misses = cache.misses();
        Response waiting = basic(user.username, TestData.PASSWORD);
        Api.problem(waiting, 429, "Try again in 15 seconds");
        assertThat(waiting.header("Retry-After")).isEqualTo("15");
        assertThat(basic(user.username, "wrong-again").statusCode()).isEqualTo(429);
        assertThat(cache.misses()).as("no bcrypt while waiting").isEqualTo(misses);

        Response page = form(user.username, TestData.PASSWORD);
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.header("Location")).endsWith("/login?wait=15");
        assertThat(page.getCookie("candor-session")).isNull();
        assertThat(given().get("/login?wait=15").asString()).contains("Too many failed sign-ins. Try again in 15 seconds.");

        clock.set(start.plusSeconds(16));
        assertThat(basic(user.username, TestData.PASSWORD).statusCode()).isEqualTo(200);
        assertThat(form(user.username, TestData.PASSWORD).getCookie("candor-session")).isNotNull();
    }

    @Test
    void guessingCannotLockTheOwnerOutForLong() {
        Instant now = start;
        for (int i = 0; i < 30; i++) {
            basic(user.username, "guess-" + i);
            now = now.plus(Duration.ofMinutes(3)); // past any wait: every guess counts, the wait keeps doubling...
            clock.set(now);
        }
        assertThat(basic(user.username, TestData.PASSWORD).statusCode()).as("...but never beyond two minutes").isEqualTo(200);
    }

    @Test
    void theFormCountsToo() {
        for (int i = 0; i < 6; i++) {
            assertThat(form(user.username, "wrong-" + i).header("Location")).endsWith("/login?error=true");
        }
        assertThat(form(user.username, TestData.PASSWORD).header("Location")).contains("/login?wait=");
        assertThat(basic(user.username, TestData.PASSWORD).statusCode()).as("shared by both ways in").isEqualTo(429);
    }

    @Test
    void failuresCountPerAccountAndPerAddressInTheDatabase() {
        for (int i = 0; i < 3; i++) {
            basic("nobody-" + i + "-" + address, "wrong").then().statusCode(401);
        }
        basic(user.username, "wrong").then().statusCode(401);
        assertThat(failures("login:" + address)).as("the address, whatever the account").isEqualTo(4);
        assertThat(failures("user:" + user.username)).isEqualTo(1);
        assertThat(failures("user:nobody-0-" + address)).as("unknown accounts count too").isEqualTo(1);
        basic(user.username, TestData.PASSWORD).then().statusCode(200);
        assertThat(failures("user:" + user.username)).as("the right password clears the account").isZero();
    }

    private static int failures(String subject) {
        return Api.db(() -> ((Number) User.getEntityManager().createNativeQuery(
                "select coalesce(sum(failures), 0) from throttle where subject = :s").setParameter("s", subject).getSingleResult()).intValue());
    }
}
