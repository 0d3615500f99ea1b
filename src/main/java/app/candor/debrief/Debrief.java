package app.candor.debrief;

import app.candor.interview.HowItWent;
import app.candor.interview.Interview;
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

/** The candidate's answer to the debrief after one interview. One per interview. */
@Entity
@Table(name = "debrief")
public class Debrief extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "debrief_seq")
    @SequenceGenerator(name = "debrief_seq", sequenceName = "debrief_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "interview_id", nullable = false, unique = true)
    public Interview interview;

    @Column(name = "answered_at", nullable = false)
    public Instant answeredAt;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "how_it_went", nullable = false, length = 8)
    public HowItWent howItWent;

    @Column(name = "still_interested", nullable = false)
    public boolean stillInterested;

    @Column(length = 1000)
    public String note;

    public static Optional<Debrief> findFor(Interview interview) {
        return find("interview", interview).firstResultOptional();
    }
}
