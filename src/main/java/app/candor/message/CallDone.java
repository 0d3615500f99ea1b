package app.candor.message;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What the recruiter notes after the call. */
public record CallDone(@NotBlank(message = "is required: how did the call go?") @Size(max = 2000) @MultiLine String note) {
}
