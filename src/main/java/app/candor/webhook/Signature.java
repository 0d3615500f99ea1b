package app.candor.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The signature header of every delivery, as Stripe signs: {@code Candor-Signature: t=<unix seconds>,v1=<hex>} where
 * the hex is HMAC-SHA256 with the endpoint's secret over {@code t + "." + body}. The timestamp is signed too, so a
 * receiver can refuse old replays; a retry is signed afresh with its own timestamp (the event id stays).
 */
public final class Signature {

    public static final String HEADER = "Candor-Signature";

    private Signature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    public static String hmac(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
