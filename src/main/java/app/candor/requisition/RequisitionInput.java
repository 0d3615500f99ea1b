package app.candor.requisition;

import app.candor.system.SingleLine;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new or changed requisition. Without a recruiter id, the recruiter is whoever creates it. */
public record RequisitionInput(
        @NotBlank @Size(max = 200) @SingleLine String title,
        Long recruiterId,
        @NotNull Long hiringManagerId,
        /** Whether candidates get the debrief letter after their interviews; null keeps it as it is (on for a new one). */
        Boolean debriefEnabled,
        /**
         * The rejection letter preselected for its applications: a named rejection template's id; 0: none of its own
         * (the kind's default); null keeps it as it is.
         */
        Long rejectionTemplateId) {

    public RequisitionInput(String title, Long recruiterId, Long hiringManagerId) {
        this(title, recruiterId, hiringManagerId, null, null);
    }
}
