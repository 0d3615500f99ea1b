package app.candor.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When a table's statistics are behind it (TableStatistics); on PostgreSQL itself: OutboxPlansPostgresTest. */
class TableStatisticsTest {

    @Test
    void behindOnlyWhenMoreRowsChangedSinceTheStatisticsThanTheyCountedAndAFewHundredAtLeast() {
        assertThat(TableStatistics.behind(0, 0)).as("empty, counted empty").isFalse();
        assertThat(TableStatistics.behind(0, 499)).as("too few changed for a plan to matter").isFalse();
        assertThat(TableStatistics.behind(0, 500)).as("counted empty, 500 letters since").isTrue();
        assertThat(TableStatistics.behind(-1, 10_000)).as("never analysed (reltuples -1), a bulk notice since").isTrue();
        assertThat(TableStatistics.behind(0, 10_000)).as("analysed while the bulk notice's insert was uncommitted").isTrue();
        assertThat(TableStatistics.behind(10_000, 10_000)).as("as many changed as counted: sent, not grown").isFalse();
        assertThat(TableStatistics.behind(10_000, 20_001)).as("a second bulk notice and the first one's sends").isTrue();
        assertThat(TableStatistics.behind(1_000_000, 200_000)).as("counted large: autovacuum's business").isFalse();
    }
}
