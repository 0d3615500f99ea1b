package app.candor.message;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the outbox's statistics are behind the table (OutboxStatistics); on PostgreSQL itself: OutboxPlansPostgresTest. */
class OutboxStatisticsTest {

    @Test
    void behindOnlyWhenSmallStatisticsMeetATableThatHasGrownPastThemAndPastAHundredPages() {
        assertThat(OutboxStatistics.behind(0, 0)).as("empty, counted empty").isFalse();
        assertThat(OutboxStatistics.behind(0, 99)).as("too small for a plan to matter").isFalse();
        assertThat(OutboxStatistics.behind(0, 100)).as("counted empty, 100 pages now").isTrue();
        assertThat(OutboxStatistics.behind(0, 2_500)).as("never analysed (relpages 0), grown").isTrue();
        assertThat(OutboxStatistics.behind(400, 801)).as("more than doubled").isTrue();
        assertThat(OutboxStatistics.behind(400, 800)).as("doubled, not more").isFalse();
        assertThat(OutboxStatistics.behind(999, 5_000)).as("counted small, grown fivefold").isTrue();
        assertThat(OutboxStatistics.behind(1_000, 50_000)).as("counted large: plans from it use the indexes").isFalse();
    }
}
