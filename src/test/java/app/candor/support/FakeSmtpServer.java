package app.candor.support;

import io.quarkus.logging.Log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough SMTP for what GreenMail cannot do: a 220 greeting and 250 to EHLO/HELO, then either
 * <ul>
 * <li>{@link Mode#REFUSE_RECIPIENTS}: 250 to MAIL/RSET/NOOP and 550 to every RCPT TO, as a receiving
 * server does for an address that does not exist (every refused address is recorded); or</li>
 * <li>{@link Mode#STALL}: no answer at all to MAIL FROM, as an overloaded or broken server that
 * accepted the connection (every MAIL FROM is counted); or</li>
 * <li>{@link Mode#HANG_UP_AFTER_EACH_MAIL}: takes the letter, then closes the connection at once, as a relay that takes
 * one letter a connection or shuts down (every hang-up is counted, and can be waited for).</li>
 * </ul>
 */
public final class FakeSmtpServer implements AutoCloseable {

    public enum Mode { REFUSE_RECIPIENTS, STALL, HANG_UP_AFTER_EACH_MAIL }

    private final ServerSocket server;
    private final Mode mode;
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final AtomicInteger mailCommands = new AtomicInteger();
    private final Semaphore hangUps = new Semaphore(0);
    private final List<Socket> connections = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private FakeSmtpServer(ServerSocket server, Mode mode) {
        this.server = server;
        this.mode = mode;
    }

    /** Listens on 127.0.0.1:{@code port} (the port GreenMail had, so the mailer's configuration stays; 0: any free one). */
    public static FakeSmtpServer start(int port, Mode mode) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
        FakeSmtpServer smtp = new FakeSmtpServer(socket, mode);
        Thread acceptor = new Thread(smtp::acceptLoop, "fake-smtp-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
        return smtp;
    }

    public int port() {
        return server.getLocalPort();
    }

    /**
     * Waits until the server has hung up after a letter once more than before (the next of them, in order); false if it
     * did not within {@code within}.
     */
    public boolean awaitHangUp(Duration within) throws InterruptedException {
        return hangUps.tryAcquire(within.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The addresses given in RCPT TO, each answered with 550, in order. */
    public List<String> refusedRecipients() {
        return List.copyOf(refused);
    }

    /** How many MAIL FROM commands arrived (in STALL mode: how many sends are hanging or were). */
    public int mailCommands() {
        return mailCommands.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                connections.add(client);
                Thread session = new Thread(() -> converse(client), "fake-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!closed) {
                    Log.warn("Fake SMTP server: accept failed", e);
                }
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            // Long enough that a session a test abandoned (MailServer#startBesideAbandonedConnections) outlives the
            // test's waits: only the client's own bounds may end it.
            client.setSoTimeout(120_000);
            reply(out, "220 fake.test ESMTP " + mode);
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 fake.test");
                    case "MAIL" -> {
                        mailCommands.incrementAndGet();
                        if (mode != Mode.STALL) {
                            reply(out, "250 2.0.0 OK");
                        } // STALL: never answers; the client waits until its own timeout
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "RCPT" -> {
                        if (mode == Mode.HANG_UP_AFTER_EACH_MAIL) {
                            reply(out, "250 2.1.5 OK");
                            continue;
                        }
                        String address = line.replaceFirst("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1");
                        refused.add(address);
                        reply(out, "550 5.1.1 <" + address + ">: no such mailbox here");
                    }
                    case "DATA" -> {
                        if (mode != Mode.HANG_UP_AFTER_EACH_MAIL) {
                            reply(out, "554 5.5.1 No valid recipients");
                            continue;
                        }
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        while ((line = in.readLine()) != null && !line.equals(".")) {
                            // the letter itself is not kept
                        }
                        reply(out, "250 2.0.0 OK");
                        client.close();
                        hangUps.release();
                        return;
                    }
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "502 5.5.2 Command not implemented");
                }
            }
        } catch (SocketException e) {
            // closed by the client or by close()
        } catch (IOException e) {
            if (!closed) {
                Log.warn("Fake SMTP server: session failed", e);
            }
        } finally {
            connections.remove(client);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Stops accepting connections but leaves the sessions it has open and silent, as a relay that vanished without
     * closing them does (its host gone, a firewall dropping the flow): the client sees neither an answer nor a close.
     * {@link #close()} still ends them.
     */
    public void stopListening() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            Log.debug("Fake SMTP server: close failed", e);
        }
    }

    @Override
    public void close() {
        stopListening();
        for (Socket s : connections) {
            try {
                s.close();
            } catch (IOException e) {
                Log.debug("Fake SMTP server: closing a session failed", e);
            }
        }
    }
}
