package app.candor.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Business-day arithmetic: the days of {@code candor.work-week} (Monday to Friday unless configured) are
 * working days, except the configured holidays.
 */
@ApplicationScoped
public class BusinessCalendar {

    private final Clock clock;
    private final ZoneId zone;
    private final Set<LocalDate> holidays;
    private final Set<DayOfWeek> workWeek;

    /** Monday to Friday, the default of {@code candor.work-week}. */
    public static final Set<DayOfWeek> MONDAY_TO_FRIDAY = Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    @Inject
    public BusinessCalendar(Clock clock, CandorConfig config) {
        this(clock, config.timeZone(), Set.copyOf(config.holidays().orElse(List.of())), config.workWeek());
    }

    public BusinessCalendar(Clock clock, ZoneId zone, Set<LocalDate> holidays) {
        this(clock, zone, holidays, MONDAY_TO_FRIDAY);
    }

    public BusinessCalendar(Clock clock, ZoneId zone, Set<LocalDate> holidays, Collection<DayOfWeek> workWeek) {
        // Without a single working day, "the next business day" would never come (the loops below would not end).
        if (workWeek.isEmpty()) {
            throw new IllegalArgumentException("candor.work-week names no day: at least one day of the week must be a business day");
        }
        this.clock = clock;
        this.zone = zone;
        this.holidays = holidays;
        this.workWeek = Set.copyOf(EnumSet.copyOf(workWeek));
    }

    public Instant now() {
        return clock.instant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isBusinessDay(LocalDate date) {
        return workWeek.contains(date.getDayOfWeek()) && !holidays.contains(date);
    }

    /** The date {@code days} business days after {@code from}; {@code from} itself never counts. */
    public LocalDate addBusinessDays(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate date = from;
        int added = 0;
        while (added < days) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                added++;
            }
        }
        return date;
    }

    /**
     * The moment {@code hours} working hours after {@code from}, where every hour of a business day
     * counts and weekends and holidays do not (24 working hours after Friday 16:00 is Monday 16:00 in a
     * Monday-to-Friday week).
     */
    public Instant addWorkingHours(Instant from, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        Duration remaining = Duration.ofHours(hours);
        ZonedDateTime cursor = from.atZone(zone);
        while (!remaining.isZero()) {
            ZonedDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay(zone);
            if (isBusinessDay(cursor.toLocalDate())) {
                Duration leftToday = Duration.between(cursor, nextMidnight);
                Duration step = remaining.compareTo(leftToday) < 0 ? remaining : leftToday;
                cursor = cursor.plus(step);
                remaining = remaining.minus(step);
            } else {
                cursor = nextMidnight;
            }
        }
        return cursor.toInstant();
    }

    /**
     * The last promised date that counts as "due soon" on {@code today}: the next business day (on a
     * Friday, Monday). The one rule for the sweep, the board, the digest, the metrics and the application.
     */
    public LocalDate dueSoonUntil(LocalDate today) {
        return addBusinessDays(today, 1);
    }

    /** Business days in (from, to]: from Tuesday to Friday is 3, from Friday to Monday is 1 in a Monday-to-Friday week (a promise for Friday is one day over on Monday). */
    public int businessDaysAfter(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isBusinessDay(d)) {
                days++;
            }
        }
        return days;
    }

    /** Whole calendar days from the given instant to today, never negative. */
    public long daysSince(Instant instant) {
        long days = ChronoUnit.DAYS.between(LocalDate.ofInstant(instant, zone), today());
        return Math.max(0, days);
    }
}
