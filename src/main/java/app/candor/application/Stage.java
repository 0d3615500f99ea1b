package app.candor.application;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where an application stands. The pipeline runs APPLIED → SCREENING → INTERVIEW → FINAL_INTERVIEW
 * → OFFER and ends in one of the terminal stages. {@link #check(Stage)} is the one place that says
 * which moves are allowed.
 */
public enum Stage {
    APPLIED(1, "Applied"),
    SCREENING(2, "Screening"),
    INTERVIEW(3, "Interview"),
    FINAL_INTERVIEW(4, "Final interview"),
    OFFER(5, "Offer"),
    HIRED(0, "Hired"),
    REJECTED(0, "Rejected"),
    WITHDRAWN(0, "Withdrawn"),
    ROLE_CLOSED(0, "Role closed");

    /** Position in the pipeline; 0 for the terminal stages. */
    private final int position;
    public final String label;

    Stage(int position, String label) {
        this.position = position;
        this.label = label;
    }

    public boolean isTerminal() {
        return position == 0;
    }

    public static List<Stage> pipeline() {
        return Arrays.stream(values()).filter(s -> !s.isTerminal()).toList();
    }

    public static List<Stage> terminal() {
        return Arrays.stream(values()).filter(Stage::isTerminal).toList();
    }

    /** What kind of move a change of stage is. */
    public enum Move {
        /** Forward in the pipeline; skipping a stage is allowed (a referral may go straight to interview). */
        ADVANCE,
        /** Backward in the pipeline: a correction of an earlier move, which needs a note. */
        CORRECTION,
        /** Into a terminal stage: the application is decided. */
        CLOSE
    }

    /** The move from this stage to {@code to}, or the reason it is not allowed. */
    public Result check(Stage to) {
        if (isTerminal()) {
            return Result.illegal("The application is already closed as " + label + "; terminal stages are final.");
        }
        if (to == this) {
            return Result.illegal("The application is already in stage " + label + ".");
        }
        if (to == HIRED && this != OFFER) {
            return Result.illegal("Only an application at Offer can move to Hired; it is at " + label + ".");
        }
        if (to.isTerminal()) {
            return Result.allowed(Move.CLOSE);
        }
        return Result.allowed(to.position > position ? Move.ADVANCE : Move.CORRECTION);
    }

    /** The stages this one may move to, in order: for the move form. */
    public List<Stage> allowedTargets() {
        return Arrays.stream(values()).filter(s -> check(s).move().isPresent()).toList();
    }

    public record Result(Optional<Move> move, String whyNot) {
        static Result allowed(Move move) {
            return new Result(Optional.of(move), null);
        }

        static Result illegal(String why) {
            return new Result(Optional.empty(), why);
        }
    }
}
