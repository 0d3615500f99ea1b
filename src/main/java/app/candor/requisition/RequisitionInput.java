package app.candor.requisition;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new or changed requisition. Without a recruiter id, the recruiter is whoever creates it. */
public record RequisitionInput(
        @NotBlank @Size(max = 200) String title,
        Long recruiterId,
        @NotNull Long hiringManagerId) {
}
