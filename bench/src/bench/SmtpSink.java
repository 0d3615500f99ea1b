package bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local SMTP server both Candor and the bare send loop deliver to: accepts every message, keeps
 * nothing but counts, the size of the last message and the times of the first and the last one, so
 * that the server costs the same, and as little as possible, for both.
 */
final class SmtpSink implements AutoCloseable {

    private final ServerSocket server;
    private final List<Socket> sessions = new CopyOnWriteArrayList<>();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicLong firstAt = new AtomicLong();
    private final AtomicLong lastAt = new AtomicLong();
    private final AtomicLong lastSize = new AtomicLong();
    private volatile boolean closed;

    private SmtpSink(ServerSocket server) {
        this.server = server;
    }

    /** Standalone, for profiling by hand: {@code java -cp bench/target/classes bench.SmtpSink 2525} prints the count each second. */
    public static void main(String[] args) throws Exception {
        SmtpSink sink = start(Integer.parseInt(args[0]));
        while (true) {
            Thread.sleep(1000);
            System.out.println(sink.received() + " messages, " + Stats.rate(sink.rate()));
        }
    }

    static SmtpSink start() throws IOException {
        return start(0);
    }

    static SmtpSink start(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 200);
        SmtpSink sink = new SmtpSink(socket);
        Thread acceptor = new Thread(sink::acceptLoop, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
        return sink;
    }

    int port() {
        return server.getLocalPort();
    }

    /** Starts a new count (the figures of one run). */
    void reset() {
        received.set(0);
        firstAt.set(0);
        lastAt.set(0);
    }

    int received() {
        return received.get();
    }

    /** Messages per second between the first and the last message of this count. */
    double rate() {
        int n = received.get();
        long span = lastAt.get() - firstAt.get();
        return n < 2 || span <= 0 ? Double.NaN : (n - 1) / (span / 1e9);
    }

    /** Bytes of the last message's DATA (headers and body, as sent). */
    long lastSize() {
        return lastSize.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                sessions.add(client);
                Thread t = new Thread(() -> converse(client), "smtp-sink-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    Bench.log("SMTP sink: accept failed: " + e);
                }
            }
        }
    }

    private void converse(Socket client) {
        try (client; InputStream in = new BufferedInputStream(client.getInputStream(), 65536); OutputStream out = client.getOutputStream()) {
            client.setTcpNoDelay(true);
            reply(out, "220 bench.sink ESMTP");
            StringBuilder line = new StringBuilder();
            while (readLine(in, line)) {
                String upper = line.length() < 4 ? line.toString().toUpperCase() : line.substring(0, 4).toUpperCase();
                switch (upper) {
                    case "EHLO" -> reply(out, "250-bench.sink\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        long size = 0;
                        while (readLine(in, line) && !(line.length() == 1 && line.charAt(0) == '.')) {
                            size += line.length() + 2;
                        }
                        long now = System.nanoTime();
                        firstAt.compareAndSet(0, now);
                        lastAt.set(now);
                        lastSize.set(size);
                        received.incrementAndGet();
                        reply(out, "250 2.0.0 queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "502 not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away, or close()
        } finally {
            sessions.remove(client);
        }
    }

    /** One line without its CRLF into {@code line}; false at the end of the stream. */
    private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
        line.setLength(0);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                int last = line.length() - 1;
                if (last >= 0 && line.charAt(last) == '\r') {
                    line.setLength(last);
                }
                return true;
            }
            line.append((char) c);
        }
        return line.length() > 0;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : sessions) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
