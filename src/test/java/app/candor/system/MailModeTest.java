package app.candor.system;

import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertNull(new MailModeConfigSource().getValue("quarkus.mailer.mock"), "no host: application.properties decides (mock)");

        System.setProperty("quarkus.mailer.host", "smtp.example.test");
        assertEquals("false", new MailModeConfigSource().getValue("quarkus.mailer.mock"));

        System.setProperty("quarkus.mailer.host", "  ");
        assertNull(new MailModeConfigSource().getValue("quarkus.mailer.mock"), "a blank host is no host");
    }
}
