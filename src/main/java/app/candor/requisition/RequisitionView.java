package app.candor.requisition;

import app.candor.user.User;

import java.time.Instant;

public record RequisitionView(Long id, String title, RequisitionStatus status, UserRef recruiter, UserRef hiringManager,
                              Instant createdAt, Instant updatedAt,
                              /** Whether candidates get the debrief letter after their interviews. */
                              boolean debriefEnabled,
                              /** The rejection letter preselected for its applications (a named template); null: the kind's default. */
                              Long rejectionTemplateId) {

    public record UserRef(Long id, String username, String fullName) {
        static UserRef of(User u) {
            return new UserRef(u.id, u.username, u.fullName);
        }
    }

    /** Only an open requisition takes new candidates. */
    public boolean open() {
        return status == RequisitionStatus.OPEN;
    }

    public static RequisitionView of(Requisition r) {
        return new RequisitionView(r.id, r.title, r.status, UserRef.of(r.recruiter), UserRef.of(r.hiringManager),
                r.createdAt, r.updatedAt, r.debriefEnabled, r.rejectionTemplateId);
    }
}
