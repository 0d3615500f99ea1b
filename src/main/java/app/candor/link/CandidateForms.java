package app.candor.link;

import app.candor.system.Flash;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

import java.util.Locale;

/**
 * What the candidate's pages under /c/ (withdraw, debrief, feedback) share around their forms. Each page asks its
 * own service for the page first ({@code page(token, address)}), which refuses a bad or used-up link before any
 * field is read; then the answer is checked here, and the page answers with a redirect back to itself and a
 * message in the candidate's language (PRG), or shows the form again, in that language, with what was entered.
 */
public final class CandidateForms {

    /** The longest note a candidate may write (the forms' textarea says the same). */
    public static final int MAX_NOTE = 1000;

    /** An answer the candidate can pick, worded in their language. */
    public record Choice(String value, String label) {
    }

    private CandidateForms() {
    }

    /** The note as kept: trimmed, empty when none was sent. */
    public static String note(String sent) {
        return sent == null ? "" : sent.strip();
    }

    public static boolean tooLong(String note) {
        return note.length() > MAX_NOTE;
    }

    /** A field as it was sent, to show again: empty when none. */
    public static String asSent(String sent) {
        return sent == null ? "" : sent;
    }

    /** Back to the page the candidate's link opened, with a message for them (PRG). */
    public static Response backTo(String page, String token, String message) {
        return Flash.redirect(page + "?t=" + token, message);
    }

    /** The page in the candidate's language (dates and the {@code cand:} messages follow it). */
    public static TemplateInstance inLanguage(TemplateInstance page, String language) {
        return page.setLocale(Locale.forLanguageTag(language));
    }
}
