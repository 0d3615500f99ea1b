package app.candor.application;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Attaching an existing candidate to a requisition. */
public record NewApplication(
        @NotNull Long candidateId,
        @Size(max = 2000) @MultiLine String note,
        LocalDate promisedDecisionDate) {
}
