package app.candor.system;

import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The mock mailer is said plainly on every page, and naming an SMTP host switches it off. */
@QuarkusTest
class MailModeTest {

    @Inject
    TestData data;

    @AfterEach
    void forgetHost() {
        System.clearProperty("quarkus.mailer.host");
    }

    @Test
    void withTheMockMailerEveryPageSaysThatNoMailLeavesThisMachine() {
        PageSession.anonymous().when().get("/login").then().statusCode(200)
                .body(containsString("class=\"mock-banner\""), containsString("no e-mail leaves this machine"));
        PageSession.signIn(data.recruiter()).request().when().get("/requisitions").then().statusCode(200)
                .body(containsString("no e-mail leaves this machine"));
    }

    @Test
    void anSmtpHostTurnsTheMockOffAndWithoutOneNothingIsDecidedHere() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("QUARKUS_MAILER_HOST") == null,
                "skipped: QUARKUS_MAILER_HOST is set in this environment");
        assertThat(new MailModeConfigSource().getValue("quarkus.mailer.mock"))
                .as("no host: application.properties decides (mock)").isNull();

        System.setProperty("quarkus.mailer.host", "smtp.example.test");
        assertThat(new MailModeConfigSource().getValue("quarkus.mailer.mock")).isEqualTo("false");

        System.setProperty("quarkus.mailer.host", "  ");
        assertThat(new MailModeConfigSource().getValue("quarkus.mailer.mock")).as("a blank host is no host").isNull();
    }
}
