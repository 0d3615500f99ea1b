package app.candor.closure;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A later promised decision date, and an optional personal note for the candidate. */
public record DelayInput(
        @NotNull(message = "is required: the new date by which the candidate will hear from us") LocalDate promisedDecisionDate,
        @Size(max = 2000) @MultiLine String personalNote) {
}
