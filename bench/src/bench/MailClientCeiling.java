package bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * What the Vert.x mail client alone can send on this machine, the way Candor's dispatcher sends: windows of
 * {@code window} letters in flight at once from one plain thread, each window awaited before the next. Run it in a
 * JVM with the app's options to see the ceiling under them (docs/benchmarks-history.md, PostgreSQL note 5):
 * <pre>
 * java -cp bench/target/classes bench.SmtpSink 2526 &amp;
 * java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "bench/target/classes:target/quarkus-app/lib/main/*" \
 *     bench.MailClientCeiling 2526 10 0 5000
 * </pre>
 * Arguments: the SMTP port, the window, the event-loop contexts to spread the sends over (0: the one Vert.x gives the
 * calling thread, as in the app; the others are created through Vert.x's internal API) and the letters per run (3 runs).
 */
public final class MailClientCeiling {

    private MailClientCeiling() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int window = Integer.parseInt(args[1]);
        int contexts = Integer.parseInt(args[2]);
        int letters = Integer.parseInt(args[3]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(4));
        MailClient client = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(port)
                .setStarttls(StartTLSOptions.OPTIONAL).setKeepAlive(true).setMaxPoolSize(window));
        List<Context> spread = new ArrayList<>();
        for (int i = 0; i < contexts; i++) {
            spread.add(((VertxInternal) vertx).createEventLoopContext());
        }
        String text = "Dear Candidate,\n\n" + "We are writing to let you know that the position has now been filled. ".repeat(15)
                + "\n\nKind regards";
        for (int run = 1; run <= 3; run++) {
            long started = System.nanoTime();
            for (int first = 0; first < letters; first += window) {
                List<CompletableFuture<Void>> sends = new ArrayList<>(window);
                for (int i = 0; i < window; i++) {
                    MailMessage m = new MailMessage().setFrom("Candor <no-reply@candor.local>")
                            .setTo(List.of("ceiling" + (first + i) + "@example.test")).setSubject("Bench role: the position has been filled")
                            .setText(text).setHtml("<p>" + text.replace("\n\n", "</p><p>") + "</p>");
                    m.addHeader("Message-ID", "<ceiling-" + run + "-" + (first + i) + "@candor.local>");
                    CompletableFuture<Void> sent = new CompletableFuture<>();
                    Runnable send = () -> client.sendMail(m).onComplete(r -> {
                        if (r.succeeded()) {
                            sent.complete(null);
                        } else {
                            sent.completeExceptionally(r.cause());
                        }
                    });
                    if (spread.isEmpty()) {
                        send.run();
                    } else {
                        spread.get(i % spread.size()).runOnContext(v -> send.run());
                    }
                    sends.add(sent);
                }
                for (CompletableFuture<Void> sent : sends) {
                    sent.get(20, TimeUnit.SECONDS);
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("run %d: %d letters, windows of %d, %d extra contexts: %.0f/s%n", run, letters, window, contexts,
                    letters / seconds);
        }
        client.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
