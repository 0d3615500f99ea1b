package app.candor.withdrawal;

import app.candor.system.MultiLine;
import jakarta.validation.constraints.Size;

/** What the candidate chose on the withdraw page: everything optional. */
public record WithdrawalInput(
        WithdrawalReason reason,
        @Size(max = 1000, message = "is longer than 1000 characters") @MultiLine String note,
        /** Withdraw from every open application with the company, not only this one. */
        boolean all) {
}
