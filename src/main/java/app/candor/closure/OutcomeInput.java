package app.candor.closure;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * An outcome to record: OFFER or REJECTED; a rejection names a reason from the list and may be
 * scheduled ({@code sendAt}, in the future; empty = now). {@code templateId} chooses the rejection's letter: a named
 * template of the kind, 0 for the standard letter, empty for the kind's default.
 */
public record OutcomeInput(
        @NotNull(message = "is required: OFFER or REJECTED") Outcome outcome,
        Long reasonId,
        @Size(max = 2000) @MultiLine String personalNote,
        OffsetDateTime sendAt,
        Long templateId) {

    public OutcomeInput(Outcome outcome, Long reasonId, String personalNote, OffsetDateTime sendAt) {
        this(outcome, reasonId, personalNote, sendAt, null);
    }
}
