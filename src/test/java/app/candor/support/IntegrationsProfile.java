package app.candor.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Privacy, webhooks and bounces (issue 22): a database of their own (retention anonymises whatever is old enough,
 * and must not reach the other tests' candidates), real SMTP and IMAP ({@link IntegrationsResource}). One profile for
 * all of them, so the app restarts once for these tests together.
 */
public class IntegrationsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return TestDatabase.own("candor-integrations");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(IntegrationsResource.class));
    }
}
