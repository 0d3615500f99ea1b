package app.candor.closure;

import app.candor.system.BusinessCalendar;
import app.candor.system.Problem;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The closure statistics ("how we are doing"): on-time closure rate per ISO week, per recruiter and per
 * requisition, median days from application to closure, open overdue. Four grouped queries, whatever
 * the number of applications: closures are found through {@code ix_application_closed} (closed_at), open
 * overdue ones through {@code ix_application_closure_due}; Java only folds the grouped rows. The same
 * SQL runs on H2 (PostgreSQL mode) and PostgreSQL: weeks are told apart by comparing closed_at with the
 * instants the weeks start in the company zone (a CASE, no date_trunc or zone functions), so a week
 * is exactly Monday 00:00 to Monday 00:00 there, summer time included.
 */
@ApplicationScoped
public class ClosureStats {

    public static final String MINE = "mine";
    public static final String TEAM = "team";
    public static final int DEFAULT_WEEKS = 12;
    public static final int MAX_WEEKS = 52;

    private static final String ON_TIME = "sum(case when a.closed_late = false then 1 else 0 end)";
    private static final String CLOSED_IN_WINDOW = "a.closure_state = 'CLOSED' and a.closed_at >= :windowStart and a.closed_at < :windowEnd";
    private static final String OPEN_OVERDUE = "a.closure_state = 'OPEN' and a.closure_due < :today";
    private static final String ONLY_MINE = " and a.requisition_id in (select mine.id from requisition mine where mine.recruiter_id = :recruiter)";
    private static final String PER_REQUISITION = "select r.id, r.title, r.recruiter_id, u.full_name, count(*)%s"
            + " from application a join requisition r on r.id = a.requisition_id join app_user u on u.id = r.recruiter_id"
            + " where %s%s group by r.id, r.title, r.recruiter_id, u.full_name";
    /** Seconds from application to closure; the cast because PostgreSQL's percentile_cont takes double precision. */
    private static final String MEDIAN_SECONDS = "select percentile_cont(0.5) within group"
            + " (order by cast(extract(epoch from a.closed_at) - extract(epoch from a.created_at) as double precision))"
            + " from application a where " + CLOSED_IN_WINDOW;

    @Inject
    BusinessCalendar calendar;

    @Inject
    EntityManager em;

    /** The weeks asked for: their Mondays and the instants they start at, plus the instant the last one ends. */
    record Window(List<LocalDate> mondays, List<Instant> bounds) {

        /** {@code weeks} ISO weeks ending with the one {@code today} is in, reckoned in {@code zone}. */
        static Window of(LocalDate today, int weeks, ZoneId zone) {
            LocalDate current = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            List<LocalDate> mondays = new ArrayList<>();
            List<Instant> bounds = new ArrayList<>();
            for (int i = weeks - 1; i >= 0; i--) {
                LocalDate monday = current.minusWeeks(i);
                mondays.add(monday);
                bounds.add(monday.atStartOfDay(zone).toInstant());
            }
            bounds.add(current.plusWeeks(1).atStartOfDay(zone).toInstant());
            return new Window(List.copyOf(mondays), List.copyOf(bounds));
        }

        Instant start() {
            return bounds.get(0);
        }

        Instant end() {
            return bounds.get(bounds.size() - 1);
        }

        /** SQL numbering each closure by its week (0 = the first), comparing with :b1 … :b(n-1). */
        String weekIndexSql() {
            if (mondays.size() == 1) {
                return "0";
            }
            StringBuilder sql = new StringBuilder("case");
            for (int i = 1; i < mondays.size(); i++) {
                sql.append(" when a.closed_at < :b").append(i).append(" then ").append(i - 1);
            }
            return sql.append(" else ").append(mondays.size() - 1).append(" end").toString();
        }
    }

