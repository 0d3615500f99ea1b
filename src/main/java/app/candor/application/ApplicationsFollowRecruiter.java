package app.candor.application;

import app.candor.requisition.RecruiterReassigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A requisition's applications carry its recruiter (the closure board's "mine" reads it) and follow a reassignment. */
@ApplicationScoped
public class ApplicationsFollowRecruiter {

    /** In the transaction that reassigned the requisition. */
    void follow(@Observes RecruiterReassigned reassigned) {
        Application.update("recruiterId = ?1 where requisition.id = ?2", reassigned.recruiter().id, reassigned.requisition().id);
    }
}
