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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(DayOfWeek.FRIDAY, FRIDAY.getDayOfWeek());
        assertEquals(DayOfWeek.FRIDAY, GOOD_FRIDAY.getDayOfWeek());
        assertEquals(DayOfWeek.MONDAY, EASTER_MONDAY.getDayOfWeek());
    }

    @Test
    void twentyFourWorkingHoursAfterFridayAfternoonIsMondayAfternoon() {
        assertEquals(Instant.parse("2027-03-08T16:00:00Z"), calendar.addWorkingHours(Instant.parse("2027-03-05T16:00:00Z"), 24));
        assertEquals(Instant.parse("2027-03-05T20:00:00Z"), calendar.addWorkingHours(Instant.parse("2027-03-05T16:00:00Z"), 4));
    }

    @Test
    void workingHoursStartingOnAWeekendCountFromMondayAndSkipHolidays() {
        assertEquals(Instant.parse("2027-03-09T00:00:00Z"), calendar.addWorkingHours(Instant.parse("2027-03-06T11:00:00Z"), 24));
        // Thursday 12:00 before Easter: the rest of Thursday, then Tuesday after Easter Monday.
        assertEquals(Instant.parse("2027-03-30T12:00:00Z"), withEaster.addWorkingHours(Instant.parse("2027-03-25T12:00:00Z"), 24));
    }

    @Test
    void fridayPlusOneBusinessDayIsMonday() {
        assertEquals(LocalDate.of(2027, 3, 8), calendar.addBusinessDays(FRIDAY, 1));
    }

    @Test
    void fridayPlusFiveBusinessDaysIsNextFriday() {
        assertEquals(LocalDate.of(2027, 3, 12), calendar.addBusinessDays(FRIDAY, 5));
    }

    @Test
    void fridayPlusSevenBusinessDaysIsTuesdayAfterNext() {
        assertEquals(LocalDate.of(2027, 3, 16), calendar.addBusinessDays(FRIDAY, 7));
    }

    @Test
    void zeroBusinessDaysIsTheSameDay() {
        assertEquals(FRIDAY, calendar.addBusinessDays(FRIDAY, 0));
        assertEquals(SATURDAY, calendar.addBusinessDays(SATURDAY, 0));
    }

    @Test
    void aWeekendStartCountsFromMonday() {
        assertEquals(LocalDate.of(2027, 3, 8), calendar.addBusinessDays(SATURDAY, 1));
        assertEquals(LocalDate.of(2027, 3, 8), calendar.addBusinessDays(SATURDAY.plusDays(1), 1));
    }

    @Test
    void holidaysAreSkipped() {
        LocalDate thursday = GOOD_FRIDAY.minusDays(1);
        // Thu + 1: Good Friday, weekend and Easter Monday are skipped -> Tuesday.
        assertEquals(LocalDate.of(2027, 3, 30), withEaster.addBusinessDays(thursday, 1));
        // Without the holidays the same sum lands on Good Friday itself.
        assertEquals(GOOD_FRIDAY, calendar.addBusinessDays(thursday, 1));
        // Thu + 3: Tue, Wed, Thu.
        assertEquals(LocalDate.of(2027, 4, 1), withEaster.addBusinessDays(thursday, 3));
    }

    @Test
    void weekendsAndHolidaysAreNotBusinessDays() {
        assertTrue(calendar.isBusinessDay(FRIDAY));
        assertFalse(calendar.isBusinessDay(SATURDAY));
        assertFalse(calendar.isBusinessDay(SATURDAY.plusDays(1)));
        assertFalse(withEaster.isBusinessDay(GOOD_FRIDAY));
        assertTrue(calendar.isBusinessDay(GOOD_FRIDAY));
    }

    @Test
    void negativeDaysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addBusinessDays(FRIDAY, -1));
    }

    @Test
    void todayIsReckonedInTheConfiguredZone() {
        // 23:30 UTC on Friday is already Saturday in Berlin.
        Clock lateFriday = Clock.fixed(Instant.parse("2027-03-05T23:30:00Z"), ZoneOffset.UTC);
        assertEquals(FRIDAY, new BusinessCalendar(lateFriday, ZoneOffset.UTC, Set.of()).today());
        assertEquals(SATURDAY, new BusinessCalendar(lateFriday, ZoneId.of("Europe/Berlin"), Set.of()).today());
    }

    @Test
    void daysSinceCountsCalendarDaysAndIsNeverNegative() {
        assertEquals(3, calendar.daysSince(Instant.parse("2027-03-02T18:00:00Z")));
        assertEquals(0, calendar.daysSince(Instant.parse("2027-03-05T01:00:00Z")));
        assertEquals(0, calendar.daysSince(Instant.parse("2027-03-09T01:00:00Z")));
    }

    /** A Sunday-to-Thursday week: Friday and Saturday are the weekend. */
    private final BusinessCalendar sundayToThursday = new BusinessCalendar(
            Clock.fixed(Instant.parse("2027-03-05T10:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC, Set.of(),
            EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));

    @Test
    void inASundayToThursdayWeekFridayAndSaturdayAreTheWeekend() {
        LocalDate thursday = FRIDAY.minusDays(1);
        LocalDate sunday = SATURDAY.plusDays(1);
        assertTrue(sundayToThursday.isBusinessDay(thursday));
        assertFalse(sundayToThursday.isBusinessDay(FRIDAY));
        assertFalse(sundayToThursday.isBusinessDay(SATURDAY));
        assertTrue(sundayToThursday.isBusinessDay(sunday));
        // Thursday + 1 is Sunday, and "due soon" on a Thursday reaches to Sunday.
        assertEquals(sunday, sundayToThursday.addBusinessDays(thursday, 1));
        assertEquals(sunday, sundayToThursday.dueSoonUntil(thursday));
        // A promise for Thursday is one business day over on Sunday.
        assertEquals(1, sundayToThursday.businessDaysAfter(thursday, sunday));
        // 24 working hours from Thursday 16:00: Thursday's last 8, then 16 on Sunday.
        assertEquals(Instant.parse("2027-03-07T16:00:00Z"), sundayToThursday.addWorkingHours(Instant.parse("2027-03-04T16:00:00Z"), 24));
    }

    @Test
    void theWorkWeekIsTheSameWhateverOrderOrRepetitionItIsGivenIn() {
        BusinessCalendar shuffled = new BusinessCalendar(Clock.systemUTC(), ZoneOffset.UTC, Set.of(),
                List.of(DayOfWeek.THURSDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SUNDAY));
        for (int i = 0; i < 7; i++) {
            LocalDate day = FRIDAY.plusDays(i);
            assertEquals(sundayToThursday.isBusinessDay(day), shuffled.isBusinessDay(day), day.getDayOfWeek().toString());
        }
    }

    @Test
    void aWorkWeekWithoutAnyDayIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BusinessCalendar(Clock.systemUTC(), ZoneOffset.UTC, Set.of(), List.of()));
        assertTrue(e.getMessage().contains("candor.work-week"), e.getMessage());
    }
}
