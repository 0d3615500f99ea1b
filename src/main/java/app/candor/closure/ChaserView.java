package app.candor.closure;

import app.candor.candidate.Channel;

import java.time.Instant;

/**
 * A chaser as the API and the application page show it. {@code waiting} until it is answered; once
 * the application is closed (the candidate has their answer) nothing is waiting any more.
 */
public record ChaserView(long id, long applicationId, Channel channel, String note, Instant receivedAt, String loggedBy,
                         Instant loggedAt, Instant answeredAt, String answeredBy, boolean waiting) {

    static ChaserView of(Chaser c, boolean applicationClosed) {
        return new ChaserView(c.id, c.application.id, c.channel, c.note, c.receivedAt, c.loggedBy, c.loggedAt, c.answeredAt,
                c.answeredBy, c.answeredAt == null && !applicationClosed);
    }
}
