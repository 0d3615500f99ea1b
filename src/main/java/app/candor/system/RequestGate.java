package app.candor.system;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;

/**
 * Refuses, before anything else reads it, a request the layers behind would fail on or misread, with a
 * 4xx that says what is wrong (Problem Details under /api, the error page elsewhere) instead of the
 * bare status or the 500 those layers give (issue 18):
 * <ul>
 * <li>an address longer than {@link #MAX_URI} characters (414; Netty's own limit is set far above it so that
 * this answer, not an empty one, is what a client gets);</li>
 * <li>a path with {@code ;}: matrix parameters addressed record 1 by {@code /1;x}, and the form login's
 * redirect cookie cannot hold a {@code ;}, which left the connection hanging;</li>
 * <li>a control character escaped into the path, a malformed {@code %}-escape (Quarkus' HTTP root refuses most of
 * those first, with a bare 400 out of our reach), and more than {@link #MAX_QUERY_PARAMETERS} query parameters;</li>
 * <li>a declared body larger than quarkus.http.limits.max-body-size (413; the body is not read);</li>
 * <li>under /api: a web-form or multipart body (the API reads JSON, or CSV where it says so), and a call
 * without credentials or with a header that is not Basic credentials (401 with the Basic challenge; HTTP Basic
 * in its "silent" mode leaves the 401 bare);</li>
 * <li>on the pages: a POST, PUT, PATCH or DELETE that is not a web form (no or another Content-Type), 415.</li>
 * </ul>
 */
@ApplicationScoped
public class RequestGate {

    /** Longer addresses are refused; no Candor address comes near it. */
    static final int MAX_URI = 8192;

    /** As many as a form may have (Quarkus REST's limit for form fields). */
    static final int MAX_QUERY_PARAMETERS = 1000;

    private static final Set<HttpMethod> UNSAFE = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE);

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBodySize;

    @Inject
    CandorConfig config;


    void register(@Observes Filters filters) {
        filters.register(this::check, 3000); // after CrossSiteGuard (3500); ahead of ApiChallenge (2000), the body size limit and authentication
    }

    void check(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String uri = request.uri();
        String path = request.path() == null ? "" : request.path();
        boolean api = path.equals("/api") || path.startsWith("/api/");
        if (uri.length() > MAX_URI) {
            refuse(rc, api, 414, "URI Too Long", "The address is longer than " + MAX_URI + " characters.");
            return;
        }
        if (path.indexOf(';') >= 0) {
            refuse(rc, api, 400, "Bad request", "Addresses with ';' (matrix parameters) are not accepted: use the path without it.");
            return;
        }
        String escape = badEscape(uri, path.length());
        if (escape != null) {
            refuse(rc, api, 400, "Bad request", escape);
            return;
        }
        String query = request.query();
        if (query != null && query.chars().filter(c -> c == '&').count() >= MAX_QUERY_PARAMETERS) {
            refuse(rc, api, 400, "Bad request", "The address has more than " + MAX_QUERY_PARAMETERS + " query parameters.");
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null) {
            long declared;
            try {
                declared = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                declared = -1;
            }
            if (declared < 0) {
                refuse(rc, api, 400, "Bad request", "The Content-Length header is not a number of bytes.");
                return;
            }
            if (declared > maxBodySize.asLongValue()) {
                rc.response().putHeader("Connection", "close");
                refuse(rc, api, 413, "Payload Too Large", "The request body is larger than " + maxBodySize.asLongValue() / 1024 + " kB.");
                return;
            }
        }
        String type = mediaType(request.getHeader("Content-Type"));
        boolean form = type.equals("application/x-www-form-urlencoded") || type.equals("multipart/form-data");
        if (api) {
            String authorization = request.getHeader("Authorization");
            boolean basic = config.auth().basic() && config.auth().localPasswords();
            if (authorization == null || !(isBasic(authorization) || isBearer(authorization))) {
                if (!ApiChallenge.fromBrowser(rc)) { // a browser would keep the password for other sites' requests
                    rc.response().putHeader("WWW-Authenticate", basic ? ApiChallenge.CHALLENGE : ApiChallenge.BEARER_CHALLENGE);
                }
                refuse(rc, true, 401, "Unauthorized", basic
                        ? (authorization == null ? "Sign in with HTTP Basic: your Candor username and password."
                        : "The Authorization header is not HTTP Basic credentials (Basic, then username:password in Base64).")
                        + " Or send an API token: Authorization: Bearer ..."
                        : "Send an API token: Authorization: Bearer, then the token.");
                return;
            }
            if (form) {
                refuse(rc, true, 415, "Unsupported Media Type",
                        "The API does not take web forms: send JSON (Content-Type: application/json), or CSV where the route says so.");
                return;
            }
        } else if (UNSAFE.contains(request.method()) && !path.startsWith("/q/") && !form) {
            refuse(rc, false, 415, "Unsupported Media Type",
                    "This page takes the form it shows (a web form); " + (type.isEmpty() ? "the request said no Content-Type." : "not " + type + "."));
            return;
        }
        rc.next();
    }

    /** Whether the header is "Bearer" and a token (whether it is a good one is authentication's business). */
    static boolean isBearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) && !authorization.substring(7).isBlank()
                && authorization.substring(7).strip().chars().allMatch(c -> c > 32 && c < 127);
    }

    /** Whether the header is "Basic" and Base64 of username:password (whether they are right is authentication's business). */
    static boolean isBasic(String authorization) {
        if (!authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            return new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8)
                    .indexOf(':') > 0;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The type/subtype of a Content-Type header, lower case, or "" when there is none. */
    static String mediaType(String header) {
        if (header == null) {
            return "";
        }
        int semicolon = header.indexOf(';');
        return (semicolon < 0 ? header : header.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /**
     * What is wrong with the %-escapes of {@code uri}, or null: every % must start two hex digits, and the
     * path (its first {@code pathLength} characters) must not escape a control character.
     */
    static String badEscape(String uri, int pathLength) {
        for (int i = 0; i < uri.length(); i++) {
            if (uri.charAt(i) != '%') {
                continue;
            }
            if (i + 2 >= uri.length() || Character.digit(uri.charAt(i + 1), 16) < 0 || Character.digit(uri.charAt(i + 2), 16) < 0) {
                return "The address has a malformed %-escape: each % must be followed by two hexadecimal digits.";
            }
            int value = Character.digit(uri.charAt(i + 1), 16) * 16 + Character.digit(uri.charAt(i + 2), 16);
            if (i < pathLength && (value < 0x20 || value == 0x7f)) {
                return "The path of the address contains an escaped control character.";
            }
        }
        return null;
    }

    private static void refuse(RoutingContext rc, boolean api, int status, String title, String detail) {
        Refusal.send(rc, api, status, title, detail);
    }
}
