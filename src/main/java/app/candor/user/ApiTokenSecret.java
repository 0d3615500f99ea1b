package app.candor.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an API token: "candor_" and 256 random bits (base64url). Stored as its SHA-256: a slow hash
 * (bcrypt) protects guessable passwords, and a 256-bit random value is not guessable, so a fast hash suffices
 * and API calls stay cheap. The prefix lets secret scanners and the bearer mechanism recognise it.
 */
public final class ApiTokenSecret {

    public static final String PREFIX = "candor_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecret() {
    }

    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static boolean looksLikeOne(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** What lists show of a token: the prefix and four characters, never enough to use it. */
    public static String hint(String secret) {
        return secret.substring(0, Math.min(secret.length(), PREFIX.length() + 4));
    }
}
