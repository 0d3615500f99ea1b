package app.candor.interview;

import app.candor.application.Application;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotNull;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** An interview on an application: when, how, where, and who the candidate will meet. */
@Entity
public class Interview extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "interview_seq")
    @SequenceGenerator(name = "interview_seq", sequenceName = "interview_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    public Application application;

    @NotNull
    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "duration_minutes", nullable = false)
    public int durationMinutes;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    public InterviewKind kind;

    @Column(length = 500)
    public String location;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 12)
    public InterviewState state;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "interviewer", joinColumns = @JoinColumn(name = "interview_id"))
    @OrderColumn(name = "position")
    public List<Interviewer> interviewers = new ArrayList<>();

    /** The calendar event's SEQUENCE: 0 when scheduled, raised by every move and by the cancellation (see {@link InterviewCalendar}). */
    @Column(name = "calendar_sequence", nullable = false)
    public int calendarSequence;

    /** When the hiring manager was reminded of missing feedback; set once, by whichever instance got there first. */
    @Column(name = "feedback_reminded_at")
    public Instant feedbackRemindedAt;

    /** When the candidate's debrief letter was queued; set once, by whichever instance got there first. */
    @Column(name = "debrief_sent_at")
    public Instant debriefSentAt;

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(durationMinutes));
    }

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    /** The application's scheduled interviews that have not started yet, rows locked (a withdrawal cancels them). */
    public static List<Interview> lockUpcoming(Application application, Instant now) {
        return getEntityManager().createQuery("select i from Interview i where i.application = ?1 and i.state = ?2 and i.startsAt > ?3"
                        + " order by i.startsAt, i.id", Interview.class)
                .setParameter(1, application).setParameter(2, InterviewState.SCHEDULED).setParameter(3, now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * The interview if it exists and its requisition is visible to {@code viewer} (else 404); with
     * {@code lock}, its row is locked for the rest of the transaction.
     */
    public static Interview findVisible(long id, User viewer, boolean lock) {
        if (lock) {
            lockRow(id);
        }
        Interview found = findById(id);
        if (found == null || !found.application.requisition.isVisibleTo(viewer)) {
            throw ProblemException.notFound("Interview", id);
        }
        return found;
    }

    /**
     * Locks the interview's row for the rest of the transaction (nothing if there is none); read the interview
     * after this. The row alone, not the entity: loading an interview (its interviewers come with it) under a lock
     * makes Hibernate 7.2 lock "follow-on" on H2, and that path keeps the rows to lock in one list shared by the
     * sessions using the cached load plan, so side by side they threw ConcurrentModificationException or locked
     * nothing (InterviewRowLockTest).
     */
    public static void lockRow(long id) {
        getEntityManager().createNativeQuery("select id from interview where id = ?1 for update").setParameter(1, id).getResultList();
    }

    public static List<Interview> listFor(Application application) {
        return list("application = ?1 order by startsAt, id", application);
    }
}
