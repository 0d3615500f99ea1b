package app.candor.system;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * Cross-site requests never change anything. Runs before authentication, so a refused request costs no
 * password check and counts as no failed sign-in.
 * <ul>
 * <li>Any unsafe request (POST, PUT, PATCH, DELETE) that a browser marks as coming from another site
 * ({@code Sec-Fetch-Site} other than same-origin/none, or an {@code Origin} that is not Candor's) is refused
 * with 403: the API, the pages, the sign-in form (login CSRF) and sign-out alike.</li>
 * <li>Pages: an unsafe request must be a form (url-encoded or multipart), whose CSRF token quarkus-rest-csrf
 * then checks, or carry the token in the {@code X-CSRF-TOKEN} header. A request with another or no
 * Content-Type (a body-less POST, JSON, {@code text/plain}) would otherwise skip that check, because the
 * extension is told to let the API's JSON through ({@code require-form-url-encoded=false}).</li>
 * </ul>
 * Requests without {@code Origin} and {@code Sec-Fetch-Site} are not from a (current) browser: API clients,
 * curl. They still need the CSRF token on pages and credentials on the API.
 */
@ApplicationScoped
public class CrossSiteGuard {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    private static final Set<String> SAME_SITE_FETCH = Set.of("same-origin", "none");
    static final String TOKEN_HEADER = "X-CSRF-TOKEN";

    @Inject
    CandorConfig config;

    void register(@Observes Filters filters) {
        // Ahead of RequestGate (3000): a cross-site write is refused as such, whatever else is wrong with it; and of
        // ApiChallenge (2000) and authentication.
        filters.register(this::check, 3500);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (SAFE.contains(request.method())) {
            rc.next();
            return;
        }
        String path = rc.normalizedPath();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        boolean page = !api && !path.equals("/j_security_check");
        if (crossSite(request, page)) {
            refuse(rc, api, 403, "Forbidden", "Cross-site requests cannot change anything in Candor.");
            return;
        }
        if (!api && !path.startsWith("/q/") && !path.equals("/j_security_check") && !isForm(request)
                && request.getHeader(TOKEN_HEADER) == null) {
            refuse(rc, false, 400, "Bad Request", "A form with its CSRF token is required.");
            return;
        }
        rc.next();
    }

    /**
     * What a browser tells us about where the request comes from; silent clients (no header) are not browsers.
     * Sec-Fetch-Site first: modern browsers send it whatever the referrer policy, while they send
     * {@code Origin: null} from pages with {@code Referrer-Policy: no-referrer} (the candidate pages). Without it,
     * a null Origin (old browsers on those pages, or a sandboxed frame) is let through only to pages, where the
     * CSRF token still decides.
     */
    boolean crossSite(HttpServerRequest request, boolean pagesOnly) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !SAME_SITE_FETCH.contains(fetchSite.trim().toLowerCase(Locale.ROOT));
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            return false;
        }
        if (origin.trim().equals("null")) {
            return !pagesOnly;
        }
        return !sameOrigin(origin.trim(), request);
    }

    /** Candor's own origin: as this request reached it (scheme and host, forwarded by a trusted proxy), or its public URL. */
    private boolean sameOrigin(String origin, HttpServerRequest request) {
        String own = request.scheme() + "://" + request.authority();
        if (origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(withoutDefaultPort(own))) {
            return true;
        }
        return config.publicUrl().map(CrossSiteGuard::originOf).map(origin::equalsIgnoreCase).orElse(false);
    }

    private static String withoutDefaultPort(String origin) {
        return origin.replaceFirst("^(https://[^/]+):443$", "$1").replaceFirst("^(http://[^/]+):80$", "$1");
    }

    static String originOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            return withoutDefaultPort(uri.getScheme() + "://" + uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static boolean isForm(HttpServerRequest request) {
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null) {
            return false;
        }
        String bare = type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return bare.equals("application/x-www-form-urlencoded") || bare.equals("multipart/form-data");
    }

    private static void refuse(RoutingContext rc, boolean api, int status, String title, String detail) {
        Refusal.send(rc, api, status, title, detail);
    }
}
