package app.candor.message;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** A change to a scheduled message before it leaves: the personal note and the time. */
public record MessageEdit(
        @Size(max = 2000) @MultiLine String personalNote,
        @NotNull(message = "is required: when to send it") OffsetDateTime sendAt) {
}
