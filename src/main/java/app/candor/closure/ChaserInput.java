package app.candor.closure;

import app.candor.system.MultiLine;
import app.candor.candidate.Channel;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;

/** An inbound contact from a candidate to log: how it came, what they said, and when (now if not given). */
public record ChaserInput(
        @NotNull(message = "is required: EMAIL or PHONE, how the candidate got in touch") Channel channel,
        @Size(max = 2000, message = "is longer than 2000 characters") @MultiLine String note,
        OffsetDateTime receivedAt) {
}
