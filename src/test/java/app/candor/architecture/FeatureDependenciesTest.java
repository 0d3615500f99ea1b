package app.candor.architecture;

import app.candor.support.DatabaseNeutral;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages form one order (docs/architecture.md): a class may use its own package and the packages
 * BEFORE it in {@link #ORDER}, never one after it. {@code system} comes first and so depends on no feature. A side
 * effect that has to run the other way is a CDI event, fired by the lower package and observed by the higher one; a
 * lower package that needs a higher one's data names an interface the higher one provides. A new package must be
 * placed in the order.
 */
@DatabaseNeutral
class FeatureDependenciesTest {

    static final String ROOT = "app.candor";

    /** Lowest first. */
    static final List<String> ORDER = List.of(
            "system", "user", "requisition", "candidate", "application", "link", "message",
            "interview", "feedback", "debrief", "withdrawal", "closure", "applicationpage", "candidatepage", "requisitionpage", "bulk", "search", "notification",
            "webhook", "bounce", "privacy", "demo");

    @Test
    void featurePackagesDependOnlyOnThoseBeforeThem() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        Map<String, List<String>> wrongWay = new TreeMap<>();
        Set<String> unplaced = new TreeSet<>();
        for (JavaClass type : classes) {
            String from = feature(type);
            if (from == null) {
                continue;
            }
            if (!ORDER.contains(from)) {
                unplaced.add(from);
                continue;
            }
            for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                String to = feature(dependency.getTargetClass());
                if (to == null || to.equals(from) || !ORDER.contains(to)) {
                    continue;
                }
                if (ORDER.indexOf(to) > ORDER.indexOf(from)) {
                    wrongWay.computeIfAbsent(from + " -> " + to, k -> new ArrayList<>())
                            .add(type.getSimpleName() + " uses " + dependency.getTargetClass().getSimpleName());
                }
            }
        }
        assertThat(unplaced).as("feature packages missing from ORDER").isEmpty();
        assertThat(wrongWay).as("dependencies against the order (use a CDI event, an interface the higher package provides,"
                + " or move the class up)").isEmpty();
    }

    /** The first package segment under app.candor, or null for classes outside it (libraries, the JDK). */
    private static String feature(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT + ".")) {
            return null;
        }
        String rest = name.substring(ROOT.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
