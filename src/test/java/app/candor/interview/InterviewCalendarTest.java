package app.candor.interview;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.property.Organizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the VTIMEZONE written from the JDK's zone rules says the same as the JDK. Each event is written in the
 * zone, its TZID renamed to one no library knows, and parsed back: the parser can only place the time by our VTIMEZONE.
 * An interview's event is written in the company's zone (CalendarInvitationOverSmtpTest follows it over SMTP).
 */
class InterviewCalendarTest {

    @Test
    void anInterviewIsWrittenInTheCompanysZoneWithItsDefinition() {
        Instant start = Instant.parse("2031-07-10T08:00:00Z");
        String ics = InterviewCalendar.write(interview(start), "Backend Engineer", "Interview", ZoneId.of("Europe/Berlin"), "uid-1",
                new Organizer("Rita Recruiter", "rita@example.test"), start.minusSeconds(86_400));
        assertThat(ics).contains("DTSTART;TZID=Europe/Berlin:20310710T100000").contains("BEGIN:VTIMEZONE").contains("TZID:Europe/Berlin");
        ICalendar parsed = Biweekly.parse(ics).first();
        assertThat(parsed.getTimezoneInfo().getComponents()).hasSize(1);
        VEvent event = parsed.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(start);
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(start.plusSeconds(3600));
        assertThat(event.getAttendees()).extracting(a -> a.getEmail()).containsExactly("ada@example.test", "grace@example.test");
    }

    @Test
    void inUtcTheTimeIsWrittenInUtcWithoutAZoneDefinition() {
        Instant start = Instant.parse("2031-07-10T08:00:00Z");
        String ics = InterviewCalendar.write(interview(start), "Backend Engineer", "Interview", ZoneOffset.UTC, "uid-1",
                new Organizer("Rita Recruiter", "rita@example.test"), start.minusSeconds(86_400));
        assertThat(ics).contains("DTSTART:20310710T080000Z").doesNotContain("VTIMEZONE");
    }

    private static Interview interview(Instant start) {
        Candidate ada = new Candidate();
        ada.firstName = "Ada";
        ada.lastName = "Lovelace";
        ada.email = "ada@example.test";
        Application application = new Application();
        application.candidate = ada;
        Interview i = new Interview();
        i.application = application;
        i.startsAt = start;
        i.durationMinutes = 60;
        i.state = InterviewState.SCHEDULED;
        i.interviewers = List.of(new Interviewer("Grace Hopper", "Head of Platform", null, "grace@example.test"),
                new Interviewer("Alan Turing", "Principal Engineer"));
        return i;
    }

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
