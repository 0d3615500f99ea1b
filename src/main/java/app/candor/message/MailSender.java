package app.candor.message;

import app.candor.system.MailMode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Hands one letter to the mail server. Over SMTP it goes through the Vert.x mail client itself, not the Quarkus
 * {@link ReactiveMailer}: Quarkus's {@link Mail} never has a null Cc list (its setter replaces null by an empty list),
 * copies it onto the Vert.x message, and the Vert.x encoder writes a {@code Cc:} header whenever that list is not
 * null, so every letter carried an empty {@code Cc:} (RFC 5322 wants at least one address there; spam filters score
 * it). A Vert.x message left without a Cc list carries none. The mock mailer (embedded demo, most tests) keeps the
 * Quarkus path: its mailbox is what the demo inbox shows.
 * <p>
 * Created at start-up, on the main thread before the HTTP server listens, and with it the Quarkus mailer and its mail
 * clients (injected below; they are created together). Vert.x ties a client's connections to the context it is created
 * on: created on first use, when a request composed the first letter, they belonged to the HTTP server's deployment, and
 * a graceful shutdown closed them as it undeployed the server, under the window the dispatcher was still sending; those
 * letters were retried, and another replica sent them again (KillMidBulkPostgresIT, SIGTERM). Created here, they belong
 * to Vert.x itself and close with it, after the dispatcher has stopped. Sends go through a copy of the client Quarkus
 * configured, made here for the same reason, whose connections close when they hear nothing for a send timeout and
 * whose sends each start on the event loop of the lane that takes them (two where there are two CPUs: {@link SmtpClient});
 * it is closed when this bean is destroyed, after the dispatcher has stopped.
 */
@Startup
@ApplicationScoped
public class MailSender {

    @Inject
    MailMode mode;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Instance<MailClient> configuredClient;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    @ConfigProperty(name = "quarkus.mailer.timeout", defaultValue = "PT60S")
    Duration sendTimeout;

    /** Null in mock mode. */
    private SmtpClient client;

    /** The envelope sender (where bounces go), as the Quarkus mailer applied it; unset: the From address. */
    @ConfigProperty(name = "quarkus.mailer.bounce-address")
    Optional<String> bounceAddress;

    @PostConstruct
    void createClient() {
        if (!mode.isMock()) {
            client = SmtpClient.from(vertx, configuredClient.get(), sendTimeout);
        }
    }

    @PreDestroy
    void closeClient() {
        if (client != null) {
            client.close();
        }
    }

    /**
     * Completes once the server has taken the letter; every value already on one line (see {@link MailHeaders}).
     * {@code replyTo} and {@code calendar} (an iCalendar document, sent as its own part) may be null.
     */
    public Uni<Void> send(String from, String to, String subject, String html, String text, String messageId, String replyTo,
                          String calendar) {
        if (mode.isMock()) {
            Mail mail = new Mail().setFrom(from).setTo(List.of(to)).setSubject(subject).setHtml(html).setText(text)
                    .addHeader("Message-ID", messageId);
            if (replyTo != null) {
                mail.setReplyTo(replyTo);
            }
            if (calendar != null) {
                mail.addAttachment(calendarName(calendar), calendar.getBytes(StandardCharsets.UTF_8), calendarType(calendar));
            }
            return mailer.send(mail);
        }
        MailMessage message = new MailMessage().setFrom(from).setTo(List.of(to)).setSubject(subject).setHtml(html).setText(text);
        message.addHeader("Message-ID", messageId);
        if (replyTo != null) {
            message.addHeader("Reply-To", replyTo);
        }
        if (calendar != null) {
            message.setAttachment(List.of(MailAttachment.create().setName(calendarName(calendar))
                    .setData(Buffer.buffer(calendar.getBytes(StandardCharsets.UTF_8))).setContentType(calendarType(calendar))));
        }
        bounceAddress.filter(a -> !a.isBlank()).ifPresent(message::setBounceAddress);
        return client.send(message).replaceWithVoid();
    }

    /** The calendar part as stored when the letter was queued; its METHOD decides the content type's. */
    private static boolean cancels(String calendar) {
        return calendar.contains("\nMETHOD:CANCEL");
    }

    private static String calendarName(String calendar) {
        return cancels(calendar) ? "cancel.ics" : "invite.ics";
    }

    private static String calendarType(String calendar) {
        return "text/calendar; charset=UTF-8; method=" + (cancels(calendar) ? "CANCEL" : "REQUEST");
    }
}
