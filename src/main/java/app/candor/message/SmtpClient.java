package app.candor.message;

import io.smallrye.mutiny.Uni;
import io.netty.channel.EventLoop;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.MailResult;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Vert.x mail client letters go out through over SMTP: the one Quarkus configured from {@code quarkus.mailer.*}
 * (host, port, credentials, TLS, DKIM, pool), copied with two settings more, as one client per event loop it sends
 * from (a lane), and every send started on its lane's event loop.
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
 * <p>
 * <b>Two lanes where there are two CPUs</b>: a client of its own on each of two event loops, the configured pool shared
 * out between them (so no more connections than configured), and the sends handed to them in turn. The mail client
 * does a letter's work on its event loop (the MIME encoding, each line of the body its own write), and one event loop
 * took longer over a window's ten letters than the dispatcher took to load the next window: with two, on 2 cores and
 * PostgreSQL, delivery to a local server was 11 % faster in four pairs of runs, each pair in favour
 * (docs/benchmarks.md). More lanes were not measured. Each lane keeps the rule above: its sends start on its own loop.
 */
final class SmtpClient implements AutoCloseable {

    /** Lanes where the machine has the CPUs for them; measured with two on two cores. */
    static final int MAX_LANES = 2;

    /** Vert.x has 2 event loops per CPU unless configured otherwise; with a single one, the lanes share it. */
    private static final int TRIES_FOR_A_LOOP_OF_ITS_OWN = 64;

    /** One mail client, with its own pool, and the context on whose event loop its connections are made, answered and closed. */
    private record Lane(MailClient client, ContextInternal context) {

        /** Runs a task on the lane's event loop. */
        Executor onItsEventLoop() {
            return task -> context.runOnContext(ignored -> task.run());
        }
    }

    private final List<Lane> lanes;
    private final AtomicInteger turn = new AtomicInteger();

    private SmtpClient(List<Lane> lanes) {
        this.lanes = lanes;
    }

    /** As {@link #from(Vertx, MailClient, Duration, int)}, with a lane per CPU up to {@link #MAX_LANES}. */
    static SmtpClient from(Vertx vertx, MailClient configuredByQuarkus, Duration sendTimeout) {
        return from(vertx, configuredByQuarkus, sendTimeout, Math.min(MAX_LANES, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A new client with Quarkus's configuration and both bounds, in {@code lanes} lanes (at most one per place in the
     * pool), each on an event-loop context of its own; the caller closes it. The contexts are new plain ones of
     * Vert.x's, whatever thread makes the client: not the current thread's (a request's, or a deployment's that an
     * undeploy would close; a dev-mode reload starts the app on a worker).
     */
    static SmtpClient from(Vertx vertx, MailClient configuredByQuarkus, Duration sendTimeout, int lanes) {
        MailConfig config = new MailConfig(configurationOf(configuredByQuarkus));
        int millis = Math.toIntExact(Math.max(1, sendTimeout.toMillis()));
        config.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        config.setIdleTimeout(millis);
        config.setConnectTimeout(millis);
        int pool = Math.max(1, config.getMaxPoolSize());
        int count = Math.max(1, Math.min(lanes, pool));
        VertxInternal internal = (VertxInternal) vertx.getDelegate();
        Set<EventLoop> taken = new HashSet<>();
        List<Lane> made = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            MailConfig own = new MailConfig(config).setMaxPoolSize(pool / count + (i < pool % count ? 1 : 0));
            // Vert.x hands out its event loops in turn; another context made meanwhile could give two lanes one loop.
            ContextInternal context = internal.createEventLoopContext();
            for (int tries = 0; !taken.add(context.nettyEventLoop()) && tries < TRIES_FOR_A_LOOP_OF_ITS_OWN; tries++) {
                context = internal.createEventLoopContext();
            }
            made.add(new Lane(MailClient.create(vertx, own), context));
        }
        return new SmtpClient(List.copyOf(made));
    }

    /** Completes when the server has taken the letter; no bound of its own (the caller sets one). The lanes take turns. */
    Uni<MailResult> send(MailMessage message) {
        Lane lane = lanes.get(Math.floorMod(turn.getAndIncrement(), lanes.size()));
        return lane.client().sendMail(message).runSubscriptionOn(lane.onItsEventLoop());
    }

    /** Each lane's configuration, in the order the lanes take turns. */
    List<MailConfig> configurations() {
        return lanes.stream().map(lane -> configurationOf(lane.client())).toList();
    }

    /** Each lane's event loop, in the same order. */
    List<EventLoop> eventLoops() {
        return lanes.stream().map(lane -> lane.context().nettyEventLoop()).toList();
    }

    /**
     * Not awaited: a connection still waiting for an answer closes only at its idle timeout, and shutdown should not
     * wait for it (the dispatcher has given its leases back by now).
     */
    @Override
    public void close() {
        lanes.forEach(lane -> lane.client().getDelegate().close());
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
