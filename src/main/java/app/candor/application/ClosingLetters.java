package app.candor.application;

import java.util.Optional;

/**
 * The letters and calls that tell a candidate their final answer, as far as the application's own rules need them:
 * while one is on its way, a plain move must not contradict it and nobody records the candidate as told another way.
 * The outbox belongs to message, which comes after application: message provides this, application only asks.
 */
public interface ClosingLetters {

    /** The oldest closing letter or call that has not reached the candidate yet, if any. */
    Optional<OnItsWay> onItsWay(Application application);

    /** Whether a rejection letter or call was written for the application and not cancelled (on its way, sent or failed). */
    boolean rejectionWritten(Application application);

    /** A closing letter or call on its way: its message id, what it is (its kind's label), its state, whether it is an offer. */
    record OnItsWay(long messageId, String kind, String state, boolean offer) {
    }
}
