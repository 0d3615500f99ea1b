package app.candor.message;

import app.candor.system.MailMode;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.mail.MailMessage;
import io.vertx.mutiny.ext.mail.MailClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Hands one letter to the mail server. Over SMTP it goes through the Vert.x mail client itself, not the Quarkus
 * {@link ReactiveMailer}: Quarkus's {@link Mail} never has a null Cc list (its setter replaces null by an empty list),
 * copies it onto the Vert.x message, and the Vert.x encoder writes a {@code Cc:} header whenever that list is not
 * null, so every letter carried an empty {@code Cc:} (RFC 5322 wants at least one address there; spam filters score
 * it). A Vert.x message left without a Cc list carries none. The mock mailer (embedded demo, most tests) keeps the
 * Quarkus path: its mailbox is what the demo inbox shows.
 */
@ApplicationScoped
public class MailSender {

    @Inject
    MailMode mode;

    @Inject
    ReactiveMailer mailer;

    @Inject
    Instance<MailClient> client;

    /** The envelope sender (where bounces go), as the Quarkus mailer applied it; unset: the From address. */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.mailer.bounce-address")
    java.util.Optional<String> bounceAddress;

    /** Completes once the server has taken the letter; every value already on one line (see {@link MailHeaders}). */
    public Uni<Void> send(String from, String to, String subject, String html, String text, String messageId) {
        if (mode.isMock()) {
            return mailer.send(new Mail().setFrom(from).setTo(List.of(to)).setSubject(subject).setHtml(html).setText(text)
                    .addHeader("Message-ID", messageId));
        }
        MailMessage message = new MailMessage().setFrom(from).setTo(List.of(to)).setSubject(subject).setHtml(html).setText(text);
        message.addHeader("Message-ID", messageId);
        bounceAddress.filter(a -> !a.isBlank()).ifPresent(message::setBounceAddress);
        return client.get().sendMail(message).replaceWithVoid();
    }
}
