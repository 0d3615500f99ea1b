package app.candor.closure;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * An outcome to record: OFFER or REJECTED; a rejection names a reason from the list and may be
 * scheduled ({@code sendAt}, in the future; empty = now).
 */
public record OutcomeInput(
        @NotNull(message = "is required: OFFER or REJECTED") Outcome outcome,
        Long reasonId,
        @Size(max = 2000) @MultiLine String personalNote,
        OffsetDateTime sendAt) {
}
