package app.candor.feedback;

import app.candor.application.Stage;
import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.user.User;
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
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A hiring manager's feedback on one interview: a recommendation, strengths and concerns (private to
 * the team) and a separate text written for the candidate ({@link #shareable}), the only part that may
 * ever be sent to them. A draft until submitted; edits after that keep what it said as revisions.
 */
@Entity
@Table(name = "interview_feedback")
public class InterviewFeedback extends PanacheEntityBase {

    public enum State {
        DRAFT("Draft"), SUBMITTED("Submitted");

        /** How pages name the state to people. */
        public final String label;

        State(String label) {
            this.label = label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interview_feedback_seq")
    @SequenceGenerator(name = "interview_feedback_seq", sequenceName = "interview_feedback_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "interview_id", nullable = false)
    public Interview interview;

    @Column(nullable = false, length = 64)
    public String author;

    @Column(name = "author_name", nullable = false, length = 200)
    public String authorName;

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

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    public State state;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Version
    @Column(nullable = false)
    public int version;

    /**
     * A hiring manager's interviews still to come or under way (not over), at most 50, soonest first: scheduled,
     * of an application still in the pipeline, and without submitted feedback (one whose feedback is in is done).
     */
    public static List<Interview> listUpcomingInterviewsFor(User hiringManager, Instant now) {
        // Started at most a day ago (no interview is longer); whether it is over is its own duration's business.
        return Interview.<Interview>find("select i from Interview i join fetch i.application a join fetch a.candidate join fetch a.requisition r"
                        + " where r.hiringManager = ?1 and i.state = ?2 and i.startsAt >= ?3 and a.stage in ?4"
                        + " and not exists (select f.id from InterviewFeedback f where f.interview = i and f.state = ?5)"
                        + " order by i.startsAt, i.id",
                hiringManager, InterviewState.SCHEDULED, now.minus(Duration.ofDays(1)), Stage.pipeline(), State.SUBMITTED)
                .<Interview>stream().filter(i -> i.endsAt().isAfter(now)).limit(50).toList();
    }

    public static List<InterviewFeedback> listFor(Interview interview) {
        return list("interview = ?1 order by createdAt, id", interview);
    }

    public static Optional<InterviewFeedback> findBy(Interview interview, String author) {
        return find("interview = ?1 and author = ?2", interview, author).firstResultOptional();
    }
}
