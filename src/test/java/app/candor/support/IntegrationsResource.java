package app.candor.support;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Real SMTP and IMAP for the integration tests (issue 22): one GreenMail serving both, the mailer pointed at its SMTP
 * and the bounce reader at its IMAP mailbox {@link #BOUNCES} (whatever is delivered to that address over SMTP lands
 * there, as a DSN would). Quick retries for mail and webhooks, so that a failing receiver recovers within a test.
 */
public class IntegrationsResource implements QuarkusTestResourceLifecycleManager {

    public static final String BOUNCES = "bounces@candor.test";
    public static final String BOUNCES_PASSWORD = "bounce-box-secret";

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int smtp = MailServer.freePort();
        int imap = MailServer.freePort();
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imap, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(BOUNCES, BOUNCES, BOUNCES_PASSWORD));
        greenMail.start();
        return Map.ofEntries(
                Map.entry("quarkus.mailer.mock", "false"),
                Map.entry("quarkus.mailer.host", "127.0.0.1"),
                Map.entry("quarkus.mailer.port", String.valueOf(smtp)),
                Map.entry("quarkus.mailer.start-tls", "DISABLED"),
                Map.entry("quarkus.mailer.timeout", "PT10S"),
                Map.entry("candor.mail.initial-backoff", "PT0.2S"),
                Map.entry("candor.mail.max-backoff", "PT1S"),
                Map.entry("candor.bounces.host", "127.0.0.1"),
                Map.entry("candor.bounces.port", String.valueOf(imap)),
                Map.entry("candor.bounces.username", BOUNCES),
                Map.entry("candor.bounces.password", BOUNCES_PASSWORD),
                Map.entry("candor.bounces.ssl", "false"),
                Map.entry("candor.bounces.check-every", "off"),
                Map.entry("candor.webhooks.initial-backoff", "PT0.2S"),
                Map.entry("candor.webhooks.max-backoff", "PT1S"),
                Map.entry("candor.webhooks.timeout", "PT2S"),
                Map.entry("candor.webhooks.poll-every", "1s"),
                Map.entry("candor.webhooks.disable-after", "3"),
                Map.entry("candor.privacy.notice-url", "https://candor.example.test/privacy"));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }
}
