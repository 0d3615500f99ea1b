package app.candor.link;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The one way into a candidate page: a token for that page; wrong ones are counted per address. */
@ApplicationScoped
public class CandidateAccess {

    @Inject
    LinkTokens tokens;

    @Inject
    LinkGuard guard;

    /**
     * The client's address: the direct peer's, or the one a trusted proxy forwarded (proxy address forwarding
     * with quarkus.http.proxy.trusted-proxies: Quarkus ignores forwarding headers from anyone else).
     */
    public static String address(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CandidateLink open(String token, LinkPurpose purpose, String address) {
        // A link that works always opens: only failures are counted, and only failures are slowed down.
        return tokens.resolve(token, purpose).orElseThrow(() -> {
            if (guard.slowedDown(address)) {
                return LinkRefused.slowDown();
            }
            guard.failed(address);
            return LinkRefused.unusable();
        });
    }
}
