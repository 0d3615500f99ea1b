package app.candor.feedback;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.Size;

/** A hiring manager's feedback as typed; a draft may be incomplete, a submission needs a recommendation and the shareable text. */
public record InterviewFeedbackInput(
        Recommendation recommendation,
        @Size(max = 4000, message = "is longer than 4000 characters") @MultiLine String strengths,
        @Size(max = 4000, message = "is longer than 4000 characters") @MultiLine String concerns,
        @Size(max = 4000, message = "is longer than 4000 characters") @MultiLine String shareable) {
}
