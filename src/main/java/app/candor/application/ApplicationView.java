package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.system.BusinessCalendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An application as the API shows it: where it stands, what was promised, and its whole history. */
public record ApplicationView(
        Long id,
        RequisitionRef requisition,
        CandidateRef candidate,
        Stage stage,
        Instant stageEnteredAt,
        long daysInStage,
        LocalDate promisedDecisionDate,
        List<Stage> allowedMoves,
        List<HistoryEntry> history) {

    public record RequisitionRef(Long id, String title) {
    }

    public record CandidateRef(Long id, String name, String email, String phone, Channel preferredChannel, String language) {
        static CandidateRef of(Candidate c) {
            return new CandidateRef(c.id, c.displayName(), c.email, c.phone, c.preferredChannel, c.language);
        }
    }

    public record HistoryEntry(Stage from, Stage to, String by, Instant at, String note,
                               LocalDate promisedDecisionDate, boolean correction) {
        static HistoryEntry of(StageChange c) {
            return new HistoryEntry(c.fromStage, c.toStage, c.changedBy, c.changedAt, c.note, c.promisedDecisionDate, c.correction);
        }
    }

    public static ApplicationView of(Application a, List<StageChange> history, BusinessCalendar calendar) {
        return new ApplicationView(a.id, new RequisitionRef(a.requisition.id, a.requisition.title), CandidateRef.of(a.candidate),
                a.stage, a.stageEnteredAt, calendar.daysSince(a.stageEnteredAt), a.promisedDecisionDate,
                a.stage.allowedTargets(), history.stream().map(HistoryEntry::of).toList());
    }
}
