package app.candor.withdrawal;

import java.time.Instant;

/** Fired in the withdrawal's transaction, once per application withdrawn (see application/ApplicationEvents). */
public final class WithdrawalEvents {

    private WithdrawalEvents() {
    }

    /** The candidate withdrew through their link; {@code reason} is the code they chose, or null. */
    public record Withdrew(long applicationId, String reason, Instant at) {
    }
}
