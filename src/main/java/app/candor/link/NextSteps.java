package app.candor.link;

import app.candor.application.Application;

import java.util.Optional;

/**
 * What comes next for a candidate (an upcoming interview), in their language, for the top of their status page.
 * Implemented by the feature that knows it, so that the candidate pages do not depend on it.
 */
public interface NextSteps {

    Optional<String> next(Application application, String language);
}
