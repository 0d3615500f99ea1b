package app.candor.webhook;

import app.candor.application.Application;
import app.candor.application.ApplicationEvents;
import app.candor.closure.ClosureEvents;
import app.candor.feedback.FeedbackRequestEvents;
import app.candor.message.MessageEvents;
import app.candor.system.BusinessCalendar;
import app.candor.withdrawal.WithdrawalEvents;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The webhook outbox: turns what the features announce (CDI events fired in their transactions) into an event row and
 * one delivery per active endpoint, in that same transaction, so that a change and its webhooks commit or roll back
 * together. Delivery happens after commit ({@link WebhookSender}). With no active endpoint nothing is written.
 *
 * <p>Bodies carry ids only ({@code {id, type, time, data}}); an endpoint that opted in gets the candidate's details
 * added when the event is sent, so no personal data is stored here (retention and erasure need not look here).
 */
@ApplicationScoped
public class WebhookOutbox {

    /** The event types, as receivers see them. */
    public static final String APPLICATION_CREATED = "application.created";
    public static final String STAGE_CHANGED = "application.stage_changed";
    public static final String APPLICATION_CLOSED = "application.closed";
    public static final String MESSAGE_SENT = "message.sent";
    public static final String MESSAGE_FAILED = "message.failed";
    public static final String CANDIDATE_WITHDREW = "candidate.withdrew";
    public static final String FEEDBACK_REQUESTED = "feedback.requested";
    public static final String PROMISE_DUE_SOON = "promise.due_soon";
    public static final String PROMISE_OVERDUE = "promise.overdue";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    ActiveEndpoints endpoints;

    @Inject
    BusinessCalendar calendar;

    @Inject
    Event<WebhooksQueued> queued;

    void created(@Observes ApplicationEvents.Created e) {
        add(APPLICATION_CREATED, e.at(), e.candidateId(), data("applicationId", e.applicationId(), "requisitionId", e.requisitionId(),
                "candidateId", e.candidateId()));
    }

    void stageChanged(@Observes ApplicationEvents.StageChanged e) {
        if (e.from() == null || e.from() == e.to()) {
            return; // the first entry (application.created says it) or a note in place: no change of stage
        }
        add(STAGE_CHANGED, e.at(), e.candidateId(), data("applicationId", e.applicationId(), "requisitionId", e.requisitionId(),
                "candidateId", e.candidateId(), "from", e.from().name(), "to", e.to().name(), "correction", e.correction()));
    }

    void closed(@Observes ApplicationEvents.Closed e) {
        Object[] ids = applicationIds(e.applicationId());
        if (ids == null) {
            return;
        }
        add(APPLICATION_CLOSED, e.at(), (Long) ids[1], data("applicationId", e.applicationId(), "requisitionId", ids[0],
                "candidateId", ids[1], "stage", ids[2], "toldHow", e.how(), "messageId", e.messageId()));
    }

    void sent(@Observes MessageEvents.Sent e) {
        add(MESSAGE_SENT, e.at(), e.candidateId(), data("messageId", e.messageId(), "kind", e.kind().name(), "applicationId",
                e.applicationId(), "candidateId", e.candidateId()));
    }

    void failed(@Observes MessageEvents.Failed e) {
        add(MESSAGE_FAILED, e.at(), e.candidateId(), data("messageId", e.messageId(), "kind", e.kind().name(), "applicationId",
                e.applicationId(), "candidateId", e.candidateId(), "reason", e.reason()));
    }

    void withdrew(@Observes WithdrawalEvents.Withdrew e) {
        Object[] ids = applicationIds(e.applicationId());
        if (ids != null) {
            add(CANDIDATE_WITHDREW, e.at(), (Long) ids[1], data("applicationId", e.applicationId(), "requisitionId", ids[0],
                    "candidateId", ids[1], "reason", e.reason()));
        }
    }

    void feedbackRequested(@Observes FeedbackRequestEvents.Requested e) {
        Object[] ids = applicationIds(e.applicationId());
        if (ids != null) {
            add(FEEDBACK_REQUESTED, e.at(), (Long) ids[1], data("applicationId", e.applicationId(), "requisitionId", ids[0],
                    "candidateId", ids[1]));
        }
    }

    /** The rows this sweep flagged carry its instant exactly; another instance's sweep has its own. */
    void flagged(@Observes ClosureEvents.PromisesFlagged e) {
        if (endpoints.active().isEmpty()) {
            return;
        }
        flaggedAt(PROMISE_DUE_SOON, "due_soon_at", 1, e.at());
        flaggedAt(PROMISE_OVERDUE, "overdue_at", 2, e.at());
    }

    private void flaggedAt(String type, String column, int flag, Instant at) {
        @SuppressWarnings("unchecked")
        // The column keeps microseconds: the sweep's instant rounded (H2 and PostgreSQL), so within a microsecond of it.
        Instant from = at.truncatedTo(ChronoUnit.MICROS);
        List<Object[]> rows = em.createNativeQuery("select a.id, a.requisition_id, a.candidate_id, w.due from closure_watch w"
                        + " join application a on a.id = w.application_id where w." + column + " >= ?1 and w." + column + " <= ?2"
                        + " and w.flag = ?3 order by a.id")
                .setParameter(1, from).setParameter(2, from.plusNanos(1000)).setParameter(3, flag).getResultList();
        for (Object[] r : rows) {
            long candidateId = ((Number) r[2]).longValue();
            add(type, at, candidateId, data("applicationId", ((Number) r[0]).longValue(), "requisitionId", ((Number) r[1]).longValue(),
                    "candidateId", candidateId, "promisedDate", String.valueOf(r[3])));
        }
    }

    /** requisition id, candidate id, stage; null if there is no such application. By id: no query, so no flush of a bulk step. */
    private Object[] applicationIds(long applicationId) {
        if (endpoints.active().isEmpty()) {
            return null;
        }
        Application a = em.find(Application.class, applicationId);
        return a == null ? null : new Object[] {a.requisition.id, a.candidate.id, a.stage.name()};
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            data.put((String) pairs[i], pairs[i + 1]);
        }
        return data;
    }

    /** One event, and a delivery to each active endpoint, in the caller's transaction. */
    void add(String type, Instant at, Long candidateId, Map<String, Object> data) {
        List<Long> active = endpoints.active();
        if (active.isEmpty()) {
            return;
        }
        if (!QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a webhook event outside a transaction: " + type);
        }
        WebhookEvent event = new WebhookEvent();
        event.eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        event.type = type;
        event.occurredAt = at == null ? calendar.now() : at;
        event.candidateId = candidateId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.eventId);
        body.put("type", type);
        body.put("time", event.occurredAt.toString());
        body.put("data", data);
        try {
            event.body = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("webhook body for " + type, e);
        }
        event.persist();
        Instant now = calendar.now();
        // Due at the column's precision (microseconds): stored with nanoseconds the time is rounded up past the
        // sender's "now" (H2 and PostgreSQL round), and with a clock that stands still it would never be due.
        Instant due = now.truncatedTo(ChronoUnit.MICROS);
        for (Long endpointId : active) {
            WebhookDelivery d = new WebhookDelivery();
            d.eventId = event.id;
            d.endpointId = endpointId;
            d.state = WebhookDelivery.State.PENDING;
            d.dueAt = due;
            d.createdAt = now;
            d.updatedAt = now;
            d.persist();
        }
        queued.fire(WebhooksQueued.INSTANCE);
    }

    /** Fired with every event written; after the commit it wakes the sender. */
    public enum WebhooksQueued { INSTANCE }
}
