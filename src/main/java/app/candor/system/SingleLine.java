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
 * Text that ends up on one line of a letter, a subject or a mail header (names, titles, e-mail addresses):
 * no control character at all, so no CR/LF can start a new line ("Dear Ms Name\r\nBcc: ...") and no NUL
 * reaches a mail or the database. Null is valid (use @NotBlank to require a value).
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

    String message() default "must be a single line of text without control characters (no line breaks, tabs or NUL)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, CharSequence> {
        @Override
        public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
            return value == null || value.chars().noneMatch(Validator::isLineOrControl);
        }

        /** C0 and C1 controls, DEL, and U+FFFD, which is what a form decoder makes of bytes that were not UTF-8. */
        static boolean isLineOrControl(int c) {
            return Character.isISOControl(c) || c == '\uFFFD';
        }
    }
}
