package app.candor.system;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Free text of several lines (notes, feedback): line breaks (LF, or CR LF as a browser sends them) and
 * tabs are text; every other control character (NUL, a lone CR, escape sequences...) is refused, as it
 * would otherwise be delivered to a candidate, and so is U+FFFD (bytes that were not UTF-8). Null is valid.
 */
@Documented
@Constraint(validatedBy = MultiLine.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface MultiLine {

    String message() default "must not contain control characters other than line breaks and tabs";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MultiLine, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || isText(value);
        }

        public static boolean isText(CharSequence value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean lineBreak = c == '\n' || c == '\t' || (c == '\r' && i + 1 < value.length() && value.charAt(i + 1) == '\n');
                if (!lineBreak && Character.isISOControl(c) || c == '\uFFFD') { // U+FFFD: bytes that were not UTF-8
                    return false;
                }
            }
            return true;
        }
    }
}
