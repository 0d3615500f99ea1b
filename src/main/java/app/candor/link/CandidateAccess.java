package app.candor.link;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** The one way into a candidate page: a token for that page, from an address that is not being slowed down. */
@ApplicationScoped
public class CandidateAccess {

    @Inject
    LinkTokens tokens;

    @Inject
    LinkGuard guard;

    /** The client's address (the proxy's forwarded one where proxy address forwarding is configured). */
    public static String address(HttpServerRequest request) {
        return request == null || request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public CandidateLink open(String token, LinkPurpose purpose, String address) {
        if (guard.slowedDown(address)) {
            throw LinkRefused.slowDown();
        }
        return tokens.resolve(token, purpose).orElseThrow(() -> {
            guard.failed(address);
            return LinkRefused.unusable();
        });
    }
}
