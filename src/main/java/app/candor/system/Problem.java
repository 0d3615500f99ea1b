package app.candor.system;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * An RFC 9457 Problem Details body. {@code errors} lists field-level problems where there are
 * several (validation, CSV rows), each with the field or line it concerns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, Integer line, String message) {
        public static FieldError field(String field, String message) {
            return new FieldError(field, null, message);
        }

        public static FieldError line(int line, String message) {
            return new FieldError(null, line, message);
        }

        /** A short human form, for pages. */
        public String describe() {
            if (line != null) {
                return "Line " + line + ": " + message;
            }
            return field == null ? message : field + ": " + message;
        }
    }
}
