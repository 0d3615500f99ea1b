package app.candor.message;

import app.candor.candidate.Channel;

/** A message as the candidate will get it: what the preview shows and what the outbox stores. */
public record Composed(MessageKind kind, Channel channel, String recipient, String language, String subject,
                       String html, String text, String callScript) {
}
