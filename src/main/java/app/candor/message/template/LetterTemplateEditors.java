package app.candor.message.template;

import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import java.time.Clock;

/**
 * Who may edit letter templates, the one rule the template pages, the API and the layout's menu call: admins, and
 * recruiters while an admin allows it ({@link LetterTemplatePolicy}, stored, off until turned on).
 */
@Named("letterTemplateEditors")
@ApplicationScoped
public class LetterTemplateEditors {

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    /** The signed-in user if they may edit templates; 403 otherwise. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public User require() {
        User me = currentUser.get();
        if (!mayEdit(me)) {
            throw new ProblemException(403, "Forbidden", "Only admins edit letter templates; an admin can let recruiters edit them too "
                    + "(Letter templates, \u201cWho may edit\u201d).", null);
        }
        return me;
    }

    /** Whether the signed-in user may edit templates (for the menu); false when nobody is signed in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAllowed() {
        return currentUser.isSignedIn() && (currentUser.isAdmin() || (currentUser.isRecruiter() && recruitersMayEdit()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean recruitersMayEdit() {
        return LetterTemplatePolicy.current().recruitersMayEdit;
    }

    /** An admin lets recruiters edit letter templates, or no longer; kept with who and when. */
    @Transactional
    public LetterTemplatePolicy allowRecruiters(boolean allowed, User admin) {
        if (!admin.isAdmin()) {
            throw new ProblemException(403, "Forbidden", "Only admins decide who may edit letter templates.", null);
        }
        LetterTemplatePolicy policy = LetterTemplatePolicy.current();
        policy.recruitersMayEdit = allowed;
        policy.changedBy = admin.username;
        policy.changedAt = clock.instant();
        Log.infof("Recruiters %s edit letter templates (set by %s)", allowed ? "may" : "may no longer", admin.username);
        return policy;
    }

    private boolean mayEdit(User me) {
        return me.isAdmin() || (me.isRecruiter() && recruitersMayEdit());
    }
}
