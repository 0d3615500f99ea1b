package app.candor.architecture;

import app.candor.support.DatabaseNeutral;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Tests assert with AssertJ, one library with one way of reading a failure (CONTRIBUTING.md). Hamcrest matchers
 * stay only as arguments of REST Assured's own {@code then()} ({@code .body(path, matcher)}, {@code .statusCode(..)});
 * JUnit's {@code Assertions} and Hamcrest's standalone {@code assertThat} are refused. JUnit's {@code Assumptions}
 * (skipping a test) are fine.
 */
@DatabaseNeutral
class OneAssertionLibraryTest {

    @Test
    void testsAssertWithAssertJ() {
        JavaClasses tests = new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages(FeatureDependenciesTest.ROOT);
        noClasses()
                .should().dependOnClassesThat().haveFullyQualifiedName("org.junit.jupiter.api.Assertions")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.hamcrest.MatcherAssert")
                .because("AssertJ is the assertion library; Hamcrest matchers only inside REST Assured's then()")
                .check(tests);
    }
}
