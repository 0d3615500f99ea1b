package app.candor.application;

import app.candor.system.BusinessCalendar;

import java.time.LocalDate;

/** One line of a pipeline: who, where, for how long, and what they were promised. */
public record ApplicationSummary(Long id, Long candidateId, String candidateName, String email, Stage stage,
                                 long daysInStage, LocalDate promisedDecisionDate) {

    public static ApplicationSummary of(Application a, BusinessCalendar calendar) {
        return new ApplicationSummary(a.id, a.candidate.id, a.candidate.displayName(), a.candidate.email, a.stage,
                calendar.daysSince(a.stageEnteredAt), a.promisedDecisionDate);
    }
}
