package app.candor.system;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An RFC 9457 Problem Details body. {@code errors} lists field-level problems where there are
 * several (validation, CSV rows), each with the field or line it concerns.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Longest quoted value a refusal repeats back ("'…' is not a number"); what was sent needs no echo in full. */
    static final int QUOTED_AT_MOST = 80;
    private static final Pattern LONG_QUOTE = Pattern.compile("'([^']{" + QUOTED_AT_MOST + "})[^']+'");

    public Problem {
        detail = shortened(detail);
    }

    /**
     * {@code text} with each quoted value cut to {@link #QUOTED_AT_MOST} characters: a refusal of a 100 kB field
     * answered with 200 kB, the value twice.
     */
    static String shortened(String text) {
        return text == null || text.length() <= QUOTED_AT_MOST ? text : LONG_QUOTE.matcher(text).replaceAll(m -> Matcher.quoteReplacement("'" + m.group(1) + "…'"));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record FieldError(String field, Integer line, String message) {

        public FieldError {
            message = shortened(message);
        }

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
