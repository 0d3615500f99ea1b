package app.candor.message;

import app.candor.support.DatabaseNeutral;
import app.candor.support.FakeSmtpServer;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The client letters go out through keeps every setting Quarkus made and adds the two bounds, and no send is lost as
 * the pool's last connection closes.
 */
@DatabaseNeutral
class SmtpClientTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.closeAndAwait();
    }

    @Test
    void copiesTheConfiguredClientAndBoundsTheWaitForAConnectionAndForAnAnswer() {
        MailConfig configured = new MailConfig().setHostname("smtp.example.test").setPort(2525).setUsername("candor")
                .setPassword("secret").setStarttls(StartTLSOptions.REQUIRED).setOwnHostname("candor.example.test")
                .setMaxPoolSize(7).setKeepAliveTimeout(120);
        MailClient quarkus = MailClient.create(vertx, configured);

        SmtpClient ours = SmtpClient.from(vertx, quarkus, Duration.ofSeconds(20), 2);

        List<MailConfig> lanes = ours.configurations();
        assertThat(lanes).hasSize(2);
        for (MailConfig used : lanes) {
            assertThat(used).isNotSameAs(SmtpClient.configurationOf(quarkus));
            assertThat(used.getHostname()).isEqualTo("smtp.example.test");
            assertThat(used.getPort()).isEqualTo(2525);
            assertThat(used.getUsername()).isEqualTo("candor");
            assertThat(used.getPassword()).isEqualTo("secret");
            assertThat(used.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
            assertThat(used.getOwnHostname()).isEqualTo("candor.example.test");
            assertThat(used.getKeepAliveTimeout()).isEqualTo(120);
            assertThat(TimeUnit.MILLISECONDS.convert(used.getIdleTimeout(), used.getIdleTimeoutUnit())).isEqualTo(20_000);
            assertThat(used.getConnectTimeout()).isEqualTo(20_000);
        }
        assertThat(lanes).extracting(MailConfig::getMaxPoolSize).as("the configured pool shared out, no connection more").containsExactly(4, 3);
        assertThat(ours.eventLoops()).as("each lane on an event loop of its own").doesNotHaveDuplicates();
        assertThat(configured.getIdleTimeout()).as("Quarkus's own client unchanged").isZero();
        assertThat(configured.getMaxPoolSize()).isEqualTo(7);
        ours.close();
        quarkus.getDelegate().close();
    }

    @Test
    void neverMoreLanesThanPlacesInThePool() {
        MailClient quarkus = MailClient.create(vertx, new MailConfig().setHostname("smtp.example.test").setMaxPoolSize(1));
        try (SmtpClient ours = SmtpClient.from(vertx, quarkus, Duration.ofSeconds(20), 2)) {
            assertThat(ours.configurations()).extracting(MailConfig::getMaxPoolSize).containsExactly(1);
        } finally {
            quarkus.getDelegate().close();
        }
    }

    /**
     * A relay that hangs up after each letter, the next letter handed over the instant it does: the request for a
     * connection meets the pool's endpoint as its last connection closes. Started from this thread, as the dispatcher's
     * are, one send in a hundred to a thousand was lost inside the mail client 4.5 (see {@link SmtpClient}): no traffic and
     * no result. Every one must complete; the bound only tells a lost send from a slow one.
     */
    @Test
    void aSendStartedAsThePoolsLastConnectionClosesIsNeverLost() throws Exception {
        try (FakeSmtpServer relay = FakeSmtpServer.start(0, FakeSmtpServer.Mode.HANG_UP_AFTER_EACH_MAIL)) {
            MailClient quarkus = MailClient.create(vertx, new MailConfig().setHostname("127.0.0.1").setPort(relay.port())
                    .setStarttls(StartTLSOptions.DISABLED).setMaxPoolSize(2));
            // One lane: each letter goes where the one before it is being hung up on (with two, the lanes would take turns).
            try (SmtpClient client = SmtpClient.from(vertx, quarkus, Duration.ofSeconds(20), 1)) {
                for (int i = 1; i <= 3_000; i++) {
                    MailMessage letter = new MailMessage().setFrom("candor@example.test").setTo(List.of("candidate@example.test"))
                            .setSubject("Letter " + i).setText("Dear candidate");
                    int n = i;
                    assertThatCode(() -> client.send(letter).await().atMost(Duration.ofSeconds(5)))
                            .as(() -> "letter " + n + " handed over as the relay hung up on the one before").doesNotThrowAnyException();
                    assertThat(relay.awaitHangUp(Duration.ofSeconds(5))).as(() -> "the relay hung up after letter " + n).isTrue();
                }
            } finally {
                quarkus.getDelegate().close();
            }
        }
    }
}
