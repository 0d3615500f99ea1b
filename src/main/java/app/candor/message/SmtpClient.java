package app.candor.message;

import io.vertx.ext.mail.MailConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x mail client letters go out through over SMTP: the one Quarkus configured from {@code quarkus.mailer.*}
 * (host, port, credentials, TLS, DKIM, pool), copied with one setting more, an idle timeout on its connections equal to
 * the send timeout.
 * <p>
 * Why: the mail client has no timeout of its own on an SMTP command. A send bounded from outside
 * ({@code quarkus.mailer.timeout}) gives up, but its connection stays in use, waiting for the answer, until the server
 * closes it. A relay that vanished without closing its connections (its host gone, a firewall dropping the flow) never
 * does: each hung send kept its place in the pool, and once the pool (as many places as sends in flight) was full,
 * every later send waited for a place until it timed out, even with the relay back, until the process restarted. With
 * the idle timeout a connection that heard nothing for a send timeout is closed, its send fails (a transient failure,
 * retried) and its place is freed. Quarkus (3.31) does not expose the option, so the configuration it built is read
 * from its client once at start-up; a library upgrade that moves it fails the start here, loudly.
 */
final class SmtpClient {

    private SmtpClient() {
    }

    /** A new client with Quarkus's configuration and the idle timeout; the caller closes it. */
    static MailClient from(Vertx vertx, MailClient configuredByQuarkus, Duration sendTimeout) {
        MailConfig config = new MailConfig(configurationOf(configuredByQuarkus));
        config.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        config.setIdleTimeout(Math.toIntExact(Math.max(1, sendTimeout.toMillis())));
        return MailClient.create(vertx, config);
    }

    private static MailConfig configurationOf(MailClient client) {
        Object impl = client.getDelegate();
        try {
            Field field = impl.getClass().getDeclaredField("config");
            field.setAccessible(true);
            return (MailConfig) field.get(impl);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalStateException("Cannot read the mail client's configuration from " + impl.getClass().getName()
                    + " (a changed Vert.x mail client?); SMTP delivery needs it to bound hung connections", e);
        }
    }
}
