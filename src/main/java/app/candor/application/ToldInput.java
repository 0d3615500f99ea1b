package app.candor.application;

import app.candor.application.ClosureWatch.ToldHow;
import app.candor.system.MultiLine;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/**
 * How a candidate was told their final answer outside Candor's letters and calls (in person, a call not
 * logged as a task): who is the signed-in recruiter, {@code at} defaults to now.
 */
public record ToldInput(
        @NotNull ToldHow how,
        @PastOrPresent OffsetDateTime at,
        @Size(max = 2000) @MultiLine String note) {
}
