package app.candor.bounce;

import app.candor.message.DeliveryFailures;
import app.candor.message.MailHeaders;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.system.BusinessCalendar;
import app.candor.system.WhileStarted;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads bounces that arrive after the mail server accepted a letter: delivery status notifications in the configured
 * IMAP mailbox ({@link BounceConfig}). A report that says delivery failed, about a letter of ours (matched by the
 * Message-ID in its returned headers), fails that message with the same rule as a synchronous 5xx
 * ({@link DeliveryFailures}: FAILED with the reason, the candidate's address flagged) and is marked read. Anything
 * else (other mail, delays, reports about letters that are not ours) is left alone, unread: it is read without
 * setting \Seen ({@code mail.imap.peek}).
 *
 * <p>Safe on several replicas: the message row is locked and its state checked, so a report read by two instances
 * fails the message once; the second finds it FAILED already and only marks the report read.
 */
@ApplicationScoped
public class BounceReader {

    @Inject
    BounceConfig config;

    @Inject
    DeliveryFailures failures;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager em;

    /** One check: reports matched to a letter (now FAILED), reports about letters already failed, mail left alone. */
    public record Result(int failed, int alreadyFailed, int leftAlone) {
    }

    @Scheduled(every = "${candor.bounces.check-every:2m}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void scheduled() {
        if (config.host().isPresent()) {
            try {
                check();
            } catch (MessagingException | RuntimeException e) {
                Log.warnf("Reading bounces from %s failed; the next check tries again: %s", config.host().get(), e.getMessage());
            }
        }
    }

    /** Reads the unread mail of the mailbox once. */
    public Result check() throws MessagingException {
        String host = config.host().orElseThrow(() -> new IllegalStateException("candor.bounces.host is not set"));
        String protocol = config.ssl() ? "imaps" : "imap";
        Properties props = new Properties();
        props.put("mail.store.protocol", protocol);
        props.put("mail." + protocol + ".host", host);
        props.put("mail." + protocol + ".port", String.valueOf(config.port()));
        props.put("mail." + protocol + ".connectiontimeout", String.valueOf(config.timeout().toMillis()));
        props.put("mail." + protocol + ".timeout", String.valueOf(config.timeout().toMillis()));
        props.put("mail." + protocol + ".peek", "true"); // reading a message does not mark it read: unmatched mail stays unread
        Session session = Session.getInstance(props);
        int failed = 0;
        int already = 0;
        int leftAlone = 0;
        try (Store store = session.getStore(protocol)) {
            store.connect(host, config.port(), config.username().orElse(null), config.password().orElse(null));
            Folder folder = store.getFolder(config.folder());
            folder.open(Folder.READ_WRITE);
            try {
                for (jakarta.mail.Message mail : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    Optional<Dsn> dsn;
                    try {
                        // Parsed here from the whole raw message (one fetch, with peek): the server's view of the parts
                        // (BODYSTRUCTURE of a returned message/rfc822) differs between servers.
                        dsn = Dsn.read(new MimeMessage((MimeMessage) mail));
                    } catch (IOException | MessagingException | RuntimeException e) {
                        leftAlone++;
                        continue; // not something we can read: left for a person
                    }
                    if (dsn.isEmpty() || !dsn.get().failed()) {
                        leftAlone++;
                        continue;
                    }
                    Outcome outcome = QuarkusTransaction.requiringNew().call(() -> fail(dsn.get()));
                    switch (outcome) {
                        case FAILED -> failed++;
                        case ALREADY -> already++;
                        case NOT_OURS -> leftAlone++;
                    }
                    if (outcome != Outcome.NOT_OURS) {
                        mail.setFlag(Flags.Flag.SEEN, true);
                    }
                }
            } finally {
                folder.close(false);
            }
        }
        if (failed + already > 0) {
            Log.infof("Bounces: %d letter(s) failed after delivery, %d already failed, %d mail(s) left alone", failed, already, leftAlone);
        }
        return new Result(failed, already, leftAlone);
    }

    private enum Outcome { FAILED, ALREADY, NOT_OURS }

    private Outcome fail(Dsn dsn) {
        List<Message> found = em.createQuery("select m from Message m where m.messageIdHeader = ?1", Message.class)
                .setParameter(1, dsn.originalMessageId()).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (found.isEmpty()) {
            return Outcome.NOT_OURS;
        }
        Message m = found.get(0);
        if (m.state == MessageState.FAILED) {
            return Outcome.ALREADY;
        }
        if (m.state != MessageState.SENT) {
            return Outcome.NOT_OURS; // a call, a cancelled or unsent letter: a report about it is not ours to act on
        }
        Instant now = calendar.now();
        String reason = "Bounced after delivery" + (dsn.status() == null ? "" : " (" + dsn.status() + ")")
                + (dsn.diagnostic() == null ? "" : ": " + MailHeaders.oneLine(dsn.diagnostic()));
        failures.failed(m, reason, true, now);
        Log.warnf("Message %d failed after delivery: %s", m.id, reason);
        return Outcome.FAILED;
    }
}
