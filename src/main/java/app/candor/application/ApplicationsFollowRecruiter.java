package app.candor.application;

import app.candor.requisition.RecruiterReassigned;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** A requisition's applications carry its recruiter (the closure board's "mine" reads it) and follow a reassignment. */
@ApplicationScoped
public class ApplicationsFollowRecruiter {

    /** In the transaction that reassigned the requisition. */
    void follow(@Observes RecruiterReassigned reassigned) {
        // Native SQL, as every bulk update of applications (Application says why).
        Application.getEntityManager().createNativeQuery("update application set recruiter_id = ?1 where requisition_id = ?2")
                .setParameter(1, reassigned.recruiter().id).setParameter(2, reassigned.requisition().id)
                .executeUpdate();
    }
}
