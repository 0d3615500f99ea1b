package app.candor.message;

import app.candor.candidate.Channel;

import java.time.Instant;

/** A message as the API and the history show it, bodies included: exactly what was (or will be) sent. */
public record MessageView(
        Long id,
        Long applicationId,
        Long candidateId,
        String candidateName,
        Long requisitionId,
        String requisitionTitle,
        MessageKind kind,
        Channel channel,
        MessageState state,
        String recipient,
        String language,
        String subject,
        String bodyHtml,
        String bodyText,
        String callScript,
        String personalNote,
        String sentBy,
        Instant createdAt,
        Instant scheduledFor,
        Instant sentAt,
        int attempts,
        String lastError,
        String messageId,
        Instant callDoneAt,
        String callDoneBy,
        String callNote,
        /** Where the candidate's reply goes (issue 21). */
        String replyTo,
        /** An interview letter's iCalendar part, exactly as sent; null otherwise. */
        String calendar) {

    public static MessageView of(Message m) {
        // A team message about no application (the daily digest) names no application, candidate or requisition.
        return new MessageView(m.id, m.application == null ? null : m.application.id, m.candidate == null ? null : m.candidate.id,
                m.candidate == null ? null : m.candidate.firstName + " " + m.candidate.lastName,
                m.requisition == null ? null : m.requisition.id, m.requisition == null ? null : m.requisition.title,
                m.kind, m.channel, m.state, m.recipient, m.language, m.subject,
                m.bodyHtml, m.bodyText, m.callScript, m.personalNote, m.senderUsername, m.createdAt,
                m.state == MessageState.SCHEDULED ? m.dueAt : null, m.sentAt, m.attempts, m.lastError, m.messageIdHeader,
                m.callDoneAt, m.callDoneBy, m.callNote, m.replyTo, m.calendar);
    }
}
