package app.candor.message;

import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.mail.MailClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The client letters go out through keeps every setting Quarkus made and adds the two bounds. */
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

        MailClient ours = SmtpClient.from(vertx, quarkus, Duration.ofSeconds(20));

        MailConfig used = SmtpClient.configurationOf(ours);
        assertThat(used).isNotSameAs(SmtpClient.configurationOf(quarkus));
        assertThat(used.getHostname()).isEqualTo("smtp.example.test");
        assertThat(used.getPort()).isEqualTo(2525);
        assertThat(used.getUsername()).isEqualTo("candor");
        assertThat(used.getPassword()).isEqualTo("secret");
        assertThat(used.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
        assertThat(used.getOwnHostname()).isEqualTo("candor.example.test");
        assertThat(used.getMaxPoolSize()).isEqualTo(7);
        assertThat(used.getKeepAliveTimeout()).isEqualTo(120);
        assertThat(TimeUnit.MILLISECONDS.convert(used.getIdleTimeout(), used.getIdleTimeoutUnit())).isEqualTo(20_000);
        assertThat(used.getConnectTimeout()).isEqualTo(20_000);
        assertThat(configured.getIdleTimeout()).as("Quarkus's own client unchanged").isZero();
        ours.getDelegate().close();
        quarkus.getDelegate().close();
    }
}
