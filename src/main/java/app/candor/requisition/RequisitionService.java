package app.candor.requisition;

import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;

@ApplicationScoped
public class RequisitionService {

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    RejectionLetters rejectionLetters;

    @Inject
    Event<RecruiterReassigned> reassigned;

    @Transactional
    public Requisition create(RequisitionInput input, User actor) {
        validator.requireValid(input);
        Requisition r = new Requisition();
        r.createdAt = clock.instant();
        apply(r, input, actor);
        r.persist();
        Log.infof("Requisition %d '%s' created by %s", r.id, r.title, actor.username);
        return r;
    }

    @Transactional
    public Requisition update(long id, RequisitionInput input, User actor) {
        validator.requireValid(input);
        Requisition r = Requisition.findVisible(id, actor).orElseThrow(() -> ProblemException.notFound("Requisition", id));
        apply(r, input, r.recruiter);
        return r;
    }

    @Transactional
    public List<Requisition> list(User viewer, boolean onlyMine) {
        return Requisition.listVisible(viewer, onlyMine);
    }

    /** The rejection letters a requisition may name as its default (for its form). */
    public List<RejectionLetters.Option> rejectionLetters() {
        return rejectionLetters.options();
    }

    private void apply(Requisition r, RequisitionInput input, User defaultRecruiter) {
        if (input.rejectionTemplateId() != null && input.rejectionTemplateId() != 0) {
            rejectionLetters.requireOption(input.rejectionTemplateId(), "rejectionTemplateId");
        }
        User recruiter = input.recruiterId() == null ? defaultRecruiter
                : activeWithRole(input.recruiterId(), Role.RECRUITER, "recruiterId", "recruiter");
        if (!recruiter.isRecruiter()) {
            throw ProblemException.invalidField("recruiterId", "is required: you are not a recruiter yourself");
        }
        if (r.id != null && r.recruiter != null && !r.recruiter.id.equals(recruiter.id)) {
            reassigned.fire(new RecruiterReassigned(r, recruiter));
        }
        r.recruiter = recruiter;
        r.hiringManager = activeWithRole(input.hiringManagerId(), Role.HIRING_MANAGER, "hiringManagerId", "hiring manager");
        r.title = input.title().strip();
        if (input.debriefEnabled() != null) {
            r.debriefEnabled = input.debriefEnabled();
        }
        if (input.rejectionTemplateId() != null) {
            r.rejectionTemplateId = input.rejectionTemplateId() == 0 ? null : input.rejectionTemplateId();
        }
        r.updatedAt = clock.instant();
    }

    private static User activeWithRole(long id, String role, String field, String what) {
        User user = User.findById(id);
        if (user == null || !user.active || !user.hasRole(role)) {
            throw ProblemException.invalidField(field, "user " + id + " is not an active " + what);
        }
        return user;
    }
}
