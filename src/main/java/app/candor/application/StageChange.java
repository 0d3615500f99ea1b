package app.candor.application;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One line of an application's history: who moved it, when, from where to where, and why. Never changed. */
@Entity
@Table(name = "stage_change")
public class StageChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stage_change_seq")
    @SequenceGenerator(name = "stage_change_seq", sequenceName = "stage_change_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    public Application application;

    /** Null for the line that records the application's creation. */
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "from_stage", length = 20)
    public Stage fromStage;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "to_stage", nullable = false, length = 20)
    public Stage toStage;

    @Column(name = "changed_by", nullable = false, length = 64)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(length = 2000)
    public String note;

    /** The promise made with this move (null when the move closed the application). */
    @Column(name = "promised_decision_date")
    public LocalDate promisedDecisionDate;

    /** A backward move that corrected an earlier one. */
    @Column(nullable = false)
    public boolean correction;

    public static List<StageChange> listFor(Application application) {
        return list("application = ?1 order by changedAt, id", application);
    }
}
