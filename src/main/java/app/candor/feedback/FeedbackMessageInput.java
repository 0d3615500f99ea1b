package app.candor.feedback;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.Size;

/** The feedback letter's text as the recruiter edited it; empty for the text Candor proposes from the shareable parts. */
public record FeedbackMessageInput(@Size(max = 4000, message = "is longer than 4000 characters") @MultiLine String text) {
}
