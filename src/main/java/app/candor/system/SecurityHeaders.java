package app.candor.system;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Headers every answer carries (the candidate pages, /c/*, add their own stricter ones in application.properties):
 * never framed (clickjacking), never content-sniffed, pages and API answers never cached (they show signed-in
 * data), a Content-Security-Policy as strict as the candidate pages' plus Candor's own scripts (the closure
 * chart), and HSTS whenever the request came over HTTPS (directly, or from the trusted proxy that says so).
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    /**
     * With single sign-on, the sign-out form's redirects end at the identity provider (RP-initiated logout), and a
     * browser applies form-action to every redirect of a form's submission: the provider's origin is allowed too.
     */
    private final String csp;

    @Inject
    SecurityHeaders(CandorConfig config,
                    @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> provider) {
        String origin = config.oidc().enabled() ? provider.map(CrossSiteGuard::originOf).filter(o -> !o.isBlank()).orElse("") : "";
        csp = origin.isEmpty() || origin.matches(".*[\\s;,'].*") ? CSP : CSP.replace("form-action 'self'", "form-action 'self' " + origin);
    }

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            rc.addHeadersEndHandler(v -> apply(rc));
            rc.next();
        }, 4000); // first: the refusals of CrossSiteGuard and RequestGate carry the headers too
    }

    private void apply(RoutingContext rc) {
        MultiMap headers = rc.response().headers();
        String path = rc.normalizedPath();
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "same-origin");
        }
        boolean tool = path.startsWith("/q/swagger-ui") || path.startsWith("/q/dev");
        if (!tool && !headers.contains("Content-Security-Policy")) {
            headers.set("Content-Security-Policy", csp);
        }
        boolean asset = path.startsWith("/static/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
        if (!asset) {
            headers.set("Cache-Control", "no-store");
        }
        if (rc.request().isSSL()) {
            headers.set("Strict-Transport-Security", HSTS);
        }
    }
}
