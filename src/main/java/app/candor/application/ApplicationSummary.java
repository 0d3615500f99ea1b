package app.candor.application;

import app.candor.system.BusinessCalendar;

import java.time.LocalDate;
import java.util.Map;

/**
 * One card of a pipeline: who, where, for how long, what they were promised, how the promise stands
 * ({@code watch}, as on the application page), whether they chased, and the next stage a plain move reaches
 * (null where the next step is an outcome, or none).
 */
public record ApplicationSummary(Long id, Long candidateId, String candidateName, String email, Stage stage,
                                 long daysInStage, LocalDate promisedDecisionDate, String watch, boolean chased, Stage next) {

    /** The step forward a card offers: the next pipeline stage short of an offer (an offer is told by its letter). */
    private static final Map<Stage, Stage> NEXT = Map.of(Stage.APPLIED, Stage.SCREENING,
            Stage.SCREENING, Stage.INTERVIEW, Stage.INTERVIEW, Stage.FINAL_INTERVIEW);

    public static ApplicationSummary of(Application a, BusinessCalendar calendar) {
        return new ApplicationSummary(a.id, a.candidate.id, a.candidate.displayName(), a.candidate.email, a.stage,
                calendar.daysSince(a.stageEnteredAt), a.promisedDecisionDate, ApplicationView.ClosureRef.watch(a, calendar),
                a.chasedAt != null, NEXT.get(a.stage));
    }

    public boolean overdue() {
        return "OVERDUE".equals(watch);
    }

    public boolean dueSoon() {
        return "DUE_SOON".equals(watch);
    }
}
