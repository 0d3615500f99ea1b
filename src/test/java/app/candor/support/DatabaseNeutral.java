package app.candor.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test whose outcome cannot depend on which database runs under it: input refused before any SQL, headers and
 * markup, a page walk in the browser over flows the API tests cover, a pure rule, or H2 itself. The default pass
 * runs it; the PostgreSQL pass ({@code -Ppostgresql}) leaves it out (JUnit tag {@value #TAG}), so that CI's second
 * pass spends its time on what SQL decides. When in doubt, do not put it on a test.
 */
@Tag(DatabaseNeutral.TAG)
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface DatabaseNeutral {
    String TAG = "database-neutral";
}
