package app.candor.interview;

import app.candor.system.SingleLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;

/** An interview to schedule, or its new details when it moves. */
public record InterviewInput(
        @NotNull(message = "is required: when the interview starts, e.g. 2026-12-01T10:00:00+01:00") OffsetDateTime startsAt,
        @Min(value = 5, message = "must be at least 5 minutes") @Max(value = 600, message = "must be at most 600 minutes") Integer durationMinutes,
        @NotNull(message = "is required: PHONE, VIDEO or ON_SITE") InterviewKind kind,
        @Size(max = 500, message = "is longer than 500 characters") @SingleLine String location,
        @NotEmpty(message = "needs at least one person the candidate will meet")
        @Size(max = 10, message = "takes at most 10 people") List<@Valid @NotNull InterviewerInput> interviewers) {

    /**
     * A person the candidate will meet. {@code userId}: one of Candor's hiring managers or recruiters, whose name, title
     * (when left out) and address are taken from their account; anyone else is typed in, with an address for the
     * calendar invitation if they should get one.
     */
    public record InterviewerInput(
            @NotBlank(message = "is required") @Size(max = 200, message = "is longer than 200 characters") @SingleLine String name,
            @NotBlank(message = "is required: the candidate is told who they will meet, with their title")
            @Size(max = 200, message = "is longer than 200 characters") @SingleLine String title,
            Long userId,
            @Email(message = "is not an e-mail address") @Size(max = 254, message = "is longer than 254 characters") @SingleLine String email) {

        public InterviewerInput(String name, String title) {
            this(name, title, null, null);
        }
    }
}
