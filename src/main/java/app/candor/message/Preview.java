package app.candor.message;

import app.candor.candidate.Channel;

import java.util.List;

/**
 * A message before it exists: what the candidate would get, and how it would go. {@code leftOut}: for a
 * letter to many, who is not sent one and why (e.g. told an offer already).
 */
public record Preview(MessageKind kind, Channel channel, String recipient, String language, String subject,
                      String bodyHtml, String bodyText, String callScript, int recipients, List<String> leftOut) {

    public Preview(MessageKind kind, Channel channel, String recipient, String language, String subject,
                   String bodyHtml, String bodyText, String callScript, int recipients) {
        this(kind, channel, recipient, language, subject, bodyHtml, bodyText, callScript, recipients, List.of());
    }

    public static Preview of(Composed c, int recipients) {
        return new Preview(c.kind(), c.channel(), c.recipient(), c.language(), c.subject(), c.html(), c.text(), c.callScript(), recipients);
    }

    public Preview leavingOut(List<String> leftOut) {
        return new Preview(kind, channel, recipient, language, subject, bodyHtml, bodyText, callScript, recipients, List.copyOf(leftOut));
    }
}
