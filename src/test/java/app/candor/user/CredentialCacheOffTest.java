package app.candor.user;

import app.candor.support.TestData;
import app.candor.support.TestDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code candor.auth.credential-cache-ttl=PT0S}: every request checks the password hash again, as before the cache. */
@QuarkusTest
@TestProfile(CredentialCacheOffTest.CacheOff.class)
class CredentialCacheOffTest {

    public static class CacheOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = TestDatabase.own("candor-auth-nocache");
            config.put("candor.auth.credential-cache-ttl", "PT0S");
            return config;
        }
    }

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
        assertEquals(3, cache.misses() - before, "bcrypt checks for three requests");
        assertEquals(0, cache.size(), "nothing remembered");
    }
}
