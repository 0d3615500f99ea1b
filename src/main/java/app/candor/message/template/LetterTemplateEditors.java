package app.candor.message.template;

import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Who may edit letter templates: the one rule the template pages and the API call. */
@ApplicationScoped
public class LetterTemplateEditors {

    @Inject
    CurrentUser currentUser;

    @Inject
    CandorConfig config;

    /** The signed-in user if they may edit templates: admins; recruiters where an admin allows it. 403 otherwise. */
    public User require() {
        User me = currentUser.get();
        if (!me.isAdmin() && !config.templates().recruitersMayEdit()) {
            throw new ProblemException(403, "Forbidden", "Only admins edit letter templates (candor.templates.recruiters-may-edit).", null);
        }
        return me;
    }
}
