package app.candor.support;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks where each test starts and ends in the app's log ({@code target/quarkus-test.log} while a @QuarkusTest app
 * runs), so that what the app did during a test that failed can be cut out of it: {@code .ci/run} prints those lines
 * for each failed test, since a CI view may show only the end of the output. Registered for every test class through
 * JUnit's extension auto-detection, which Quarkus's JUnit configuration turns on. At DEBUG: the test profile writes
 * these to the file only, not to the console.
 */
public final class TestsInAppLog implements BeforeEachCallback, AfterEachCallback {

    private static final Logger LOG = Logger.getLogger("app.candor.test");

    @Override
    public void beforeEach(ExtensionContext context) {
        LOG.debugf("Test starts: %s", name(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LOG.debugf("Test ends: %s%s", name(context), context.getExecutionException().map(e -> " (failed)").orElse(""));
    }

    /** As Surefire names a test in its report: the class's full name, a dot, the method's name. */
    private static String name(ExtensionContext context) {
        return context.getRequiredTestClass().getName() + "." + context.getRequiredTestMethod().getName();
    }
}
