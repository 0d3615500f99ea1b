package app.candor.message;

import io.vertx.ext.mail.MailConfig;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x mail client letters go out through over SMTP: the one Quarkus configured from {@code quarkus.mailer.*}
 * (host, port, credentials, TLS, DKIM, pool), copied with two settings more: an idle timeout on its connections and a
 * bound on the TCP connect, both equal to the send timeout ({@code quarkus.mailer.timeout}).
 * <p>
 * Why: the mail client has no timeout of its own on an SMTP command. A send bounded from outside
 * ({@code quarkus.mailer.timeout}) gives up, but its connection stays in use, waiting for the answer, until the server
 * closes it. A relay that vanished without closing its connections (its host gone, a firewall dropping the flow) never
 * does: each hung send kept its place in the pool, and once the pool (as many places as sends in flight) was full,
 * every later send waited for a place until it timed out, even with the relay back, until the process restarted. With
 * the idle timeout a connection that heard nothing for a send timeout is closed, its send fails (a transient failure,
 * retried) and its place is freed. The TCP connect is bounded the same way, instead of by the client's default of
 * 60 s: a connection made after the dispatcher gave up on its send (and scheduled the retry) would still carry the
 * letter, and the retry would send it again. (The wait for a place in the pool has no bound in this client: it ignores
 * the timeout it is given. Places free up within a send timeout now, so that wait stays short.)
 * Quarkus (3.31) exposes neither option, so the configuration it built is read from its client once at start-up; a
 * library upgrade that moves it fails the start here, loudly.
 * <p>
 * Known and left to the send timeout: in this client (vertx-mail-client 4.5) a send that asks for a connection just
 * as the pool's last connection closes can be lost inside the client (the pool is being disposed, the request is
 * refused, and that refusal is dropped): no SMTP traffic, no result, until the dispatcher gives up after the send
 * timeout and retries. Nothing is sent twice by it.
 */
final class SmtpClient {

    private SmtpClient() {
    }

    /** A new client with Quarkus's configuration and both bounds; the caller closes it. */
    static MailClient from(Vertx vertx, MailClient configuredByQuarkus, Duration sendTimeout) {
        MailConfig config = new MailConfig(configurationOf(configuredByQuarkus));
        int millis = Math.toIntExact(Math.max(1, sendTimeout.toMillis()));
        config.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        config.setIdleTimeout(millis);
        config.setConnectTimeout(millis);
        return MailClient.create(vertx, config);
    }

    /** The configuration a client was created with (also what the tests read). */
    static MailConfig configurationOf(MailClient client) {
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
