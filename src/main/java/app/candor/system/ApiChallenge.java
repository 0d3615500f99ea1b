package app.candor.system;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With form login enabled, Quarkus runs HTTP Basic in "silent" mode: an anonymous API call gets a
 * bare 401 with no challenge. API clients (curl, scripts) need {@code WWW-Authenticate} to know to
 * send credentials, so a 401 under /api (and of the Prometheus metrics, /q/metrics) names the Basic
 * scheme and our realm.
 * <p>Except to a browser: a Basic challenge makes it ask for the password and then send it by itself with
 * every later request to Candor, including ones another site triggers (issue 19). A request that carries
 * what browsers send (Sec-Fetch-*, Origin, or asks for HTML) gets the 401 without a challenge; API clients
 * send their credentials up front anyway.
 */
@ApplicationScoped
public class ApiChallenge {

    static final String CHALLENGE = "Basic realm=\"Candor\", charset=\"UTF-8\"";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.startsWith("/api/") || path.equals("/api") || path.equals("/q/metrics") || path.startsWith("/q/metrics/")) {
                rc.addHeadersEndHandler(v -> {
                    if (rc.response().getStatusCode() == 401 && !fromBrowser(rc)) {
                        rc.response().headers().set("WWW-Authenticate", CHALLENGE);
                    }
                });
            }
            rc.next();
        }, 2000); // ahead of the authentication handlers, which write the 401
    }

    static boolean fromBrowser(RoutingContext rc) {
        var headers = rc.request().headers();
        String accept = headers.get("Accept");
        return headers.contains("Sec-Fetch-Mode") || headers.contains("Sec-Fetch-Site") || headers.contains("Origin")
                || (accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("text/html"));
    }
}
