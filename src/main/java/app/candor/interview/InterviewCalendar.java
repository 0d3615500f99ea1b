package app.candor.interview;

import app.candor.message.MailIdentity;
import app.candor.system.CandorConfig;
import app.candor.user.User;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VEvent;
import biweekly.component.VTimezone;
import biweekly.io.TimezoneAssignment;
import biweekly.parameter.ParticipationLevel;
import biweekly.parameter.ParticipationStatus;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.Recurrence;
import biweekly.util.UtcOffset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.IntStream;

/**
 * The iCalendar part of an interview letter (RFC 5545, iTIP RFC 5546): one event per interview with a stable UID, so
 * that the candidate's calendar replaces it when it moves (SEQUENCE raised, METHOD:REQUEST) and removes it when it
 * is cancelled (METHOD:CANCEL). Organised by the requisition's recruiter; the candidate and every interviewer with
 * an address attend. The time is written in the company's zone with its VTIMEZONE, built from the JDK's zone rules.
 */
@ApplicationScoped
public class InterviewCalendar {

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    /** The event's UID: the interview's, for its whole life. */
    String uid(Interview i) {
        return "candor-interview-" + i.id + "@" + MailIdentity.messageIdDomain(config.mail());
    }

    /** The invitation (or, for a cancelled interview, the cancellation) as it goes out with the letter. */
    public String ics(Interview i, String summary, String description) {
        return write(i, summary, description, config.timeZone(), uid(i), organizer(i), clock.instant());
    }

