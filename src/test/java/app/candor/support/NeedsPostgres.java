package app.candor.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class about PostgreSQL itself (query plans, row locks, migrations), which runs whatever database the rest of the
 * suite runs on: its tests run only when CANDOR_TEST_PG_URL names the test PostgreSQL. Without one each is skipped
 * locally (counted as skipped, and logged with what to set) and the class fails on CI ({@link TestDatabase#postgresGiven}).
 * Its set-up finds its schema with {@link PostgresSchema}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NeedsPostgres.Given.class)
public @interface NeedsPostgres {

    /** Decides once per class, before its {@code @BeforeAll} would touch the database. */
    class Given implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (context.getTestMethod().isPresent()) {
                return ConditionEvaluationResult.enabled("decided for the class");
            }
            String test = context.getTestClass().map(Class::getSimpleName).orElse(context.getDisplayName());
            return TestDatabase.postgresGiven(test) ? ConditionEvaluationResult.enabled("CANDOR_TEST_PG_URL given")
                    : ConditionEvaluationResult.disabled("skipped: no PostgreSQL URL given (CANDOR_TEST_PG_URL)");
        }
    }
}
