package app.candor.system;

import app.candor.support.DatabaseNeutral;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Business-day arithmetic, without Quarkus: a fixed clock, a zone and a set of holidays. */
@DatabaseNeutral
class BusinessCalendarTest {

    private static final LocalDate FRIDAY = LocalDate.of(2027, 3, 5);
    private static final LocalDate SATURDAY = FRIDAY.plusDays(1);
    private static final LocalDate GOOD_FRIDAY = LocalDate.of(2027, 3, 26);
    private static final LocalDate EASTER_MONDAY = LocalDate.of(2027, 3, 29);

    private final BusinessCalendar calendar = new BusinessCalendar(
            Clock.fixed(Instant.parse("2027-03-05T10:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, Set.of());

    private final BusinessCalendar withEaster = new BusinessCalendar(
            Clock.fixed(Instant.parse("2027-03-05T10:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, Set.of(GOOD_FRIDAY, EASTER_MONDAY));

    @Test
    void theFixturesAreTheWeekdaysTheTestsAssume() {
        assertThat(FRIDAY.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(GOOD_FRIDAY.getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(EASTER_MONDAY.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }

    @Test
    void twentyFourWorkingHoursAfterFridayAfternoonIsMondayAfternoon() {
        assertThat(calendar.addWorkingHours(Instant.parse("2027-03-05T16:00:00Z"), 24))
                .isEqualTo(Instant.parse("2027-03-08T16:00:00Z"));
        assertThat(calendar.addWorkingHours(Instant.parse("2027-03-05T16:00:00Z"), 4))
                .isEqualTo(Instant.parse("2027-03-05T20:00:00Z"));
    }

    @Test
    void workingHoursStartingOnAWeekendCountFromMondayAndSkipHolidays() {
        assertThat(calendar.addWorkingHours(Instant.parse("2027-03-06T11:00:00Z"), 24))
                .isEqualTo(Instant.parse("2027-03-09T00:00:00Z"));
        // Thursday 12:00 before Easter: the rest of Thursday, then Tuesday after Easter Monday.
        assertThat(withEaster.addWorkingHours(Instant.parse("2027-03-25T12:00:00Z"), 24))
                .isEqualTo(Instant.parse("2027-03-30T12:00:00Z"));
    }

    @Test
    void fridayPlusOneBusinessDayIsMonday() {
        assertThat(calendar.addBusinessDays(FRIDAY, 1)).isEqualTo(LocalDate.of(2027, 3, 8));
    }

    @Test
    void fridayPlusFiveBusinessDaysIsNextFriday() {
        assertThat(calendar.addBusinessDays(FRIDAY, 5)).isEqualTo(LocalDate.of(2027, 3, 12));
    }

    @Test
    void fridayPlusSevenBusinessDaysIsTuesdayAfterNext() {
        assertThat(calendar.addBusinessDays(FRIDAY, 7)).isEqualTo(LocalDate.of(2027, 3, 16));
    }

    @Test
    void zeroBusinessDaysIsTheSameDay() {
        assertThat(calendar.addBusinessDays(FRIDAY, 0)).isEqualTo(FRIDAY);
        assertThat(calendar.addBusinessDays(SATURDAY, 0)).isEqualTo(SATURDAY);
    }

    @Test
    void aWeekendStartCountsFromMonday() {
        assertThat(calendar.addBusinessDays(SATURDAY, 1)).isEqualTo(LocalDate.of(2027, 3, 8));
        assertThat(calendar.addBusinessDays(SATURDAY.plusDays(1), 1)).isEqualTo(LocalDate.of(2027, 3, 8));
    }

    @Test
    void holidaysAreSkipped() {
        LocalDate thursday = GOOD_FRIDAY.minusDays(1);
        // Thu + 1: Good Friday, weekend and Easter Monday are skipped -> Tuesday.
        assertThat(withEaster.addBusinessDays(thursday, 1)).isEqualTo(LocalDate.of(2027, 3, 30));
        // Without the holidays the same sum lands on Good Friday itself.
        assertThat(calendar.addBusinessDays(thursday, 1)).isEqualTo(GOOD_FRIDAY);
        // Thu + 3: Tue, Wed, Thu.
        assertThat(withEaster.addBusinessDays(thursday, 3)).isEqualTo(LocalDate.of(2027, 4, 1));
    }

    @Test
    void weekendsAndHolidaysAreNotBusinessDays() {
        assertThat(calendar.isBusinessDay(FRIDAY)).isTrue();
        assertThat(calendar.isBusinessDay(SATURDAY)).isFalse();
        assertThat(calendar.isBusinessDay(SATURDAY.plusDays(1))).isFalse();
        assertThat(withEaster.isBusinessDay(GOOD_FRIDAY)).isFalse();
        assertThat(calendar.isBusinessDay(GOOD_FRIDAY)).isTrue();
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> calendar.addBusinessDays(FRIDAY, -1));
    }

    @Test
    void todayIsReckonedInTheConfiguredZone() {
        // 23:30 UTC on Friday is already Saturday in Berlin.
        Clock lateFriday = Clock.fixed(Instant.parse("2027-03-05T23:30:00Z"), ZoneOffset.UTC);
        assertThat(new BusinessCalendar(lateFriday, ZoneOffset.UTC, Set.of()).today()).isEqualTo(FRIDAY);
        assertThat(new BusinessCalendar(lateFriday, ZoneId.of("Europe/Berlin"), Set.of()).today()).isEqualTo(SATURDAY);
    }

    @Test
    void daysSinceCountsCalendarDaysAndIsNeverNegative() {
        assertThat(calendar.daysSince(Instant.parse("2027-03-02T18:00:00Z"))).isEqualTo(3);
        assertThat(calendar.daysSince(Instant.parse("2027-03-05T01:00:00Z"))).isEqualTo(0);
        assertThat(calendar.daysSince(Instant.parse("2027-03-09T01:00:00Z"))).isEqualTo(0);
    }

    /** A Sunday-to-Thursday week: Friday and Saturday are the weekend. */
    private final BusinessCalendar sundayToThursday = new BusinessCalendar(
            Clock.fixed(Instant.parse("2027-03-05T10:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, Set.of(),
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));

    @Test
    void inASundayToThursdayWeekFridayAndSaturdayAreTheWeekend() {
        LocalDate thursday = FRIDAY.minusDays(1);
        LocalDate sunday = SATURDAY.plusDays(1);
        assertThat(sundayToThursday.isBusinessDay(thursday)).isTrue();
        assertThat(sundayToThursday.isBusinessDay(FRIDAY)).isFalse();
        assertThat(sundayToThursday.isBusinessDay(SATURDAY)).isFalse();
        assertThat(sundayToThursday.isBusinessDay(sunday)).isTrue();
        // Thursday + 1 is Sunday, and "due soon" on a Thursday reaches to Sunday.
        assertThat(sundayToThursday.addBusinessDays(thursday, 1)).isEqualTo(sunday);
        assertThat(sundayToThursday.dueSoonUntil(thursday)).isEqualTo(sunday);
        // A promise for Thursday is one business day over on Sunday.
        assertThat(sundayToThursday.businessDaysAfter(thursday, sunday)).isEqualTo(1);
        // 24 working hours from Thursday 16:00: Thursday's last 8, then 16 on Sunday.
        assertThat(sundayToThursday.addWorkingHours(Instant.parse("2027-03-04T16:00:00Z"), 24))
                .isEqualTo(Instant.parse("2027-03-07T16:00:00Z"));
    }

    @Test
    void theWorkWeekIsTheSameWhateverOrderOrRepetitionItIsGivenIn() {
        BusinessCalendar shuffled = new BusinessCalendar(Clock.systemUTC(), ZoneOffset.UTC, Set.of(),
                List.of(DayOfWeek.THURSDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY));
        for (int i = 0; i < 7; i++) {
            LocalDate day = FRIDAY.plusDays(i);
            assertThat(shuffled.isBusinessDay(day))
                    .as(day.getDayOfWeek().toString()).isEqualTo(sundayToThursday.isBusinessDay(day));
        }
    }

    @Test
    void aWorkWeekWithoutAnyDayIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new BusinessCalendar(Clock.systemUTC(), ZoneOffset.UTC, Set.of(), List.of()))
                .withMessageContaining("candor.work-week");
    }
}
