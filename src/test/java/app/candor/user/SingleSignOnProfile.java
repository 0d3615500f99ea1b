package app.candor.user;

import app.candor.support.KeycloakResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Single sign-on against a real Keycloak ({@link KeycloakResource}), started once for every test class of this
 * profile (Quarkus runs the classes of one profile together).
 */
public class SingleSignOnProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of();
    }
}
