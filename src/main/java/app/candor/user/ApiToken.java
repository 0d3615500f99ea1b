package app.candor.user;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A named, scoped, expiring credential for an integration, owned by a user. Only the SHA-256 of the secret is
 * kept ({@link ApiTokenSecret}); the secret itself is shown once, when the token is created.
 */
@Entity
@Table(name = "api_token")
public class ApiToken extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
    @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false)
    public User owner;

    @Column(nullable = false, length = 100)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ApiTokenScope scope;

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    /** The secret's first characters, to tell tokens apart in a list and in a leaked-credential scanner. */
    @Column(name = "token_hint", nullable = false, length = 16)
    public String tokenHint;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Who created it: the owner, or the admin who made it for a service account. */
    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean usableAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    /** "active", "expired" or "revoked", for the lists. */
    public String state(Instant now) {
        return revokedAt != null ? "revoked" : now.isBefore(expiresAt) ? "active" : "expired";
    }

    public static Optional<ApiToken> findByHash(String hash) {
        return find("tokenHash", hash).firstResultOptional();
    }

    public static List<ApiToken> listOwnedBy(long userId) {
        return list("owner.id = ?1 order by createdAt desc, id desc", userId);
    }
}
