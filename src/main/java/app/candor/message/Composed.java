package app.candor.message;

import app.candor.candidate.Channel;

/**
 * A message as the candidate will get it: what the preview shows and what the outbox stores. {@code calendar}: an
 * interview letter's iCalendar part (null for other letters and for calls); {@code templateVersionId}: the team's template
 * version it was composed from (null: the built-in letter).
 */
public record Composed(MessageKind kind, Channel channel, String recipient, String language, String subject,
                       String html, String text, String callScript, String calendar, Long templateVersionId) {

    public Composed(MessageKind kind, Channel channel, String recipient, String language, String subject,
                    String html, String text, String callScript) {
        this(kind, channel, recipient, language, subject, html, text, callScript, null, null);
    }

    /** The same letter with its calendar part; a call has none (the candidate gets the written confirmation's). */
    public Composed withCalendar(String ics) {
        return new Composed(kind, channel, recipient, language, subject, html, text, callScript, channel == Channel.EMAIL ? ics : null,
                templateVersionId);
    }
}
