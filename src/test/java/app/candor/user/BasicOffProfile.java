package app.candor.user;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** As production has it by default: HTTP Basic with passwords switched off. */
public class BasicOffProfile implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("candor.auth.basic", "false");
    }
}
