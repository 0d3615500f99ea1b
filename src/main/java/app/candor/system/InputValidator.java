package app.candor.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Services validate their input records here, so that the API and the pages refuse the same
 * things with the same words.
 */
@ApplicationScoped
public class InputValidator {

    @Inject
    Validator validator;

    public void requireValid(Object input) {
        if (input == null) {
            throw ProblemException.badRequest("A request body is required.");
        }
        List<Problem.FieldError> errors = validator.validate(input).stream()
                .map(v -> Problem.FieldError.field(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    errors.stream().map(Problem.FieldError::describe).collect(Collectors.joining("; ")), errors);
        }
    }

    /** Trimmed text, or null when blank: forms send "" for an empty optional field. */
    public static String clean(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String describe(ConstraintViolation<?> v) {
        return v.getPropertyPath() + ": " + v.getMessage();
    }
}
