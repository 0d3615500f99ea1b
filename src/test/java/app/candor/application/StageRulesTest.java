package app.candor.application;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link Stage#check}, the one rule for which moves are allowed, without the app. */
@DatabaseNeutral
class StageRulesTest {

    @Test
    void forwardIsAnAdvanceEvenWhenItSkipsAStage() {
        assertThat(Stage.APPLIED.check(Stage.SCREENING).move()).contains(Stage.Move.ADVANCE);
        assertThat(Stage.APPLIED.check(Stage.INTERVIEW).move()).contains(Stage.Move.ADVANCE);
    }

    @Test
    void backwardIsACorrection() {
        assertThat(Stage.FINAL_INTERVIEW.check(Stage.SCREENING).move()).contains(Stage.Move.CORRECTION);
    }

    @Test
    void everyOpenStageMayCloseButOnlyAnOfferBecomesAHire() {
        for (Stage open : Stage.pipeline()) {
            assertThat(open.check(Stage.REJECTED).move()).as(open + " -> REJECTED").contains(Stage.Move.CLOSE);
            assertThat(open.check(Stage.WITHDRAWN).move()).as(open + " -> WITHDRAWN").contains(Stage.Move.CLOSE);
            assertThat(open.check(Stage.HIRED).move().isPresent()).as(open + " -> HIRED").isEqualTo(open == Stage.OFFER);
        }
        assertThat(Stage.SCREENING.check(Stage.HIRED).whyNot()).contains("Only an application at Offer can move to Hired; it is at Screening");
    }

    @Test
    void terminalStagesAreFinalAndStayingPutIsNoMove() {
        for (Stage closed : Stage.terminal()) {
            for (Stage to : Stage.values()) {
                assertThat(closed.check(to).move()).as(closed + " -> " + to).isEmpty();
            }
            assertThat(closed.allowedTargets()).isEmpty();
        }
        assertThat(Stage.INTERVIEW.check(Stage.INTERVIEW).whyNot()).contains("already in stage Interview");
    }

    @Test
    void theMoveFormOffersExactlyTheAllowedTargets() {
        assertThat(Stage.SCREENING.allowedTargets()).containsExactly(Stage.APPLIED, Stage.INTERVIEW, Stage.FINAL_INTERVIEW,
                Stage.OFFER, Stage.REJECTED, Stage.WITHDRAWN, Stage.ROLE_CLOSED);
        assertThat(Stage.OFFER.allowedTargets()).contains(Stage.HIRED);
    }
}
