package app.candor.feedback;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** What submitted feedback said before an edit. */
@Entity
@Table(name = "feedback_revision")
public class InterviewFeedbackRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_revision_seq")
    @SequenceGenerator(name = "feedback_revision_seq", sequenceName = "feedback_revision_seq", allocationSize = 50)
    public Long id;

    @Column(name = "feedback_id", nullable = false)
    public Long feedbackId;

    @Column(name = "revised_at", nullable = false)
    public Instant revisedAt;

    @Column(name = "revised_by", nullable = false, length = 64)
    public String revisedBy;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(length = 12)
    public Recommendation recommendation;

    @Column(length = 4000)
    public String strengths;

    @Column(length = 4000)
    public String concerns;

    @Column(length = 4000)
    public String shareable;

    public static List<InterviewFeedbackRevision> listFor(long feedbackId) {
        return list("feedbackId = ?1 order by revisedAt, id", feedbackId);
    }
}
