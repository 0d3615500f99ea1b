package app.candor.application;

import app.candor.system.Form;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.Response;

/**
 * The application page as the features' form handlers need it: shown again with their refused form open
 * (what was typed, the errors summarised and focused). Implemented by the page itself, which sits above
 * the features, so that a feature's form handler does not depend on the page that composes it.
 */
public interface ApplicationPageForms {

    /** The page with {@code action}'s form open as {@code refused} (already failed with the refusal). */
    TemplateInstance withForm(long applicationId, ApplicationAction action, Form refused);

    /**
     * Where a reload of a refused form's address leads: the page with that form open (404 for an
     * application the viewer may not see, as the page gives).
     */
    Response reload(long applicationId, ApplicationAction action);
}
