package app.candor.link;

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
