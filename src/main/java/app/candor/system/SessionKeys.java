package app.candor.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The keys that protect sign-in sessions, all from one secret: {@code quarkus.http.auth.session.encryption-key}
 * (CANDOR_SESSION_KEY in production, the same on every replica).
 * <ul>
 * <li>Outside production nobody sets it: a random one is made here, at each start, instead of letting Quarkus
 * invent one and print it in the log (issue 19). Sessions end with a restart, as before.</li>
 * <li>Keys for single purposes are derived from it ({@link #derive}), e.g. the session ticket's signing key.</li>
 * </ul>
 * The ordinal is below application.properties and the environment: whatever is set there wins.
 */
public class SessionKeys implements ConfigSourceFactory {

    public static final String SESSION_KEY = "quarkus.http.auth.session.encryption-key";
    static final int ORDINAL = 150;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue set = context.getValue(SESSION_KEY);
        String key = set == null ? null : set.getValue();
        boolean production = context.getProfiles().contains("prod");
        if (key == null || key.isBlank()) {
            if (production) {
                return List.of(); // ProductionSettings refuses to start and names CANDOR_SESSION_KEY
            }
            key = RandomKey.KEY;
        }
        return List.of(new PropertiesConfigSource(Map.of(SESSION_KEY, key), "candor-session-keys", ORDINAL));
    }

    /** One per process: the configuration may be built more than once while starting. */
    private static final class RandomKey {
        static final String KEY;

        static {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            KEY = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }
    }

    /** A key for one purpose only, derived from the session secret (HMAC-SHA256 of the purpose). */
    public static String derive(String secret, String purpose) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(secret.getBytes(StandardCharsets.UTF_8), purpose));
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
