package app.candor.message;

import app.candor.candidate.Channel;

/** A message before it exists: what the candidate would get, and how it would go. */
public record Preview(MessageKind kind, Channel channel, String recipient, String language, String subject,
                      String bodyHtml, String bodyText, String callScript, int recipients) {

    public static Preview of(Composed c, int recipients) {
        return new Preview(c.kind(), c.channel(), c.recipient(), c.language(), c.subject(), c.html(), c.text(), c.callScript(), recipients);
    }
}
