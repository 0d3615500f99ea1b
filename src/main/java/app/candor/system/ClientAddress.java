package app.candor.system;

import io.vertx.core.http.HttpServerRequest;

/** Whom a request came from, for throttles and audit lines (sign-in attempts, candidate links). */
public final class ClientAddress {

    private ClientAddress() {
    }

    /**
     * The client's address: the direct peer's, or the one a trusted proxy forwarded (proxy address forwarding
     * with quarkus.http.proxy.trusted-proxies: Quarkus ignores forwarding headers from anyone else).
     */
    public static String of(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }
}
