package app.candor.link;

import app.candor.application.Application;
import app.candor.support.Api;
import app.candor.support.SettingsProfile;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;


import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, finding 6: the link guard takes the client address from X-Forwarded-For only when the request comes
 * from a trusted proxy. Here localhost is not one, so every forged value counts against the real peer.
 * (A database of its own, as every profile has; sharing the default one once met H2 2.4.240's "Check constraint
 * invalid" after the restart, issue 16.)
 */
@QuarkusTest
@TestProfile(SettingsProfile.class)
class LinkGuardProxyTest {

    @BeforeEach
    @AfterEach
    void forgetLocalFailures() {
        QuarkusTransaction.requiringNew().run(() -> Application.getEntityManager()
                .createNativeQuery("delete from throttle where subject like 'link:%'").executeUpdate());
    }

    @Test
    void aForgedForwardedForGetsNoFreshCount() {
        for (int i = 0; i < 10; i++) {
            given().header("X-Forwarded-For", "203.0.113." + i).when().get("/c/status?t=cnd_" + Api.repeat((char) ('a' + i), 43))
                    .then().statusCode(404);
        }
        assertThat(given().header("X-Forwarded-For", "203.0.113.99").when().get("/c/status?t=cnd_" + Api.repeat('z', 43)).statusCode())
                .as("the eleventh wrong link, whatever address it claims").isEqualTo(429);
        long forged = Api.db(() -> ((Number) Application.getEntityManager()
                .createNativeQuery("select count(*) from throttle where subject like 'link:203.0.113.%'").getSingleResult()).longValue());
        assertThat(forged).isZero();
    }
}