    /**
     * The statistics for {@code viewer}. {@code weeks} (default 12) must be 1 to 52; {@code scope} is
     * "mine" (requisitions the viewer recruits for; the default for recruiters) or "team" (everything;
     * the default for anyone else).
     */
    @Transactional
    public ClosureStatsView compute(User viewer, String weeks, String scope) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int n = parseWeeks(weeks, errors);
        String s = parseScope(scope, viewer, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.stream().map(Problem.FieldError::describe).collect(Collectors.joining("; ")), errors);
        }
        return compute(s.equals(MINE) ? viewer.id : null, n, s);
    }

    private static int parseWeeks(String weeks, List<Problem.FieldError> errors) {
        if (weeks == null || weeks.isBlank()) {
            return DEFAULT_WEEKS;
        }
        try {
            int n = Integer.parseInt(weeks.strip());
            if (n >= 1 && n <= MAX_WEEKS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        errors.add(Problem.FieldError.field("weeks", "must be a whole number from 1 to " + MAX_WEEKS + ", not '" + weeks.strip() + "'"));
        return DEFAULT_WEEKS;
    }

    private static String parseScope(String scope, User viewer, List<Problem.FieldError> errors) {
        if (scope == null || scope.isBlank()) {
            return viewer.isRecruiter() ? MINE : TEAM;
        }
        String s = scope.strip().toLowerCase(Locale.ROOT);
        if (!s.equals(MINE) && !s.equals(TEAM)) {
            errors.add(Problem.FieldError.field("scope", "must be 'mine' or 'team', not '" + scope.strip() + "'"));
        }
        return s;
    }

    /** The statistics over {@code weeks} weeks, for the requisitions of {@code recruiterId}, or everyone's when null. */
    ClosureStatsView compute(Long recruiterId, int weeks, String scope) {
        LocalDate today = calendar.today();
        ZoneId zone = calendar.zone();
        Window window = Window.of(today, weeks, zone);

        // Per week: closures and those on time.
        Query weekly = em.createNativeQuery("select w.wk, count(*), sum(case when w.closed_late = false then 1 else 0 end)"
                + " from (select " + window.weekIndexSql() + " as wk, a.closed_late from application a where "
                + CLOSED_IN_WINDOW + (recruiterId == null ? "" : ONLY_MINE) + ") w group by w.wk");
        inWindow(weekly, window, recruiterId);
        for (int i = 1; i < weeks; i++) {
            weekly.setParameter("b" + i, window.bounds().get(i));
        }
        long[][] perWeek = new long[weeks][2];
        for (Object[] row : rows(weekly)) {
            int wk = number(row[0]).intValue();
            perWeek[wk][0] = number(row[1]).longValue();
            perWeek[wk][1] = number(row[2]).longValue();
        }
        List<ClosureStatsView.Week> weekRows = new ArrayList<>();
        long closed = 0;
        long onTime = 0;
        for (int i = 0; i < weeks; i++) {
            LocalDate monday = window.mondays().get(i);
            weekRows.add(new ClosureStatsView.Week(isoWeek(monday), monday, perWeek[i][0], perWeek[i][1], perWeek[i][0] - perWeek[i][1],
                    ClosureStatsView.rate(perWeek[i][1], perWeek[i][0])));
            closed += perWeek[i][0];
            onTime += perWeek[i][1];
        }

        // Per requisition: closures in the window and open overdue now; per recruiter folded from these.
        String mine = recruiterId == null ? "" : " and r.recruiter_id = :recruiter";
        Query closedPerRequisition = em.createNativeQuery(PER_REQUISITION.formatted(", " + ON_TIME, CLOSED_IN_WINDOW, mine));
        inWindow(closedPerRequisition, window, recruiterId);
        Query overduePerRequisition = em.createNativeQuery(PER_REQUISITION.formatted("", OPEN_OVERDUE, mine));
        overduePerRequisition.setParameter("today", today);
        if (recruiterId != null) {
            overduePerRequisition.setParameter("recruiter", recruiterId);
        }
        Map<Long, Tally> requisitions = new LinkedHashMap<>();
        for (Object[] row : rows(closedPerRequisition)) {
            Tally t = requisitions.computeIfAbsent(number(row[0]).longValue(), id -> new Tally(row));
            t.closed = number(row[4]).longValue();
            t.onTime = number(row[5]).longValue();
        }
        for (Object[] row : rows(overduePerRequisition)) {
            requisitions.computeIfAbsent(number(row[0]).longValue(), id -> new Tally(row)).overdue = number(row[4]).longValue();
        }
        Map<Long, ClosureStatsView.RecruiterRow> recruiters = new LinkedHashMap<>();
        long overdue = 0;
        for (Tally t : requisitions.values()) {
            recruiters.merge(t.recruiterId, new ClosureStatsView.RecruiterRow(t.recruiterId, t.recruiter, t.closed, t.onTime, null, t.overdue),
                    (a, b) -> new ClosureStatsView.RecruiterRow(a.recruiterId(), a.recruiter(), a.closed() + b.closed(),
                            a.onTime() + b.onTime(), null, a.openOverdue() + b.openOverdue()));
            overdue += t.overdue;
        }
        List<ClosureStatsView.RecruiterRow> byRecruiter = recruiters.values().stream()
                .map(r -> new ClosureStatsView.RecruiterRow(r.recruiterId(), r.recruiter(), r.closed(), r.onTime(),
                        ClosureStatsView.rate(r.onTime(), r.closed()), r.openOverdue()))
                .sorted(Comparator.comparing(ClosureStatsView.RecruiterRow::recruiter, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ClosureStatsView.RecruiterRow::recruiterId))
                .toList();
        List<ClosureStatsView.RequisitionRow> byRequisition = requisitions.values().stream()
                .map(t -> new ClosureStatsView.RequisitionRow(t.requisitionId, t.title, t.recruiterId, t.recruiter, t.closed, t.onTime,
                        ClosureStatsView.rate(t.onTime, t.closed), t.overdue))
                .sorted(Comparator.comparing(ClosureStatsView.RequisitionRow::title, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(ClosureStatsView.RequisitionRow::requisitionId))
                .toList();

        Query median = em.createNativeQuery(MEDIAN_SECONDS + (recruiterId == null ? "" : ONLY_MINE));
        inWindow(median, window, recruiterId);
        Object seconds = median.getSingleResult();
        Double medianDays = seconds == null ? null : Math.round(number(seconds).doubleValue() / 86_400 * 10) / 10.0;

        return new ClosureStatsView(scope, weeks, today, zone.getId(), window.mondays().get(0),
                window.mondays().get(weeks - 1).plusDays(6), closed, onTime, ClosureStatsView.rate(onTime, closed), medianDays, overdue,
                weekRows, byRecruiter, byRequisition);
    }

    /** "2026-W53": the ISO week-based year, which around New Year is not always the calendar year. */
    static String isoWeek(LocalDate day) {
        return String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    /** One requisition's figures while they are gathered from the grouped rows. */
    private static final class Tally {
        final long requisitionId;
        final String title;
        final long recruiterId;
        final String recruiter;
        long closed;
        long onTime;
        long overdue;

        Tally(Object[] row) {
            requisitionId = number(row[0]).longValue();
            title = (String) row[1];
            recruiterId = number(row[2]).longValue();
            recruiter = (String) row[3];
        }
    }

    private static void inWindow(Query query, Window window, Long recruiterId) {
        query.setParameter("windowStart", window.start()).setParameter("windowEnd", window.end());
        if (recruiterId != null) {
            query.setParameter("recruiter", recruiterId);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query query) {
        return query.getResultList();
    }

    private static Number number(Object value) {
        return (Number) value;
    }
}
