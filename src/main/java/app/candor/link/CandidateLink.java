package app.candor.link;

import app.candor.application.Application;
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
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;

/** A link that went out in a candidate's mail: only the token's SHA-256 is kept. */
@Entity
@Table(name = "candidate_link")
public class CandidateLink extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_link_seq")
    @SequenceGenerator(name = "candidate_link_seq", sequenceName = "candidate_link_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    public String tokenHash;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    public Application application;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public LinkPurpose purpose;

    @Column(name = "message_id")
    public Long messageId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    public static Optional<CandidateLink> findByHash(String hash) {
        return find("select l from CandidateLink l join fetch l.application a join fetch a.candidate join fetch a.requisition"
                + " where l.tokenHash = ?1", hash).firstResultOptional();
    }
}
