package app.candor.message;

import app.candor.application.ApplicationView;
import app.candor.candidate.Candidate;
import app.candor.system.BusinessCalendar;
import app.candor.system.InputValidator;
import app.candor.system.TemplateExtensions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The page that shows a letter exactly as the candidate will get it, before anything is recorded or sent,
 * with the form that sends it. Every feature that writes to a candidate by hand (outcomes, delays, interview
 * confirmations, stage updates) shows its letter here.
 */
@ApplicationScoped
public class PreviewPage {

    /** Shown instead of sending when the personal note differs from the one last previewed. */
    public static final String NOTE_CHANGED = "Not sent yet: the personal note changed after the last preview. "
            + "Check the message below with the new note, then send it.";

    @Inject
    BusinessCalendar calendar;

    /** One line of the facts above a preview. */
    public record Fact(String label, String value) {
    }

    /** A value the preview page carries from the first form to the send button. */
    public record Hidden(String name, String value) {
    }

    /**
     * A message about to be written, as the candidate will get it, with the form that sends it: the
     * personal note can be changed and previewed again. A message without a personal note (an
     * interview confirmation) has a null {@code note} and {@code previewAction}.
     */
    public record MessagePreview(String heading, List<Fact> facts, Preview preview, String note, List<Hidden> hidden,
                                 String previewAction, String sendAction, String sendLabel, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preview(ApplicationView application, MessagePreview page, String undeliverable);
    }

    public TemplateInstance render(ApplicationView view, MessagePreview page) {
        return Templates.preview(view, page, undeliverable(view.candidate().id()));
    }

    /** The "Goes out" line of a preview: at once, at a time, or as a call task. */
    public String goesOut(boolean phone, OffsetDateTime sendAt) {
        if (phone) {
            return "Not by e-mail: the candidate prefers the phone, so you get a call task. "
                    + "When you mark it done, a written confirmation goes by e-mail.";
        }
        if (sendAt != null) {
            return "Scheduled for " + TemplateExtensions.human(sendAt.toInstant()) + " (" + calendar.zone().getId()
                    + "). Until then you can change or cancel it.";
        }
        return "At once, when you press the button below.";
    }

    /** The flash after a message was written: what happens next. */
    public String told(Message m, String what) {
        if (m.state == MessageState.CALL_PENDING) {
            return "Call task created: call " + m.recipient + ", then mark the call done; the written confirmation follows by e-mail.";
        }
        if (m.state == MessageState.SCHEDULED) {
            return what + " to " + m.recipient + " scheduled for " + TemplateExtensions.human(m.dueAt) + " (" + calendar.zone().getId()
                    + "); you can change or cancel it until then.";
        }
        return what + " sent to " + m.recipient + "; its delivery shows in the timeline.";
    }

    /** Whether the note being sent is the one last previewed (no previewed note posted: nothing to compare). */
    public static boolean previewed(String note, String previewedNote) {
        return previewedNote == null || Objects.equals(normalised(note), normalised(previewedNote));
    }

    private static String normalised(String text) {
        String clean = InputValidator.clean(text);
        return clean == null ? null : clean.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** Why mail to the candidate bounces, or null: the preview warns before anything is written. */
    static String undeliverable(long candidateId) {
        return QuarkusTransaction.joiningExisting().call(() -> Candidate.<Candidate>findByIdOptional(candidateId)
                .map(c -> c.emailUndeliverable).orElse(null));
    }
}
