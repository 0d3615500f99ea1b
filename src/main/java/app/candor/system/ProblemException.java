package app.candor.system;

import java.util.List;

/**
 * A refusal with a status and a message meant for the user: services throw it, the API renders it
 * as Problem Details and pages show its message. Nothing in it names a class or a table.
 */
public class ProblemException extends RuntimeException {

    public final int status;
    public final String title;
    public final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "Bad request", detail, null);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(400, "Invalid input", detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(Problem.FieldError.field(field, message)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not found", what + " " + id + " does not exist or is not visible to you.", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, null);
    }
}
