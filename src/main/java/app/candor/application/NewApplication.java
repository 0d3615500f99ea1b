package app.candor.application;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Attaching an existing candidate to a requisition. */
public record NewApplication(
        @NotNull Long candidateId,
        @Size(max = 2000) String note,
        LocalDate promisedDecisionDate) {
}
