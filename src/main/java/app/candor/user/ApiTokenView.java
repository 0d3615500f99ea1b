package app.candor.user;

import java.time.Instant;

/** A token as lists show it: never its secret, which only {@link #secret} carries, once, in the answer that created it. */
public record ApiTokenView(long id, String name, String scope, String hint, String owner, String createdBy, Instant createdAt,
                           Instant expiresAt, Instant lastUsedAt, Instant revokedAt, String state, String secret) {

    public static ApiTokenView of(ApiToken t, Instant now) {
        return new ApiTokenView(t.id, t.name, t.scope.label, t.tokenHint + "…", t.owner.username, t.createdBy, t.createdAt,
                t.expiresAt, t.lastUsedAt, t.revokedAt, t.state(now), null);
    }

    public static ApiTokenView created(ApiTokenService.Created c, Instant now) {
        ApiTokenView v = of(c.token(), now);
        return new ApiTokenView(v.id, v.name, v.scope, v.hint, v.owner, v.createdBy, v.createdAt, v.expiresAt, v.lastUsedAt,
                v.revokedAt, v.state, c.secret());
    }
}
