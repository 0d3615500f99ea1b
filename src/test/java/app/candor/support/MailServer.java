package app.candor.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * The SMTP server the mail tests deliver to: GreenMail on 127.0.0.1 and a fixed free port. Tests can
 * take it down and bring it back on the same port (the mailer's configuration never changes), or put
 * a server in its place that refuses every recipient with 550 or never answers.
 */
public final class MailServer {

    private final int port;
    private GreenMail greenMail;
    private FakeSmtpServer fake;
    /** A fake whose sessions were left hanging by {@link #startBesideAbandonedConnections()}; ended at the next stop. */
    private FakeSmtpServer abandoned;

    MailServer(int port) {
        this.port = port;
    }

    /** A server (not started yet) on a free port, for tests that run the app as a process of its own (*IT). */
    public static MailServer onFreePort() {
        return new MailServer(freePort());
    }

    /** A port nobody listens on right now, on the loopback interface. */
    static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 0, InetAddress.getByName("127.0.0.1"))) {
            probe.setReuseAddress(true);
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** GreenMail accepting everything on the port (again); what it received before a stop is gone. */
    public synchronized void start() {
        stopFake();
        if (greenMail == null) {
            // The port may still be held for a moment by the server just closed (or its last connections);
            // try again briefly instead of failing the test on a bind race.
            org.awaitility.Awaitility.await("GreenMail to bind 127.0.0.1:" + port).pollInSameThread().pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(200)).atMost(java.time.Duration.ofSeconds(10))
                    .until(this::tryStart);
        }
    }

    private boolean tryStart() {
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        try {
            server.start();
            greenMail = server;
            return true;
        } catch (IllegalStateException e) {
            server.stop();
            return false;
        }
    }

    /**
     * GreenMail back on the port while the fake's open sessions stay open and silent, as after a relay that vanished
     * without closing its connections: whatever the mail client still waits for on them never comes.
     */
    public synchronized void startBesideAbandonedConnections() {
        if (fake != null) {
            fake.stopListening();
            abandoned = fake;
            fake = null;
        }
        start();
    }

    /** Nothing listens on the port: connections are refused. */
    public synchronized void stop() {
        stopFake();
        if (abandoned != null) {
            abandoned.close();
            abandoned = null;
        }
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Replaces GreenMail by a server that answers every RCPT TO with 550; {@link #start()} brings GreenMail back. */
    public synchronized FakeSmtpServer rejectEveryRecipient() {
        return replaceBy(FakeSmtpServer.Mode.REFUSE_RECIPIENTS);
    }

    /** Replaces GreenMail by a server that greets, then never answers MAIL FROM; {@link #start()} brings GreenMail back. */
    public synchronized FakeSmtpServer stallEverySend() {
        return replaceBy(FakeSmtpServer.Mode.STALL);
    }

    private FakeSmtpServer replaceBy(FakeSmtpServer.Mode mode) {
        stop();
        try {
            fake = FakeSmtpServer.start(port, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fake;
    }

    /**
     * From now on every delivery waits at the gate until the test lets it through (GreenMail answers the
     * DATA only then), so that a test can hold each sender in the middle of a send. Lasts until the next
     * stop; the gate starts closed.
     */
    public synchronized DeliveryGate gateDeliveries() {
        DeliveryGate gate = new DeliveryGate();
        com.icegreen.greenmail.user.MessageDeliveryHandler deliver = greenMail().getUserManager().getMessageDeliveryHandler();
        greenMail().getUserManager().setMessageDeliveryHandler((message, address) -> {
            gate.pass();
            return deliver.handle(message, address);
        });
        return gate;
    }

    public synchronized boolean isRunning() {
        return greenMail != null;
    }

    /** Forgets what was received so far. */
    public synchronized void purge() {
        try {
            greenMail().purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized GreenMail greenMail() {
        if (greenMail == null) {
            throw new IllegalStateException("GreenMail is not running; start() it first");
        }
        return greenMail;
    }

    /** Everything received since the last start or purge (one copy per envelope recipient). */
    public List<MimeMessage> received() {
        return Arrays.asList(greenMail().getReceivedMessages());
    }

    /** What was delivered to this envelope recipient (GreenMail keeps a mailbox per RCPT TO address). */
    public List<MimeMessage> receivedBy(String address) {
        return greenMail().findReceivedMessages(user -> user.getEmail().equalsIgnoreCase(address), m -> true).toList();
    }

    synchronized void shutdown() {
        stop();
    }

    private void stopFake() {
        if (fake != null) {
            fake.close();
            fake = null;
        }
    }
}
