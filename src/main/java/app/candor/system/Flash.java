package app.candor.system;

import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The one-line message shown after a POST-redirect-GET ("Candidate added"). It travels in a
 * short-lived cookie and is shown once: reading it expires the cookie.
 */
@Named("flash")
@RequestScoped
public class Flash {

    static final String COOKIE = "candor-flash";
    private static final int MAX_LENGTH = 500;

    @Inject
    RoutingContext routing;

    private String message;
    private boolean read;

    /** A 303 redirect to {@code location} that shows {@code message} on the next page. */
    public static Response redirect(String location, String message) {
        String text = message.length() > MAX_LENGTH ? message.substring(0, MAX_LENGTH) + "…" : message;
        NewCookie cookie = new NewCookie.Builder(COOKIE)
                .value(URLEncoder.encode(text, StandardCharsets.UTF_8))
                .path("/").httpOnly(true).maxAge(60).sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create(location)).cookie(cookie).build();
    }

    public String getMessage() {
        if (!read) {
            read = true;
            Cookie cookie = routing.request().getCookie(COOKIE);
            if (cookie != null && !cookie.getValue().isEmpty()) {
                message = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                routing.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0));
            }
        }
        return message;
    }
}
