package app.candor.user;

import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API tokens: created (the secret shown once), listed, revoked, and checked on every bearer request. The rules
 * live here for the account page, the admin's pages and the API alike: only admins make metrics tokens or tokens
 * for another user (a service account); a token never makes another token (the resources require a password or
 * single sign-on for that).
 */
@ApplicationScoped
public class ApiTokenService {

    /** A token just made, with its secret: the only moment the secret exists outside the client. */
    public record Created(ApiToken token, String secret) {
    }

    /** A bearer request's token, as checked: whose it is (detached row) and what it may do. */
    public record Verified(long tokenId, User owner, ApiTokenScope scope) {
    }

    static final int DEFAULT_DAYS = 90;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Transactional
    public Created create(long ownerId, String actingUsername, boolean actingIsAdmin, String name, String scopeText, String daysText) {
        User owner = User.<User>findByIdOptional(ownerId).orElseThrow(() -> ProblemException.notFound("User", ownerId));
        if (!owner.username.equals(actingUsername) && !actingIsAdmin) {
            throw ProblemException.forbidden("Only admins create tokens for other users.");
        }
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100 || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("name", "is required: one line of at most 100 characters");
        }
        ApiTokenScope scope = ApiTokenScope.parse(scopeText);
        if (scope == null) {
            throw ProblemException.invalidField("scope", "must be one of read-only, write, metrics");
        }
        if (scope == ApiTokenScope.METRICS && !actingIsAdmin) {
            throw ProblemException.forbidden("Only admins create metrics tokens.");
        }
        if (!owner.active) {
            throw ProblemException.conflict("User '" + owner.username + "' is deactivated.");
        }
        long maxDays = Math.max(1, config.auth().tokenMaxLifetime().toDays());
        long days;
        try {
            days = daysText == null || daysText.isBlank() ? Math.min(DEFAULT_DAYS, maxDays) : Long.parseLong(daysText.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("expiresInDays", "must be a whole number of days");
        }
        if (days < 1 || days > maxDays) {
            throw ProblemException.invalidField("expiresInDays", "must be between 1 and " + maxDays);
        }
        String secret = ApiTokenSecret.generate();
        ApiToken token = new ApiToken();
        token.owner = owner;
        token.name = cleanName;
        token.scope = scope;
        token.tokenHash = ApiTokenSecret.hash(secret);
        token.tokenHint = ApiTokenSecret.hint(secret);
        token.createdAt = clock.instant();
        token.createdBy = actingUsername;
        token.expiresAt = token.createdAt.plus(Duration.ofDays(days));
        token.persist();
        Log.infof("API token %d (%s, %s) created for %s by %s", token.id, token.tokenHint, scope.label, owner.username, actingUsername);
        return new Created(token, secret);
    }

    public List<ApiToken> listOwnedBy(long userId) {
        return ApiToken.listOwnedBy(userId);
    }

    /** Revokes a token of the acting user, or any token for an admin. Revoking twice changes nothing. */
    @Transactional
    public ApiToken revoke(long tokenId, String actingUsername, boolean actingIsAdmin) {
        ApiToken token = ApiToken.<ApiToken>findByIdOptional(tokenId)
                .filter(t -> actingIsAdmin || t.owner.username.equals(actingUsername))
                .orElseThrow(() -> ProblemException.notFound("API token", tokenId));
        if (token.revokedAt == null) {
            token.revokedAt = clock.instant();
            Log.infof("API token %d (%s) of %s revoked by %s", token.id, token.tokenHint, token.owner.username, actingUsername);
        }
        return token;
    }

    /**
     * The token with this secret, if it is usable now: not revoked, not expired, its owner active. Notes its use,
     * at most once per {@code candor.auth.token-last-used-every}, so a busy client costs a write a minute, not one
     * a call.
     */
    @Transactional
    public Optional<Verified> verify(String secret) {
        Instant now = clock.instant();
        List<ApiToken> found = em.createQuery("from ApiToken t join fetch t.owner where t.tokenHash = :hash", ApiToken.class)
                .setParameter("hash", ApiTokenSecret.hash(secret)).getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get(0);
        if (!token.usableAt(now) || !token.owner.active) {
            return Optional.empty();
        }
        Instant stale = now.minus(config.auth().tokenLastUsedEvery());
        em.createQuery("update ApiToken set lastUsedAt = :now where id = :id and (lastUsedAt is null or lastUsedAt < :stale)")
                .setParameter("now", now).setParameter("id", token.id).setParameter("stale", stale).executeUpdate();
        em.detach(token.owner);
        return Optional.of(new Verified(token.id, token.owner, token.scope));
    }
}
