package app.candor.application;

import app.candor.system.MultiLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A stage move. Without a promised date, the default for the new stage applies; a backward move
 * (a correction) needs a note. {@code told}: for a move to a final stage, how the candidate was told
 * outside Candor's letters (without it the application stays untold until they are). {@code tellCandidate}:
 * a forward move to SCREENING, INTERVIEW or FINAL_INTERVIEW also sends the candidate a stage update naming the
 * new decision date, with {@code personalNote} in it, in their channel and language.
 */
public record MoveInput(
        @NotNull Stage stage,
        @Size(max = 2000) @MultiLine String note,
        LocalDate promisedDecisionDate,
        @Valid ToldInput told,
        Boolean tellCandidate,
        @Size(max = 2000) @MultiLine String personalNote) {

    public MoveInput(Stage stage, String note, LocalDate promisedDecisionDate) {
        this(stage, note, promisedDecisionDate, null);
    }

    public MoveInput(Stage stage, String note, LocalDate promisedDecisionDate, ToldInput told) {
        this(stage, note, promisedDecisionDate, told, null, null);
    }

    /** Whether the move tells the candidate by a stage update. */
    public boolean tells() {
        return Boolean.TRUE.equals(tellCandidate);
    }
}