    /** The iCalendar text for {@code i} with the time written in {@code zone}, stamped {@code now}. */
    static String write(Interview i, String summary, String description, ZoneId zone, String uid, Organizer organizer, Instant now) {
        boolean cancel = i.state == InterviewState.CANCELLED;
        ICalendar ical = new ICalendar();
        ical.setProductId("-//Candor//Interviews//EN");
        ical.setMethod(cancel ? Method.cancel() : Method.request());

        VEvent event = new VEvent();
        event.setUid(uid);
        event.setSequence(i.calendarSequence);
        event.setDateTimeStamp(Date.from(now));
        event.setDateStart(Date.from(i.startsAt), true);
        event.setDateEnd(Date.from(i.endsAt()), true);
        event.setSummary(summary);
        event.setDescription(description);
        if (i.location != null) {
            event.setLocation(i.location);
        }
        event.setStatus(cancel ? Status.cancelled() : Status.confirmed());
        event.setOrganizer(organizer);
        var candidate = i.application.candidate;
        event.addAttendee(attendee(candidate.firstName + " " + candidate.lastName, candidate.email, true));
        for (Interviewer p : i.interviewers) {
            if (p.email != null && !p.email.isBlank()) {
                event.addAttendee(attendee(p.name, p.email, false));
            }
        }
        ical.addEvent(event);
        if (!ZoneOffset.UTC.equals(zone.normalized())) {
            ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(TimeZone.getTimeZone(zone), vtimezone(zone, i.startsAt)));
        }
        return Biweekly.write(ical).go();
    }

    /** The requisition's recruiter; one without an address leaves the sender's address as organiser (iTIP needs one). */
    private Organizer organizer(Interview i) {
        User recruiter = i.application.requisition.recruiter;
        if (recruiter != null && recruiter.email != null && !recruiter.email.isBlank()) {
            return new Organizer(recruiter.fullName, recruiter.email);
        }
        return new Organizer(config.companyName(), config.mail().from().replaceAll(".*<([^>]+)>.*", "$1").strip());
    }

    private static Attendee attendee(String name, String email, boolean rsvp) {
        Attendee a = new Attendee(name, email);
        a.setParticipationLevel(ParticipationLevel.REQUIRED);
        a.setParticipationStatus(ParticipationStatus.NEEDS_ACTION);
        a.setRsvp(rsvp);
        return a;
    }

    /**
     * The zone's VTIMEZONE: its yearly daylight-saving rules as RRULEs from the year before the interview, or, for a
     * zone without such rules, its offset then as the only observance.
     */
    static VTimezone vtimezone(ZoneId zone, Instant around) {
        VTimezone vtz = new VTimezone(zone.getId());
        ZoneRules rules = zone.getRules();
        List<ZoneOffsetTransitionRule> yearly = rules.getTransitionRules();
        if (yearly.isEmpty()) {
            // No daylight saving (any more): the offset in force at the interview, since its last change.
            ZoneOffset offset = rules.getOffset(around);
            ZoneOffsetTransition last = rules.previousTransition(around);
            StandardTime standard = new StandardTime();
            standard.setDateStart(components(last == null ? LocalDateTime.of(1970, 1, 1, 0, 0) : last.getDateTimeAfter()));
            standard.setTimezoneOffsetFrom(utc(last == null ? offset : last.getOffsetBefore()));
            standard.setTimezoneOffsetTo(utc(offset));
            standard.addTimezoneName(offset.getId());
            vtz.addStandardTime(standard);
            return vtz;
        }
        // The yearly rules hold after the zone's last listed change; start them the year before the interview, or then.
        List<ZoneOffsetTransition> history = rules.getTransitions();
        int year = Math.max(LocalDateTime.ofInstant(around, zone).getYear() - 1,
                history.isEmpty() ? 1970 : history.get(history.size() - 1).getDateTimeAfter().getYear() + 1);
        for (ZoneOffsetTransitionRule rule : yearly) {
            ZoneOffsetTransition first = rule.createTransition(year);
            boolean daylight = rule.getOffsetAfter().getTotalSeconds() > rule.getStandardOffset().getTotalSeconds();
            Observance o = daylight ? new DaylightSavingsTime() : new StandardTime();
            o.setDateStart(components(first.getDateTimeBefore()));
            o.setTimezoneOffsetFrom(utc(rule.getOffsetBefore()));
            o.setTimezoneOffsetTo(utc(rule.getOffsetAfter()));
            o.setRecurrenceRule(recurrence(rule));
            o.addTimezoneName(rule.getOffsetAfter().getId());
            if (daylight) {
                vtz.addDaylightSavingsTime((DaylightSavingsTime) o);
            } else {
                vtz.addStandardTime((StandardTime) o);
            }
        }
        return vtz;
    }

    /** FREQ=YEARLY in the rule's month on its day: "the last Sunday" (BYDAY=-1SU), "the Sunday on or after the 8th" (BYDAY=SU;BYMONTHDAY=8..14). */
    private static Recurrence recurrence(ZoneOffsetTransitionRule rule) {
        Recurrence.Builder b = new Recurrence.Builder(Frequency.YEARLY).byMonth(rule.getMonth().getValue());
        int day = rule.getDayOfMonthIndicator();
        DayOfWeek dow = rule.getDayOfWeek();
        if (dow == null) {
            b.byMonthDay(day);
        } else if (day == -1 || (day > 0 && day + 6 == rule.getMonth().minLength() && day + 6 == rule.getMonth().maxLength())) {
            // "The last Sunday": the JDK says "the Sunday on or after the 25th" of a 31-day month; calendars (Outlook) know -1SU.
            b.byDay(-1, weekday(dow));
        } else if (day < 0) {
            b.byDay(weekday(dow)).byMonthDay(IntStream.rangeClosed(day - 6, day).boxed().toList());
        } else if ((day - 1) % 7 == 0) {
            b.byDay((day - 1) / 7 + 1, weekday(dow));
        } else {
            b.byDay(weekday(dow)).byMonthDay(IntStream.rangeClosed(day, day + 6).boxed().toList());
        }
        return b.build();
    }

    private static biweekly.util.DayOfWeek weekday(DayOfWeek d) {
        return switch (d) {
            case MONDAY -> biweekly.util.DayOfWeek.MONDAY;
            case TUESDAY -> biweekly.util.DayOfWeek.TUESDAY;
            case WEDNESDAY -> biweekly.util.DayOfWeek.WEDNESDAY;
            case THURSDAY -> biweekly.util.DayOfWeek.THURSDAY;
            case FRIDAY -> biweekly.util.DayOfWeek.FRIDAY;
            case SATURDAY -> biweekly.util.DayOfWeek.SATURDAY;
            case SUNDAY -> biweekly.util.DayOfWeek.SUNDAY;
        };
    }

    /** Local wall-clock time, as an observance's DTSTART is written. */
    private static DateTimeComponents components(LocalDateTime t) {
        return new DateTimeComponents(t.getYear(), t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), false);
    }

    private static UtcOffset utc(ZoneOffset offset) {
        return new UtcOffset(offset.getTotalSeconds() * 1000L);
    }
}
