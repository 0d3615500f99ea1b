package app.candor.feedback;

import app.candor.application.Application;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.Optional;

/** A rejected candidate asked for feedback, through the link in their rejection. One per application. */
@Entity
@Table(name = "feedback_request")
public class FeedbackRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_request_seq")
    @SequenceGenerator(name = "feedback_request_seq", sequenceName = "feedback_request_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false, unique = true)
    public Application application;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    /** The feedback message that answered it; null while the candidate is still waiting. */
    @Column(name = "answer_message_id")
    public Long answerMessageId;

    public static Optional<FeedbackRequest> findFor(Application application) {
        return find("application", application).firstResultOptional();
    }
}
