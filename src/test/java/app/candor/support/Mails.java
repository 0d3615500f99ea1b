package app.candor.support;

import app.candor.application.Application;
import app.candor.candidate.Channel;
import app.candor.message.Dispatcher;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Waiting for delivery: a message's state in the database and what reached the SMTP server. */
public final class Mails {

    /** Long enough for a few dispatcher rounds and retries on a slow machine; never waited out when things work. */
    public static final Duration DELIVERY = Duration.ofSeconds(20);

    private Mails() {
    }

    public static Message message(long id) {
        return Api.db(() -> {
            Message m = Message.findById(id);
            m.candidate.email.length(); // loaded for the caller
            return m;
        });
    }

    /**
     * Writes a letter to the application's candidate straight into the outbox, as the app would have left it, without
     * waking the dispatcher: {@code kind} in {@code state}, written at {@code at}, from the role's recruiter, with a short
     * body; {@code adjust} sets whatever else the case needs (a lease, a due time, an error) before it is stored.
     */
    public static long letterRow(long applicationId, MessageKind kind, MessageState state, Instant at, Consumer<Message> adjust) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Application a = Application.findById(applicationId);
            Message m = new Message();
            m.application = a;
            m.candidate = a.candidate;
            m.requisition = a.requisition;
            m.kind = kind;
            m.channel = Channel.EMAIL;
            m.state = state;
            m.cause = TestData.unique(kind.name().toLowerCase());
            m.recipient = a.candidate.email;
            m.language = "en";
            m.subject = "About your application";
            m.bodyHtml = "<p>Dear candidate</p>";
            m.bodyText = "Dear candidate";
            m.senderUsername = a.requisition.recruiter.username;
            m.senderName = a.requisition.recruiter.fullName;
            m.createdAt = at;
            m.updatedAt = at;
            m.messageIdHeader = "<" + m.cause + "@candor.test>";
            adjust.accept(m);
            m.persist();
            return m.id;
        });
    }

    /** Waits until message {@code id} is in {@code state}; returns it as stored then. */
    public static Message awaitState(long id, MessageState state) {
        return awaitState(id, state, DELIVERY);
    }

    /** {@link #awaitState(long, MessageState)} for a case that needs longer than {@link #DELIVERY} (send timeouts). */
    public static Message awaitState(long id, MessageState state, Duration within) {
        return Eventually.await("message " + id + " to be " + state, within, () -> message(id), m -> m.state == state);
    }

    /**
     * Delivery has nothing left to do at this instant: this thread runs dispatcher rounds until none finds a due
     * message, and no claimed message is left in flight (the background dispatcher's window is sent and recorded).
     * What has not reached the SMTP server by then is not going to without a clock move or a retry's backoff: the
     * deterministic "and nothing more" instead of waiting a fixed quiet period. For @QuarkusTest classes only.
     */
    public static void drain() {
        Dispatcher dispatcher = Arc.container().instance(Dispatcher.class).get();
        Eventually.await("delivery drained", DELIVERY, () -> {
            while (dispatcher.dispatchDue() > 0) {
                // another round: a window is at most candor.mail.batch messages
            }
            return Api.db(() -> Message.count("leaseOwner is not null and state in ?1",
                    List.of(MessageState.QUEUED, MessageState.SCHEDULED))) == 0;
        });
    }

    /** Waits until exactly {@code count} copies reached {@code address} and delivery is drained (no more follow). */
    public static List<Received> awaitExactly(MailServer smtp, String address, int count) {
        Eventually.await(count + " mail(s) to " + address, DELIVERY, () -> smtp.receivedBy(address).size(), n -> n >= count);
        drain();
        List<Received> received = smtp.receivedBy(address).stream().map(Received::of).toList();
        assertThat(received).as(() -> "mails to " + address).hasSize(count);
        return received;
    }

    /** The single mail to {@code address}, after checking that exactly one arrives. */
    public static Received awaitOne(MailServer smtp, String address) {
        return awaitExactly(smtp, address, 1).get(0);
    }
}
