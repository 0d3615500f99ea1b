package app.candor.application;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A note for the team on an application: kept in its history, never shown to the candidate. */
public record NoteInput(@NotBlank(message = "write the note") @Size(max = 2000) @MultiLine String note) {
}
