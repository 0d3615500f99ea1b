package app.candor.message;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * The Vert.x mail client letters go out through over SMTP: the one Quarkus configured from {@code quarkus.mailer.*}
 * (host, port, credentials, TLS, DKIM, pool), copied with two settings more, and every send started on one Vert.x
 * event loop of its own.
 * <p>
 * <b>An idle timeout and a bound on the TCP connect</b>, both equal to the send timeout ({@code quarkus.mailer.timeout}).
 * The mail client has no timeout of its own on an SMTP command. A send bounded from outside gives up, but its
 * connection stays in use, waiting for the answer, until the server closes it. A relay that vanished without closing
 * its connections (its host gone, a firewall dropping the flow) never does: each hung send kept its place in the pool,
 * and once the pool (as many places as sends in flight) was full, every later send waited for a place until it timed
 * out, even with the relay back, until the process restarted. With the idle timeout a connection that heard nothing
 * for a send timeout is closed, its send fails (a transient failure, retried) and its place is freed. The TCP connect is
 * bounded the same way, instead of by the client's default of 60 s: a connection made after the dispatcher gave up on
 * its send (and scheduled the retry) would still carry the letter, and the retry would send it again. (The wait for a
 * place in the pool has no bound in this client: it ignores the timeout it is given. Places free up within a send
 * timeout now, so that wait stays short.) Quarkus (3.31) exposes neither option, so the configuration it built is read
 * from its client once at start-up; a library upgrade that moves it fails the start here, loudly.
 * <p>
 * <b>Every send starts on the event loop its connections live on.</b> In vertx-mail-client 4.5 the pool's endpoint is
 * disposed when its last connection closes (the server closed it, or the idle timeout did), and a request for a
 * connection that reaches the endpoint just after that is refused: {@code Endpoint.getConnection} returns false, and
 * {@code SMTPConnectionPool} ignores that, so the send never completes. Started on the dispatcher's own thread, a send
 * could meet a close handled at that very moment on the event loop: no SMTP traffic, no result, until the dispatcher
 * gave up after the send timeout and retried (on CI, a test waited more than 20 s for a send to reach the relay).
 * Started on the context whose event loop also handles the connections' closes, the request and the disposal happen
 * one after the other, never together, and a request after the disposal gets a new endpoint ({@code SmtpClientTest}
 * shows the loss and its end).
 */
final class SmtpClient implements AutoCloseable {

    private final MailClient client;
    /** Runs a task on the client's event loop (where its connections are made, answered and closed). */
    private final Executor onItsEventLoop;

    private SmtpClient(MailClient client, Context context) {
        this.client = client;
        this.onItsEventLoop = task -> context.runOnContext(ignored -> task.run());
    }

    /**
     * A new client with Quarkus's configuration and both bounds, on an event-loop context of its own; the caller
     * closes it. The context is a new plain one of Vert.x's, whatever thread makes the client: not the current thread's
     * (a request's, or a deployment's that an undeploy would close; a dev-mode reload starts the app on a worker).
     */
    static SmtpClient from(Vertx vertx, MailClient configuredByQuarkus, Duration sendTimeout) {
        MailConfig config = new MailConfig(configurationOf(configuredByQuarkus));
        int millis = Math.toIntExact(Math.max(1, sendTimeout.toMillis()));
        config.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        config.setIdleTimeout(millis);
        config.setConnectTimeout(millis);
        return new SmtpClient(MailClient.create(vertx, config), ((VertxInternal) vertx.getDelegate()).createEventLoopContext());
    }

    /** Completes when the server has taken the letter; no bound of its own (the caller sets one). */
    Uni<MailResult> send(MailMessage message) {
        return client.sendMail(message).runSubscriptionOn(onItsEventLoop);
    }

    /** The configuration this client was made with. */
    MailConfig configuration() {
        return configurationOf(client);
    }

    /**
     * Not awaited: a connection still waiting for an answer closes only at its idle timeout, and shutdown should not
     * wait for it (the dispatcher has given its leases back by now).
     */
    @Override
    public void close() {
        client.getDelegate().close();
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
