package app.candor.user;

import java.util.Locale;
import java.util.Set;

/**
 * What an API token may do. READ: the API's safe methods; WRITE: the whole API as its owner; METRICS: only
 * Prometheus's /q/metrics (and nothing of the API). Each token gets one scope; an integration that needs two
 * things gets two tokens.
 */
public enum ApiTokenScope {
    READ("read-only"), WRITE("write"), METRICS("metrics");

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    public final String label;

    ApiTokenScope(String label) {
        this.label = label;
    }

    /** Why a request with this scope is refused, or null when the scope allows it. */
    public String refusal(String method, String path) {
        boolean metrics = path.equals("/q/metrics") || path.startsWith("/q/metrics/");
        boolean api = path.equals("/api") || path.startsWith("/api/");
        return switch (this) {
            case METRICS -> metrics && SAFE.contains(method) ? null : "A metrics token can only read /q/metrics.";
            case READ -> api && SAFE.contains(method) ? null
                    : api ? "A read-only token cannot change anything: " + method + " needs a write token."
                    : "A read-only token is for /api only.";
            case WRITE -> api ? null : "A write token is for /api only.";
        };
    }

    /** "read-only", "READ", "read", "write", "metrics": as forms and JSON send it. */
    public static ApiTokenScope parse(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (ApiTokenScope s : values()) {
            if (s.label.equals(v) || s.name().toLowerCase(Locale.ROOT).equals(v)) {
                return s;
            }
        }
        return null;
    }
}
