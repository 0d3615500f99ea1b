package app.candor.system;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With form login enabled, Quarkus runs HTTP Basic in "silent" mode: an anonymous API call gets a
 * bare 401 with no challenge. API clients (curl, scripts) need {@code WWW-Authenticate} to know to
 * send credentials, so every 401 under /api (and of the Prometheus metrics, /q/metrics) names the Basic
 * scheme and our realm.
 */
@ApplicationScoped
public class ApiChallenge {

    static final String CHALLENGE = "Basic realm=\"Candor\", charset=\"UTF-8\"";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String path = rc.normalizedPath();
            if (path.startsWith("/api/") || path.equals("/api") || path.equals("/q/metrics") || path.startsWith("/q/metrics/")) {
                rc.addHeadersEndHandler(v -> {
                    if (rc.response().getStatusCode() == 401) {
                        rc.response().headers().set("WWW-Authenticate", CHALLENGE);
                    }
                });
            }
            rc.next();
        }, 2000); // ahead of the authentication handlers, which write the 401
    }
}
