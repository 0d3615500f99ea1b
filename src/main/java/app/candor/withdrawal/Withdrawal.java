package app.candor.withdrawal;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Optional;

/** A candidate withdrew from an application through their link. One per application (unique in the database). */
@Entity
public class Withdrawal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "withdrawal_seq")
    @SequenceGenerator(name = "withdrawal_seq", sequenceName = "withdrawal_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, unique = true)
    public Application application;

    /** Null when the candidate gave none (a reason is optional). */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 30)
    public WithdrawalReason reason;

    @Size(max = 1000)
    @Column(length = 1000)
    public String note;

    @Column(name = "withdrawn_at", nullable = false)
    public Instant withdrawnAt;

    /** The acknowledgement sent to the candidate: one message for everything withdrawn at once. */
    @Column(name = "acknowledgement_id")
    public Long acknowledgementId;

    public static Optional<Withdrawal> findFor(Application application) {
        return find("application", application).firstResultOptional();
    }
}
