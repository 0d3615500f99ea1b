package app.candor.system;

import app.candor.support.MailProfile;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** With a real SMTP server configured, the pages do not claim that mail stays on this machine. */
@QuarkusTest
@TestProfile(MailProfile.class)
class MailModeSendingTest {

    @Inject
    TestData data;

    @Test
    void whenMailIsReallySentNoPageShowsTheDemoBanner() {
        PageSession.anonymous().when().get("/login").then().statusCode(200).body(not(containsString("mock-banner")));
        PageSession.signIn(data.recruiter()).request().when().get("/requisitions").then().statusCode(200)
                .body(containsString("Requisitions"), not(containsString("no e-mail leaves this machine")), not(containsString("Demo inbox")));
    }

    @Test
    void whenMailIsReallySentThereIsNoDemoInbox() {
        PageSession.signIn(data.recruiter()).request().when().get("/demo/inbox").then().statusCode(404)
                .body(not(containsString("cnd_")));
    }
}
