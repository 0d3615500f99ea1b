package bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The limit beside Candor's delivery: a bare loop sending messages of the same size, one after the
 * other as Candor's dispatcher does, with the Vert.x mail client Candor's mailer is built on (from the
 * app's own lib/main), to the same local SMTP server.
 */
final class SmtpLoop implements AutoCloseable {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final MailClient client;

    SmtpLoop(int port) {
        client = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(port)
                .setStarttls(StartTLSOptions.OPTIONAL).setKeepAlive(true).setMaxPoolSize(1));
    }

    /** Sends one message with {@code filler} characters of text in both the plain and the HTML part. */
    void send(int n, int filler) throws Exception {
        String text = "Dear Candidate " + n + ",\n\n" + filler(filler) + "\n\nKind regards\nCandor Demo Ltd";
        MailMessage m = new MailMessage().setFrom("Candor <no-reply@candor.local>").setTo(List.of("bulk" + n + "@example.test"))
                .setSubject("Bench role at Candor Demo Ltd: the position has been filled")
                .setText(text).setHtml("<p>" + text.replace("\n\n", "</p><p>") + "</p>");
        m.addHeader("Message-ID", "<bench-" + n + "@candor.local>");
        client.sendMail(m).toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    /**
     * The filler length that makes a message {@code size} bytes at the server: two probes give the
     * bytes per filler character (both parts, quoted-printable line breaks included).
     */
    int fillerFor(long size, SmtpSink sink) throws Exception {
        send(0, 0);
        long base = sink.lastSize();
        send(0, 2000);
        double perChar = (sink.lastSize() - base) / 2000.0;
        return (int) Math.max(0, Math.round((size - base) / perChar));
    }

    private static String filler(int length) {
        StringBuilder b = new StringBuilder(length);
        String words = "We are writing to let you know that the position has now been filled. ";
        while (b.length() < length) {
            b.append(words);
            if (b.length() % 5 == 0) {
                b.append('\n');
            }
        }
        b.setLength(length);
        return b.toString();
    }

    @Override
    public void close() throws Exception {
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
