package app.candor.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * The app delivering over real SMTP to GreenMail ({@link GreenMailResource}). Only the mail tests use
 * it; every other test keeps the mock mailer. Quarkus orders test classes by profile, so the app
 * restarts once for all mail tests together.
 *
 * <p>It gets a database of its own ({@link TestDatabase#own}), as every profile does: the test profile's
 * {@code jdbc:h2:mem:candor} outlives an app restart in the same JVM (DB_CLOSE_DELAY=-1), and the restarted app
 * would deliver to GreenMail the letters the other profile's tests left queued. (It once also hid an H2 2.4.240
 * defect, "Check constraint invalid" after the migrating connection closed; H2ConstraintAcrossConnectionsTest
 * now keeps that case.)
 */
public class MailProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestDatabase.own("candor-mail");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(GreenMailResource.class));
    }
}
