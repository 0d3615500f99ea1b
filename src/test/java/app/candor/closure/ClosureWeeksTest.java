package app.candor.closure;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** The weeks of the closure statistics, without Quarkus: ISO weeks in the company zone, summer time and New Year included. */
@DatabaseNeutral
class ClosureWeeksTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void weeksStartOnMondayMidnightInTheCompanyZoneAcrossTheSwitchToSummerTime() {
        // Summer time starts on Sunday 30 March 2031: the week before starts at 23:00 UTC, the next ones at 22:00 UTC.
        ClosureStats.Window w = ClosureStats.Window.of(LocalDate.parse("2031-04-02"), 2, BERLIN);
        assertThat(w.mondays()).containsExactly(LocalDate.parse("2031-03-24"), LocalDate.parse("2031-03-31"));
        assertThat(w.bounds()).containsExactly(Instant.parse("2031-03-23T23:00:00Z"), Instant.parse("2031-03-30T22:00:00Z"),
                Instant.parse("2031-04-06T22:00:00Z"));
    }

    @Test
    void theLastWeekIsTheOneTodayIsInFromMondayToSunday() {
        ClosureStats.Window monday = ClosureStats.Window.of(LocalDate.parse("2031-06-16"), 1, ZoneOffset.UTC);
        ClosureStats.Window sunday = ClosureStats.Window.of(LocalDate.parse("2031-06-22"), 1, ZoneOffset.UTC);
        assertThat(monday.bounds()).isEqualTo(sunday.bounds())
                .containsExactly(Instant.parse("2031-06-16T00:00:00Z"), Instant.parse("2031-06-23T00:00:00Z"));
        assertThat(ClosureStats.Window.of(LocalDate.parse("2031-06-18"), 52, ZoneOffset.UTC).mondays())
                .hasSize(52).startsWith(LocalDate.parse("2030-06-24")).endsWith(LocalDate.parse("2031-06-16"));
    }

    @Test
    void weeksAreNamedByTheIsoWeekBasedYear() {
        assertThat(ClosureStats.isoWeek(LocalDate.parse("2026-12-28"))).isEqualTo("2026-W53");
        assertThat(ClosureStats.isoWeek(LocalDate.parse("2029-12-31"))).isEqualTo("2030-W01");
        assertThat(ClosureStats.isoWeek(LocalDate.parse("2031-06-16"))).isEqualTo("2031-W25");
    }

    @Test
    void theWeekOfAClosureIsFoundByComparingWithTheStartsOfTheLaterWeeks() {
        assertThat(ClosureStats.Window.of(LocalDate.parse("2031-06-18"), 1, ZoneOffset.UTC).weekIndexSql()).isEqualTo("0");
        assertThat(ClosureStats.Window.of(LocalDate.parse("2031-06-18"), 3, ZoneOffset.UTC).weekIndexSql())
                .isEqualTo("case when a.closed_at < :b1 then 0 when a.closed_at < :b2 then 1 else 2 end");
    }
}
