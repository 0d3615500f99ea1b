package app.candor.applicationpage;

import java.time.Instant;

/**
 * One event in an application's timeline.
 *
 * @param type   what it is, for its mark and filter: message, stage, note, interview, chaser, candidate
 * @param anchor the element id, so that a link (or a test) can point at it
 * @param state  a short state label ("Sent", "Waiting for a reply"), or null
 * @param tone   how the state reads: ok, waiting, problem, or null
 * @param link   where the entry leads (the message page), or null
 */
public record TimelineEntry(Instant at, String type, String anchor, String title, String detail, String quote, String by,
                            String state, String tone, String link, String linkText) {
}
