package app.candor.application;

import java.time.Instant;
import java.util.Optional;

/**
 * What a candidate asked for through their links, as an application's view shows it. Withdrawal and feedback come
 * after application: each provides its part ({@link Withdrawn}, {@link FeedbackAsked}), application only asks.
 */
public final class CandidateRequests {

    private CandidateRequests() {
    }

    /** Provided by withdrawal. */
    public interface Withdrawn {
        Optional<ApplicationView.WithdrawalRef> of(Application application);
    }

    /** Provided by feedback. */
    public interface FeedbackAsked {
        Optional<Asked> of(Application application);
    }

    /** When they asked for feedback, and the message that answered (null while they wait). */
    public record Asked(Instant at, Long answerMessageId) {
    }
}
