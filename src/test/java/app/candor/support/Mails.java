package app.candor.support;

import app.candor.message.Message;
import app.candor.message.MessageState;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Waiting for delivery: a message's state in the database and what reached the SMTP server. */
public final class Mails {

    /** Long enough for a few dispatcher rounds and retries on a slow machine; never waited out when things work. */
    public static final Duration DELIVERY = Duration.ofSeconds(20);
    /** Two and a half poll rounds (candor.mail.poll-every is 1s in tests): long enough for an unwanted send to show. */
    public static final Duration QUIET = Duration.ofMillis(2500);

    private Mails() {
    }

    public static Message message(long id) {
        return Api.db(() -> {
            Message m = Message.findById(id);
            m.candidate.email.length(); // loaded for the caller
            return m;
        });
    }

    /** Waits until message {@code id} is in {@code state}; returns it as stored then. */
    public static Message awaitState(long id, MessageState state) {
        return Eventually.await("message " + id + " to be " + state, DELIVERY, () -> message(id), m -> m.state == state);
    }

    /** Waits until exactly {@code count} copies reached {@code address}, then checks no more follow for a while. */
    public static List<Received> awaitExactly(MailServer smtp, String address, int count) {
        Eventually.await(count + " mail(s) to " + address, DELIVERY, () -> smtp.receivedBy(address).size(), n -> n >= count);
        Eventually.holdsFor("no further mail to " + address, QUIET, () -> smtp.receivedBy(address).size() == count);
        List<Received> received = smtp.receivedBy(address).stream().map(Received::of).toList();
        assertEquals(count, received.size(), () -> "mails to " + address);
        return received;
    }

    /** The single mail to {@code address}, after checking that exactly one arrives. */
    public static Received awaitOne(MailServer smtp, String address) {
        return awaitExactly(smtp, address, 1).get(0);
    }
}
