package app.candor.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Real SMTP for the mail tests: GreenMail on 127.0.0.1 and a free port, the mailer pointed at it
 * (no mock, no TLS), a short send timeout, a short lease and quick retries. Tests get the server through
 * {@link InjectMailServer} and may stop, restart, purge it or swap in a refusing one.
 */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    private MailServer server;

    @Override
    public Map<String, String> start() {
        server = new MailServer(MailServer.freePort());
        server.start();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(server.port())),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.timeout", "PT10S"),
                Map.entry("candor.mail.initial-backoff", "PT0.2S"),
                Map.entry("candor.mail.max-backoff", "PT1S"),
                Map.entry("candor.mail.max-attempts", "5"),
                // Longer than the send timeout, as in production (2 min vs 20 s), yet short enough for a test to outlive.
                // Half a send timeout longer: the stalling-server test needs the second window to start within the
                // lease (5 s after the first window's timeout) and still to hang when the lease has run out (5 s before
                // its own timeout), both on a loaded 2-core CI machine.
                Map.entry("candor.mail.lease", "PT15S"),
                // Two sends in flight at a time: the mail tests exercise concurrent sends, and a batch of more than two
                // has windows that start later than the claim (see the stalling-server test).
                Map.entry("candor.mail.concurrency", "2"),
                // ...on a pool of as many connections, as application.properties tells operators to keep them (10 and 10).
                Map.entry("quarkus.mailer.max-pool-size", "2"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectMailServer.class, MailServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.shutdown();
        }
    }
}
