package app.candor.closure;

import java.time.LocalDate;
import java.util.List;

/**
 * How the team keeps its promise over a window of ISO weeks (company time zone): closures on time per
 * week, per recruiter and per requisition, the median time to closure and what is overdue now.
 * A rate is on time / closed, rounded to four places, and null when nothing was closed.
 */
public record ClosureStatsView(
        /* "mine" (the viewer's requisitions) or "team" (all). */
        String scope,
        int weeks,
        /* Today in the company time zone, and that zone; overdue is counted against this day. */
        LocalDate today,
        String zone,
        /* The window: the Monday the first week starts and the Sunday the last (current) week ends. */
        LocalDate from,
        LocalDate until,
        long closed,
        long onTime,
        Double onTimeRate,
        /* Median of created → closed over the window's closures, in days (one decimal); null without closures. */
        Double medianDaysToClosure,
        /* Open applications whose promised date has passed (now, not over the window). */
        long openOverdue,
        List<Week> weekly,
        List<RecruiterRow> byRecruiter,
        List<RequisitionRow> byRequisition) {

    /** One ISO week: {@code week} like "2026-W48", starting Monday {@code start}. */
    public record Week(String week, LocalDate start, long closed, long onTime, long late, Double onTimeRate) {
        public String percent() {
            return ClosureStatsView.percent(onTimeRate);
        }
    }

    public record RecruiterRow(long recruiterId, String recruiter, long closed, long onTime, Double onTimeRate, long openOverdue) {
        public String percent() {
            return ClosureStatsView.percent(onTimeRate);
        }
    }

    public record RequisitionRow(long requisitionId, String title, long recruiterId, String recruiter, long closed, long onTime,
                                 Double onTimeRate, long openOverdue) {
        public String percent() {
            return ClosureStatsView.percent(onTimeRate);
        }
    }

    public String percent() {
        return percent(onTimeRate);
    }

    /** "67%", or "—" when nothing was closed. */
    static String percent(Double rate) {
        return rate == null ? "—" : Math.round(rate * 100) + "%";
    }

    static Double rate(long onTime, long closed) {
        return closed == 0 ? null : Math.round(onTime * 10_000.0 / closed) / 10_000.0;
    }
}
