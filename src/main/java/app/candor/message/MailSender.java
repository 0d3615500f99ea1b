package app.candor.message;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Hands one letter to the mail server through the Quarkus mailer (the mock in the embedded demo and most tests, whose
 * mailbox the demo inbox shows). Letters still carry an empty {@code Cc:} header: see {@link #send}.
 */
@ApplicationScoped
public class MailSender {

    @Inject
    ReactiveMailer mailer;

    /**
     * Completes once the server has taken the letter; every value already on one line (see {@link MailHeaders}).
     * {@code replyTo} and {@code calendar} (an iCalendar document, sent as its own part) may be null.
     */
    public Uni<Void> send(String from, String to, String subject, String html, String text, String messageId, String replyTo,
                          String calendar) {
        // Through the Quarkus mailer in both modes. Sending through the Vert.x client directly dropped the empty Cc: header
        // (Quarkus's Mail always carries a Cc list, and Vert.x writes the header for any list), but that client's
        // connections were closed at shutdown while the dispatcher was still finishing its window: a SIGTERM mid-send
        // recorded delivered letters as failed and another replica sent them again (KillMidBulkPostgresIT).
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
