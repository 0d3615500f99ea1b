package app.candor.user;

import app.candor.support.SettingsProfile;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code candor.auth.credential-cache-ttl=PT0S}: every request checks the password hash again, as before the cache. */
@QuarkusTest
@TestProfile(SettingsProfile.class)
class CredentialCacheOffTest {

    @Inject
    TestData data;

    @Inject
    CredentialCache cache;

    @Test
    void withAZeroTtlEveryRequestChecksTheHash() {
        User recruiter = data.recruiter();
        long before = cache.misses();
        for (int i = 0; i < 3; i++) {
            given().auth().preemptive().basic(recruiter.username, TestData.PASSWORD).when().get("/api/users/me").then().statusCode(200);
        }
        assertThat(cache.misses() - before).as("bcrypt checks for three requests").isEqualTo(3);
        assertThat(cache.size()).as("nothing remembered").isZero();
    }
}
