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
        List<HistoryEntry> history,
        /** Set when the candidate withdrew through their link. */
        WithdrawalRef withdrawal,
        /** Set when the candidate asked for feedback through their link. */
        Instant feedbackRequestedAt,
        /** The feedback message that answered the request; null while they wait. */
        Long feedbackAnswerMessageId,
        /** Whether the candidate has been told a final answer, and by when they were promised one. */
        ClosureRef closure) {

    /**
     * The closure watch for this application. {@code watch}: ON_TRACK, DUE_SOON, OVERDUE, SUSPENDED
     * (role on hold), CLOSED_ON_TIME or CLOSED_LATE. {@code untold}: the stage is decided but the
     * candidate has not been told (e.g. a rejection moved through the plain stage API, or scheduled).
     * {@code canTell}: untold and no closing letter or call on its way, so the recruiter can still tell them (a
     * rejection through the outcome form; any final stage by recording how they were told, {@code POST .../told}).
     * {@code toldHow}, {@code toldBy}, {@code toldNote}: set when they were told outside Candor's letters.
     */
    public record ClosureRef(ClosureState state, String watch, LocalDate due, Instant closedAt, Instant chasedAt,
                             boolean promiseLapsed, boolean untold, boolean canTell,
                             ClosureWatch.ToldHow toldHow, String toldBy, String toldNote) {
        /** How the promise stands today: ON_TRACK, DUE_SOON, OVERDUE, SUSPENDED, CLOSED_ON_TIME or CLOSED_LATE. */
        static String watch(Application a, BusinessCalendar calendar) {
            LocalDate today = calendar.today();
            return switch (a.closure.state()) {
                case CLOSED -> Boolean.TRUE.equals(a.closure.closedLate()) ? "CLOSED_LATE" : "CLOSED_ON_TIME";
                case SUSPENDED -> "SUSPENDED";
                case OPEN -> a.closure.due() == null ? "ON_TRACK"
                        : a.closure.due().isBefore(today) ? "OVERDUE"
                        : !a.closure.due().isAfter(calendar.dueSoonUntil(today)) ? "DUE_SOON" : "ON_TRACK";
            };
        }

        static ClosureRef of(Application a, BusinessCalendar calendar, ClosingLetters letters) {
            String watch = watch(a, calendar);
            boolean untold = a.stage.isTerminal() && a.closure.state() != ClosureState.CLOSED;
            // Closed by a plain stage move (or a closing letter that failed and was cancelled): it can still be told, once.
            boolean canTell = untold && letters.onItsWay(a).isEmpty() && !(a.stage == Stage.REJECTED && letters.rejectionWritten(a));
            return new ClosureRef(a.closure.state(), watch, a.closure.due(), a.closure.closedAt(), a.chasedAt, a.closure.promiseLapsed(), untold,
                    canTell, a.closure.toldHow(), a.closure.toldBy(), a.closure.toldNote());
        }
    }

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

    /**
     * {@code withdrawal} and {@code asked}: what the candidate asked for through their links, or null; {@code letters}: whether
     * a closing letter stands in the way of telling them.
     */
    public static ApplicationView of(Application a, List<StageChange> history, BusinessCalendar calendar, WithdrawalRef withdrawal,
                                     CandidateRequests.Asked asked, ClosingLetters letters) {
        return new ApplicationView(a.id, new RequisitionRef(a.requisition.id, a.requisition.title), CandidateRef.of(a.candidate),
                a.stage, a.stageEnteredAt, calendar.daysSince(a.stageEnteredAt), a.promisedDecisionDate,
                a.stage.allowedTargets(), history.stream().map(HistoryEntry::of).toList(), withdrawal,
                asked == null ? null : asked.at(), asked == null ? null : asked.answerMessageId(), ClosureRef.of(a, calendar, letters));
    }
}
