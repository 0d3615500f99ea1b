package app.candor.closure;

import app.candor.application.ClosureState;
import app.candor.application.ClosureWatch;
import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The closure watch's rules on one application, without the app: promises, pauses, and the closed-late rule. */
@DatabaseNeutral
class ClosureWatchRulesTest {

    static final LocalDate MONDAY = LocalDate.of(2033, 3, 7);
    static final Instant AT = Instant.parse("2033-03-07T10:00:00Z");

    @Test
    void toldOnOrBeforeThePromiseIsOnTimeAndAfterItIsLate() {
        assertThat(told(watching(MONDAY), MONDAY)).isFalse();
        assertThat(told(watching(MONDAY), MONDAY.minusDays(3))).isFalse();
        assertThat(told(watching(MONDAY), MONDAY.plusDays(1))).isTrue();
    }

    @Test
    void aPromiseMovedBeforeItLapsesIsKeptButOneMovedAfterwardsStaysLate() {
        ClosureWatch renegotiated = watching(MONDAY);
        renegotiated.promise(MONDAY.plusDays(7), MONDAY);
        assertThat(renegotiated.promiseLapsed()).isFalse();
        assertThat(told(renegotiated, MONDAY.plusDays(7))).isFalse();

        ClosureWatch lapsed = watching(MONDAY);
        lapsed.promise(MONDAY.plusDays(7), MONDAY.plusDays(1));
        assertThat(lapsed.promiseLapsed()).isTrue();
        assertThat(told(lapsed, MONDAY.plusDays(2))).as("late whatever date followed").isTrue();
    }

    @Test
    void aPauseIsNotALapseButAPromiseThatPassedBeforeThePauseIs() {
        ClosureWatch paused = watching(MONDAY);
        paused.suspend(MONDAY);
        assertThat(paused.state()).isEqualTo(ClosureState.SUSPENDED);
        assertThat(told(paused, MONDAY.plusDays(30))).as("told while paused, long after the date").isFalse();

        ClosureWatch pausedLate = watching(MONDAY);
        pausedLate.suspend(MONDAY.plusDays(1));
        assertThat(pausedLate.promiseLapsed()).isTrue();
    }

    @Test
    void endingWhilePausedOwesTheAnswerByTheNewDateWhenTheOldOnePassedDuringThePause() {
        ClosureWatch watch = watching(MONDAY);
        watch.suspend(MONDAY.minusDays(1));
        watch.resumeOwing(MONDAY.plusDays(10), MONDAY.plusDays(12));
        assertThat(watch.state()).isEqualTo(ClosureState.OPEN);
        assertThat(watch.due()).isEqualTo(MONDAY.plusDays(12));
        assertThat(watch.promiseLapsed()).isFalse();
    }

    @Test
    void aClosedWatchClosesOnceAndKeepsItsPromise() {
        ClosureWatch watch = watching(MONDAY);
        assertThat(watch.told(AT, MONDAY)).isTrue();
        assertThat(watch.told(AT, MONDAY.plusDays(9))).as("second told").isFalse();
        watch.promise(MONDAY.plusDays(20), MONDAY);
        assertThat(watch.due()).isEqualTo(MONDAY);
        assertThat(watch.closedLate()).isFalse();
    }

    @Test
    void aClosingLetterThatBouncedOpensTheWatchAgainButNothingElseDoes() {
        ClosureWatch byLetter = watching(MONDAY);
        byLetter.told(AT, MONDAY);
        assertThat(byLetter.notToldAfterAll(AT.plusSeconds(1))).as("another letter's instant").isFalse();
        assertThat(byLetter.notToldAfterAll(AT)).isTrue();
        assertThat(byLetter.state()).isEqualTo(ClosureState.OPEN);
        assertThat(byLetter.closedLate()).isNull();
        assertThat(told(byLetter, MONDAY.plusDays(1))).as("told later, after the promise").isTrue();

        ClosureWatch byPhone = watching(MONDAY);
        byPhone.toldAnotherWay(AT, MONDAY, ClosureWatch.ToldHow.PHONE, "rita", "called");
        assertThat(byPhone.notToldAfterAll(AT)).as("told by phone, whatever a letter did").isFalse();
        assertThat(byPhone.isClosed()).isTrue();
    }

    @Test
    void theSetBasedRuleIsTheSameRule() {
        assertThat(ClosureWatch.late(ClosureState.OPEN, MONDAY, false, MONDAY.plusDays(1))).isTrue();
        assertThat(ClosureWatch.late(ClosureState.SUSPENDED, MONDAY, false, MONDAY.plusDays(1))).isFalse();
        assertThat(ClosureWatch.late(ClosureState.SUSPENDED, MONDAY, true, MONDAY)).isTrue();
        assertThat(ClosureWatch.late(ClosureState.OPEN, null, false, MONDAY)).isFalse();
    }

    private static ClosureWatch watching(LocalDate promise) {
        ClosureWatch watch = new ClosureWatch();
        watch.open(promise);
        return watch;
    }

    /** Tells the candidate on {@code day}; returns whether that was late. */
    private static boolean told(ClosureWatch watch, LocalDate day) {
        assertThat(watch.told(AT, day)).isTrue();
        return watch.closedLate();
    }
}
