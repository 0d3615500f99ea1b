package app.candor.link;

import app.candor.application.Application;

import java.time.Instant;
import java.util.List;

/**
 * The letters and calls that reached a candidate about an application, for their status page. The outbox belongs to
 * message, which comes after link: message provides this, link only asks.
 */
public interface LettersToCandidate {

    /** Oldest first: each one sent, or each call made. */
    List<Delivered> delivered(Application application);

    /** A letter as sent ({@code call}: a phone call made instead, with the letter it was based on). */
    record Delivered(boolean call, Instant at, String subject, String bodyText) {
    }
}
