package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.feedback.FeedbackRequest;
import app.candor.withdrawal.Withdrawal;
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
        List<HistoryEntry> history,
        /** Set when the candidate withdrew through their link. */
        WithdrawalRef withdrawal,
        /** Set when the candidate asked for feedback through their link. */
        Instant feedbackRequestedAt,
        /** The feedback message that answered the request; null while they wait. */
        Long feedbackAnswerMessageId) {

    public record WithdrawalRef(Instant at, String reasonCode, String reason, String note) {
    }

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
        WithdrawalRef withdrawal = Withdrawal.findFor(a).map(w -> new WithdrawalRef(w.withdrawnAt, w.reason == null ? null : w.reason.name(),
                w.reason == null ? null : w.reason.label, w.note)).orElse(null);
        var request = FeedbackRequest.findFor(a);
        Instant feedbackRequestedAt = request.map(r -> r.requestedAt).orElse(null);
        Long feedbackAnswer = request.map(r -> r.answerMessageId).orElse(null);
        return new ApplicationView(a.id, new RequisitionRef(a.requisition.id, a.requisition.title), CandidateRef.of(a.candidate),
                a.stage, a.stageEnteredAt, calendar.daysSince(a.stageEnteredAt), a.promisedDecisionDate,
                a.stage.allowedTargets(), history.stream().map(HistoryEntry::of).toList(), withdrawal, feedbackRequestedAt,
                feedbackAnswer);
    }
}
