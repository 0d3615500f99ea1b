package app.candor.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** Something that happened, as receivers get it: written with the change that caused it, sent after commit. */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_event_seq")
    @SequenceGenerator(name = "webhook_event_seq", sequenceName = "webhook_event_seq", allocationSize = 50)
    public Long id;

    /** The id receivers de-duplicate by: the same in every attempt and to every endpoint. */
    @Column(name = "event_id", nullable = false, length = 40, unique = true)
    public String eventId;

    @Column(nullable = false, length = 40)
    public String type;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Whose event it is, if a candidate's: endpoints that receive personal data get their details added at delivery. */
    @Column(name = "candidate_id")
    public Long candidateId;

    /** The JSON sent, ids only. */
    @Column(nullable = false)
    public String body;
}
