package app.candor.user;

import app.candor.system.CandorConfig;
import app.candor.system.SessionKeys;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * What makes a sign-in session revocable. Quarkus' login cookie says only who is signed in and until when
 * (sliding with use), so beside it sits this one, set at sign-in and signed with a key derived from the session
 * secret: the user, the user's session generation at sign-in, and when that was. A session is good while its
 * generation is still the user's ({@link User#endSessions()} bumps it: sign-out, password or role change,
 * deactivation; the row is read on every request anyway, on whichever replica) and it is younger than
 * {@code candor.auth.session-lifetime}.
 */
@ApplicationScoped
public class SessionTicket {

    public static final String COOKIE = "candor-sid";

    @Inject
    CandorConfig config;

    /**
     * Wall time, as for the login cookie's idle timeout: the session lifetime is about real hours, not the
     * business clock (which tests move by days).
     */
    private final Clock clock = Clock.systemUTC();

    private final SecretKeySpec key;

    @Inject
    SessionTicket(@ConfigProperty(name = SessionKeys.SESSION_KEY) String secret) {
        key = new SecretKeySpec(Base64.getUrlDecoder().decode(SessionKeys.derive(secret, "session-ticket")), "HmacSHA256");
    }

    /** Sets the ticket for a sign-in that has just succeeded. */
    void issue(RoutingContext rc, User user) {
        Cookie cookie = Cookie.cookie(COOKIE, value(user.username, user.sessionGeneration, clock.instant())).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setSecure(rc.request().isSSL());
        rc.response().addCookie(cookie);
    }

    /** The cookie's value: user, generation, sign-in time, and the signature over them. */
    String value(String username, int generation, Instant issued) {
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(username.getBytes(StandardCharsets.UTF_8))
                + "." + generation + "." + issued.getEpochSecond();
        return payload + "." + sign(payload);
    }

    /** Whether the request's ticket vouches for a current session of {@code user}. */
    boolean valid(RoutingContext rc, User user) {
        Cookie cookie = rc.request().getCookie(COOKIE);
        if (cookie == null) {
            return false;
        }
        String[] parts = cookie.getValue().split("\\.");
        if (parts.length != 4) {
            return false;
        }
        String payload = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII), parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        try {
            String username = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            int generation = Integer.parseInt(parts[1]);
            Instant issued = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            return username.equals(user.username) && generation == user.sessionGeneration
                    && clock.instant().isBefore(issued.plus(config.auth().sessionLifetime()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Removes the ticket (sign-out). */
    static Cookie expired(RoutingContext rc) {
        return Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true).setSecure(rc.request().isSSL());
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
