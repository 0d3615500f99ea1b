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
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.jpa.HibernateHints;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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

    @Inject
    Event<CandidatesWrittenTo> writtenTo;

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
        Message m = write(application, composed, cause, sender, extras, now);
        // Known at once to whoever reads it in this transaction (the insert at flush writes the same value).
        m.messageIdHeader = MessageIdHeaderGenerator.header(m.id, MailIdentity.messageIdDomain(config.mail()));
        if (application != null && m.kind.toCandidate() && m.kind != MessageKind.INTERVIEW_DEBRIEF) {
            // The next word from the recruiter answers the candidate's chasers (the automatic debrief letter does not).
            if (application.chasedAt != null) {
                writtenTo.fire(new CandidatesWrittenTo(List.of(application), now, sender.username));
            }
        }
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

    /** Applications loaded, changed and written per round of {@link #enqueueAll}, then flushed and let go. */
    static final int BULK_CHUNK = 250;

    /** One letter of a bulk write, for a cause that is new by construction (it names a change made in this transaction). */
    public record Item(Application application, Composed composed, String cause) {
    }

    /** What {@link #enqueueAll} wrote. */
    public record Bulk(int messages, int calls, long millis) {
    }

    /**
     * Many letters at once (a role put on hold, cancelled, filled or reopened), in the caller's
     * transaction. Loads the applications {@value #BULK_CHUNK} at a time (with candidate and
     * requisition), asks {@code write} for each one's letter (it may change the application and
     * record its history first; null means no letter), then writes the letters. Unlike
     * {@link #enqueue} it does not look each cause up, because every query would flush the session
     * and break the JDBC batches; the causes must be new by construction (the unique key on
     * {@code message.cause} still refuses a duplicate, failing the whole transaction). After each
     * chunk the session is flushed and cleared, so memory stays flat: entities the caller loaded
     * before are detached afterwards. The dispatcher is woken once, and one line is logged.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Bulk enqueueAll(List<Long> applicationIds, Function<Application, Item> write, User sender) {
        return enqueueAll(applicationIds, write, null, sender);
    }

    /**
     * As {@link #enqueueAll(List, Function, User)}, for a {@code write} whose changes to the applications
     * {@code record} writes set-based: each chunk is loaded read-only, so Hibernate neither dirty-checks nor
     * updates its applications one statement each, and {@code record} gets the chunk after its letters are
     * written. The session is flushed and cleared first, so that no application is already loaded (and
     * writable) when its chunk is: what the caller changed before is written then, and nothing twice.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Bulk enqueueAll(List<Long> applicationIds, Function<Application, Item> write, Consumer<List<Application>> record,
                           User sender) {
        long started = System.nanoTime();
        EntityManager em = Message.getEntityManager();
        if (record != null) {
            em.flush();
            em.clear();
        }
        Instant now = clock.instant();
        int messages = 0;
        int calls = 0;
        MessageKind kind = null;
        for (int from = 0; from < applicationIds.size(); from += BULK_CHUNK) {
            List<Long> chunk = applicationIds.subList(from, Math.min(from + BULK_CHUNK, applicationIds.size()));
            List<Application> loaded = em.createQuery("select a from Application a join fetch a.candidate join fetch a.requisition"
                    + " where a.id in ?1 order by a.createdAt, a.id", Application.class).setParameter(1, chunk)
                    .setHint(HibernateHints.HINT_READ_ONLY, record != null).getResultList();
            // All stage changes of the chunk first, then all letters: consecutive inserts into one table batch together.
            List<Item> items = new ArrayList<>(loaded.size());
            for (Application a : loaded) {
                Item item = write.apply(a);
                if (item != null) {
                    items.add(item);
                }
            }
            List<Application> chased = new ArrayList<>();
            for (Item item : items) {
                Message m = write(item.application(), item.composed(), item.cause(), sender, Extras.NONE, now);
                kind = m.kind;
                if (m.state == MessageState.CALL_PENDING) {
                    calls++;
                }
                messages++;
                if (m.kind.toCandidate() && m.kind != MessageKind.INTERVIEW_DEBRIEF && item.application().chasedAt != null) {
                    chased.add(item.application());
                }
            }
            if (!chased.isEmpty()) {
                writtenTo.fire(new CandidatesWrittenTo(chased, now, sender.username));
            }
            if (record != null) {
                record.accept(loaded);
            }
            em.flush();
            em.clear();
        }
        if (messages > calls) {
            queued.fire(new MessagesQueued(messages - calls));
        }
        long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
        Log.infof("Queued %d %s messages (%d of them call tasks) for %d applications in %d ms", messages, kind, calls,
                applicationIds.size(), millis);
        return new Bulk(messages, calls, millis);
    }

    /** The message row itself, persisted (its Message-ID header filled in at insert); no lookups, no events. */
    private Message write(Application application, Composed composed, String cause, User sender, Extras extras, Instant now) {
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
        m.calendar = composed.calendar();
        m.templateVersionId = composed.templateVersionId();
        m.replyTo = MailIdentity.replyTo(config.mail(), composed.kind(), application, sender);
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
        m.messageIdHeader = MessageIdHeaderGenerator.PENDING; // the header with the id, filled in as the row is inserted
        m.persist();
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
        return now.truncatedTo(ChronoUnit.MICROS);
    }

    /** Wakes the dispatcher after the current transaction commits (a resend, a "send now"). */
    public void wake() {
        queued.fire(new MessagesQueued(1));
    }
}
