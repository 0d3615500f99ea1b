package app.candor.message;

import app.candor.application.Application;
import app.candor.candidate.Channel;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Writes messages in the caller's transaction, next to the state change that causes them. Nothing
 * is sent here: the {@link Dispatcher} delivers after commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Inject
    Event<MessagesQueued> queued;

    /** What to store besides the composed letter. */
    public record Extras(String personalNote, Long rejectionReasonId, Instant sendAt) {
        public static final Extras NONE = new Extras(null, null, null);
    }

    /**
     * Adds a message for {@code cause}. A cause that already has one is refused with 409 (and the
     * unique key on {@code message.cause} refuses it again should two requests race past this check).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Message enqueue(Application application, Composed composed, String cause, User sender, Extras extras) {
        return write(application, composed, cause, sender, extras);
    }

    /**
     * Adds a team message about no single application (the recruiter's daily digest): no application,
     * candidate or requisition. Written in the addressee's name, as every team notice is; that is also
     * who may open it afterwards ({@link Message#isVisibleTo}). Same cause rule as {@link #enqueue}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Message enqueueForTeam(Composed composed, String cause, User addressee) {
        if (composed.kind().toCandidate()) {
            throw new IllegalArgumentException(composed.kind() + " is a letter to a candidate; it needs its application");
        }
        return write(null, composed, cause, addressee, Extras.NONE);
    }

    private Message write(Application application, Composed composed, String cause, User sender, Extras extras) {
        Message.findByCause(cause).ifPresent(existing -> {
            throw ProblemException.conflict("This was already recorded: message " + existing.id + " (" + existing.kind.label
                    + ", " + existing.state + "). Nothing new was sent.");
        });
        Instant now = clock.instant();
        Message m = new Message();
        m.application = application;
        m.candidate = application == null ? null : application.candidate;
        m.requisition = application == null ? null : application.requisition;
        m.kind = composed.kind();
        m.channel = composed.channel();
        m.cause = cause;
        m.recipient = composed.recipient();
        m.language = composed.language();
        m.subject = composed.subject();
        m.bodyHtml = composed.html();
        m.bodyText = composed.text();
        m.callScript = composed.callScript();
        m.personalNote = extras.personalNote();
        m.rejectionReasonId = extras.rejectionReasonId();
        m.senderUsername = sender.username;
        m.senderName = sender.fullName;
        m.createdAt = now;
        m.updatedAt = now;
        if (composed.channel() == Channel.PHONE) {
            m.state = MessageState.CALL_PENDING;
        } else if (extras.sendAt() != null && extras.sendAt().isAfter(now)) {
            m.state = MessageState.SCHEDULED;
            m.dueAt = extras.sendAt();
        } else {
            m.state = MessageState.QUEUED;
            m.dueAt = dueNow(now);
        }
        m.messageIdHeader = "pending";
        m.persist();
        if (application != null && m.kind.toCandidate() && m.kind != MessageKind.INTERVIEW_DEBRIEF) {
            // The next word from the recruiter answers the candidate's chasers (the automatic debrief letter does not).
            app.candor.closure.Chaser.answerAll(application, now, sender.username);
        }
        // Stable across retries and resends, so a receiving server can recognise a repeat.
        m.messageIdHeader = "<candor-" + m.id + "@" + MailHeaders.oneLine(config.mail().messageIdDomain()) + ">";
        if (m.state != MessageState.CALL_PENDING) {
            queued.fire(new MessagesQueued(1));
        }
        if (application != null) {
            Log.infof("Message %d (%s, %s) %s for application %d", m.id, m.kind, m.channel, m.state, application.id);
        } else {
            Log.infof("Message %d (%s, %s) %s for %s", m.id, m.kind, m.channel, m.state, sender.username);
        }
        return m;
    }

    /** How far ahead a message may be scheduled. */
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);

    /** The one rule for a chosen send time, for new and for edited messages: in the future, within 30 days. */
    public Instant checkSendAt(OffsetDateTime sendAt) {
        Instant at = sendAt.toInstant();
        Instant now = clock.instant();
        if (!at.isAfter(now)) {
            throw ProblemException.invalidField("sendAt", "must be in the future");
        }
        if (at.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw ProblemException.invalidField("sendAt", "must be within 30 days");
        }
        return at;
    }

    /**
     * "Due now" at the database's precision (microseconds). Stored with nanoseconds, the time could be
     * rounded up past the claim's "now"; with a clock that stands still (tests) it would never be due.
     */
    public static Instant dueNow(Instant now) {
        return now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Wakes the dispatcher after the current transaction commits (a resend, a "send now"). */
    public void wake() {
        queued.fire(new MessagesQueued(1));
    }
}
