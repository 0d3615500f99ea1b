package app.candor.message;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.requisition.Requisition;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Something Candor says to a candidate, kept exactly as sent. It is written in the same
 * transaction as the change that causes it (the outbox) and delivered after commit by the
 * {@link Dispatcher}. {@link #cause} is unique, so one cause can never produce two messages.
 * Every message names its application, candidate and requisition, except a team message about no
 * single application (the recruiter's daily digest).
 */
@Entity
public class Message extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "application_id")
    public Application application;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "candidate_id")
    public Candidate candidate;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "requisition_id")
    public Requisition requisition;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    public MessageKind kind;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    public Channel channel;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public MessageState state;

    @NotBlank
    @Size(max = 100)
    @Column(nullable = false, length = 100)
    public String cause;

    /** The e-mail address (EMAIL) or phone number (PHONE). */
    @NotBlank
    @Size(max = 254)
    @Column(nullable = false, length = 254)
    public String recipient;

    @NotBlank
    @Column(nullable = false, length = 8)
    public String language;

    @NotBlank
    @Size(max = 300)
    @Column(nullable = false, length = 300)
    public String subject;

    @NotNull
    @Column(name = "body_html", nullable = false)
    public String bodyHtml;

    @NotNull
    @Column(name = "body_text", nullable = false)
    public String bodyText;

    @Column(name = "call_script")
    public String callScript;

    /** Where the candidate's reply goes (see {@link MailIdentity#replyTo}); null: nowhere but the sender. */
    @Size(max = 254)
    @Column(name = "reply_to", length = 254)
    public String replyTo;

    /** An interview letter's iCalendar part (METHOD:REQUEST or CANCEL), exactly as it is sent; null for other letters. */
    @Column(name = "calendar")
    public String calendar;

    /** The team's template version this letter was composed from (message/template); null: the built-in letter. */
    @Column(name = "template_version_id")
    public Long templateVersionId;

    @Size(max = 2000)
    @Column(name = "personal_note", length = 2000)
    public String personalNote;

    @Column(name = "rejection_reason_id")
    public Long rejectionReasonId;

    @Column(name = "sender_username", nullable = false, length = 64)
    public String senderUsername;

    @Column(name = "sender_name", nullable = false, length = 200)
    public String senderName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "lease_owner", length = 64)
    public String leaseOwner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Written as {@link MessageIdHeaderGenerator#PENDING} by the outbox; the row is inserted with the real one. */
    @Column(name = "message_id_header", nullable = false, length = 200)
    @MessageIdHeaderGenerator.Generated
    public String messageIdHeader;

    @Column(name = "call_done_at")
    public Instant callDoneAt;

    @Column(name = "call_done_by", length = 64)
    public String callDoneBy;

    @Size(max = 2000)
    @Column(name = "call_note", length = 2000)
    public String callNote;

    @Version
    @Column(nullable = false)
    public int version;

    /**
     * Whether {@code viewer} may see this message: whoever may see its requisition; a team message about
     * no application (the daily digest) only its addressee, in whose name it is written.
     */
    public boolean isVisibleTo(User viewer) {
        if (requisition != null) {
            return requisition.isVisibleTo(viewer);
        }
        return viewer.username.equals(senderUsername);
    }

    public static List<Message> listForApplication(Application application) {
        return list("application = ?1 order by createdAt desc, id desc", application);
    }

    public static List<Message> listForCandidate(Candidate candidate) {
        return find("select m from Message m join fetch m.requisition where m.candidate = ?1 order by m.createdAt desc, m.id desc",
                candidate).list();
    }

    public static Optional<Message> findByCause(String cause) {
        return find("cause", cause).firstResultOptional();
    }

    /** Whether the application has a message in flight or delivered for this kind (used to refuse a second outcome). */
    public static boolean existsActive(Application application, MessageKind kind) {
        return count("application = ?1 and kind = ?2 and state not in ?3", application, kind,
                List.of(MessageState.CANCELLED, MessageState.FAILED)) > 0;
    }

    /** Whether the application has any letter of this kind that was not cancelled (queued, sent, failed, a call…). */
    public static boolean existsNotCancelled(Application application, MessageKind kind) {
        return count("application = ?1 and kind = ?2 and state <> ?3", application, kind, MessageState.CANCELLED) > 0;
    }

    /** What the candidate has received for this application (mail sent, calls made), oldest first: their status page shows it. */
    public static List<Message> listDeliveredToCandidate(Application application) {
        return find("application = ?1 and kind in ?2 and state in ?3 order by createdAt, id", application, MessageKind.candidateKinds(),
                List.of(MessageState.SENT, MessageState.CALL_DONE)).list();
    }

    /** A closing letter or call to the candidate that has not reached them yet (the oldest), if any. */
    public static Optional<Message> findPendingClosing(Application application) {
        return find("application = ?1 and kind in ?2 and state in ?3 order by createdAt, id", application,
                Arrays.stream(MessageKind.values()).filter(MessageKind::closes).toList(), NOT_YET_DELIVERED).firstResultOptional();
    }

    /**
     * A message's lease has run out, or it has none, as an HQL condition on {@code m} against the parameter {@code ?4}
     * (now): another dispatcher may claim it, and what stops messages may stop it. A lease is live while
     * {@code leaseUntil > now} (Leases.holds); the instant it ends counts as ended, so a message is always one or the other.
     */
    public static final String LEASE_RUN_OUT_AT_4 = "(m.leaseUntil is null or m.leaseUntil <= ?4)";

    /** Whether this message's lease has run out at {@code now}, or it has none ({@link #LEASE_RUN_OUT_AT_4} in Java). */
    public boolean leaseRunOut(Instant now) {
        return leaseUntil == null || !leaseUntil.isAfter(now);
    }

    /** States in which a message has not reached the candidate yet. */
    public static final List<MessageState> NOT_YET_DELIVERED = List.of(MessageState.QUEUED, MessageState.SCHEDULED, MessageState.CALL_PENDING);

    /** Whether an offer or rejection has been recorded but not yet told (scheduled, queued, or a call still to make). */
    public static boolean hasUntoldOutcome(Application application) {
        return count("application = ?1 and kind in ?2 and state in ?3", application, List.of(MessageKind.OFFER, MessageKind.REJECTION),
                NOT_YET_DELIVERED) > 0;
    }

    /**
     * The application's letters to the candidate that can still be stopped, rows locked: scheduled,
     * queued or call tasks, and not in a dispatcher's hands right now (a live lease means it is being sent).
     */
    public static List<Message> lockStoppable(Application application, Instant now) {
        return getEntityManager().createQuery("select m from Message m where m.application = ?1 and m.kind in ?2 and m.state in ?3"
                        + " and " + LEASE_RUN_OUT_AT_4 + " order by m.id", Message.class)
                .setParameter(1, application).setParameter(2, MessageKind.candidateKinds()).setParameter(3, NOT_YET_DELIVERED)
                .setParameter(4, now).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    /**
     * What a recruiter has to act on, oldest first: messages to candidates in their requisitions that
     * FAILED (fix the address, resend) and call tasks still waiting for their call, and their own team
     * mail about no application (the daily digest) that FAILED.
     */
    public static List<Message> listNeedingAttention(User recruiter) {
        return find("select m from Message m left join fetch m.candidate left join fetch m.requisition r"
                        + " where (r.recruiter = ?1 or (m.requisition is null and m.senderUsername = ?3)) and m.state in ?2"
                        + " order by m.createdAt, m.id",
                recruiter, List.of(MessageState.FAILED, MessageState.CALL_PENDING), recruiter.username).list();
    }

    /** Where it stands in delivery, for logs and failed checks; neither the address nor the letter. */
    @Override
    public String toString() {
        return "Message " + id + " (" + kind + ", " + state + ", attempts " + attempts + ", due " + dueAt + ", lease " + leaseOwner
                + " until " + leaseUntil + ", sent " + sentAt + ", version " + version + ")";
    }
}
