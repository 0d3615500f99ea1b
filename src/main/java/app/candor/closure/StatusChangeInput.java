package app.candor.closure;

import app.candor.system.MultiLine;
import app.candor.requisition.RequisitionStatus;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A requisition's new status (ON_HOLD, CANCELLED, FILLED, or OPEN again) and why; the note is internal. */
public record StatusChangeInput(
        @NotNull(message = "is required: OPEN, ON_HOLD, CANCELLED or FILLED") RequisitionStatus status,
        @Size(max = 2000) @MultiLine String note) {
}
