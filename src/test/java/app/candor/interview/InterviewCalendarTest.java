package app.candor.interview;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the VTIMEZONE written from the JDK's zone rules says the same as the JDK. Each event is written in the
 * zone, its TZID renamed to one no library knows, and parsed back: the parser can only place the time by our VTIMEZONE.
 */
class InterviewCalendarTest {

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            "Europe/Berlin, 2031-07-10T08:00:00Z",      // summer time (last Sunday of March to last Sunday of October)
            "Europe/Berlin, 2031-01-10T09:00:00Z",
            "Europe/Berlin, 2031-03-30T00:30:00Z",      // the night summer time starts (01:30 UTC is 03:30 then)
            "America/New_York, 2031-03-10T15:00:00Z",   // second Sunday of March
            "America/New_York, 2031-11-03T15:00:00Z",
            "Australia/Sydney, 2031-01-10T00:00:00Z",   // summer in the south: daylight saving from October to April
            "Australia/Sydney, 2031-06-10T00:00:00Z",
            "Asia/Kolkata, 2031-06-10T04:30:00Z",       // no daylight saving
            "America/Sao_Paulo, 2031-01-10T13:00:00Z",  // no daylight saving since 2019
            "Asia/Tehran, 2031-06-10T06:00:00Z"})       // no daylight saving since 2022
    void theTimeZoneDefinitionPlacesTheEventWhereTheJdkDoes(String zoneId, String at) {
        ZoneId zone = ZoneId.of(zoneId);
        Instant start = Instant.parse(at);
        VTimezone vtz = InterviewCalendar.vtimezone(zone, start);
        ICalendar ical = new ICalendar();
        VEvent event = new VEvent();
        event.setUid("test");
        event.setDateStart(Date.from(start), true);
        ical.addEvent(event);
        ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(zone), vtz));
        String written = Biweekly.write(ical).go();
        assertThat(written).contains("DTSTART;TZID=" + zoneId + ":").contains("BEGIN:VTIMEZONE").contains("TZID:" + zoneId);

        String unknown = written.replace(zoneId, "Candor/Test-Zone");
        ICalendar parsed = Biweekly.parse(unknown).first();
        assertThat(parsed.getEvents().get(0).getDateStart().getValue().toInstant()).as(written).isEqualTo(start);
    }
}
