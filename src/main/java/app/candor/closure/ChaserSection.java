package app.candor.closure;

import app.candor.candidate.Channel;
import app.candor.system.Form;

import java.time.Instant;
import java.util.List;

/**
 * The "Candidate chased" section of the application page: the chasers, and for recruiters the form
 * that logs one (with what was typed and the errors of a refused one) while the application is open.
 *
 * @param open     whether the application still waits for its answer (closed ones take no chaser)
 * @param chasedAt when the oldest waiting chaser came in
 * @param waiting  how many are waiting for a reply
 */
public record ChaserSection(List<ChaserView> chasers, boolean open, Instant chasedAt, long waiting, Form form,
                            List<Channel> channels) {
}
