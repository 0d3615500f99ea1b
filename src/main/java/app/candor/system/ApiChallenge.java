package app.candor.system;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * With form login enabled, Quarkus runs HTTP Basic in "silent" mode: an anonymous API call gets a
 * bare 401 with no challenge. API clients (curl, scripts) need {@code WWW-Authenticate} to know to
 * send credentials, so a 401 under /api (and of the Prometheus metrics, /q/metrics) names the Basic
 * scheme and our realm.
 * <p>Except to a browser: a Basic challenge makes it ask for the password and then send it by itself with
 * every later request to Candor, including ones another site triggers (issue 19). A request that carries
 * what browsers send (Sec-Fetch-*, Origin, or asks for HTML) gets the 401 without a challenge; API clients
 * send their credentials up front anyway.
 * <p>A wrong password (or a deactivated account, an ended session) answers 401 with a Problem Details body, as
 * every other refusal of the API does: Quarkus's own failure handler would end the 401 bare. A response the
 * sign-in throttle has already written (429) is left as it is.
 */
@ApplicationScoped
public class ApiChallenge {

    static final String CHALLENGE = "Basic realm=\"Candor\", charset=\"UTF-8\"";
    /** With HTTP Basic off (candor.auth.basic=false), clients are told to send a token (API tokens, or the provider's). */
    static final String BEARER_CHALLENGE = "Bearer realm=\"Candor\"";

    @Inject
    CandorConfig config;

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            if (underBasic(rc.normalizedPath())) {
                rc.addHeadersEndHandler(v -> {
                    if (rc.response().getStatusCode() == 401 && !fromBrowser(rc)) {
                        rc.response().headers().set("WWW-Authenticate",
                                config.auth().basic() && config.auth().localPasswords() ? CHALLENGE : BEARER_CHALLENGE);
                    }
                });
            }
            rc.next();
        }, 2000); // ahead of the authentication handlers, which write the 401
    }

    private static boolean underBasic(String path) {
        return path.startsWith("/api/") || path.equals("/api") || path.equals("/q/metrics") || path.startsWith("/q/metrics/");
    }

    /**
     * Called by the identity provider while it checks a password: Quarkus has put its failure handler into the
     * request by then (it replaces any put earlier), so this wraps it. A failed sign-in under /api gets the
     * Problem body; anything else, or a response already written (the throttle's 429), goes on to Quarkus's.
     */
    public void answerFailuresWithProblem(RoutingContext rc) {
        if (rc == null || !underBasic(rc.normalizedPath())) {
            return;
        }
        BiConsumer<RoutingContext, Throwable> quarkus = rc.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (event, failure) -> {
            if (failure instanceof AuthenticationFailedException && !event.response().ended()) {
                refused(event);
            } else if (quarkus != null) {
                quarkus.accept(event, failure);
            } else {
                event.fail(failure);
            }
        });
    }

    private static void refused(RoutingContext rc) {
        Refusal.send(rc, true, 401, "Unauthorized",
                "The username or password, or the API token, is not right (or has expired or been revoked), or the account cannot sign in now.");
    }

    static boolean fromBrowser(RoutingContext rc) {
        var headers = rc.request().headers();
        String accept = headers.get("Accept");
        return headers.contains("Sec-Fetch-Mode") || headers.contains("Sec-Fetch-Site") || headers.contains("Origin")
                || (accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html"));
    }
}
