package app.candor.system;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns refusals into answers a person can act on: Problem Details JSON under /api, a plain error
 * page elsewhere. Messages are written here or by the services; no class, table or stack trace
 * reaches the client. Unexpected exceptions are logged and answered with an opaque 500.
 */
public class ProblemMappers {

    /** Friendly words for the unique constraints that a race can still hit after the service checked. */
    private static final Map<String, String> CONSTRAINT_MESSAGES = Map.of(
            "uk_application_requisition_candidate", "This candidate is already in this requisition.",
            "uk_candidate_email", "A candidate with this e-mail address already exists.",
            "uk_app_user_username", "A user with this username already exists.",
            "uk_message_cause", "This was already recorded and its message written; nothing new was sent.");

    @CheckedTemplate(basePath = "ErrorPage")
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail, List<String> errors);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(uri, e.status, e.title, e.getMessage(), e.errors);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.field(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(Problem.FieldError::describe).collect(Collectors.joining("; "));
        return respond(uri, 400, "Invalid input", detail, errors);
    }

    /**
     * Also registered for {@link MismatchedInputException} (and so {@link InvalidFormatException}): quarkus-rest-jackson
     * has its own mapper for that type, which would otherwise win and answer plain JSON without Problem Details; and
     * for {@link InvalidDefinitionException}, which Jackson raises for input a record cannot take (its own mapper answers 500).
     * What is refused is set in {@link StrictJson}.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, InvalidDefinitionException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            String message = "appears more than once; send each field once.";
            return respond(uri, 400, "Invalid input", duplicate + ": " + message, List.of(Problem.FieldError.field(duplicate, message)));
        }
        if (isSyntaxError(e)) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            return respond(uri, 400, "Invalid input", "The request body is not valid JSON" + where + ".", List.of());
        }
        String field = e instanceof JsonMappingException jme && !jme.getPath().isEmpty() ? jsonPath(jme) : null;
        if (field == null) {
            String detail = e instanceof MismatchedInputException && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")
                    ? "The request body has more after its JSON document; send exactly one." : "The request body is not valid JSON.";
            return respond(uri, 400, "Invalid input", detail, List.of());
        }
        Class<?> target = e instanceof MismatchedInputException mie ? mie.getTargetType() : null;
        Object value = e instanceof InvalidFormatException ife ? ife.getValue() : null;
        String message;
        if (target != null && target.isEnum()) {
            String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
            message = (value instanceof String ? "'" + value + "' is not one of " : "must be one of ") + allowed
                    + (value instanceof String ? "." : ", as text in quotes.");
        } else if (causedBy(e, InputCoercionException.class)) {
            message = "is out of range.";
        } else if (target != null && WHOLE_NUMBERS.contains(target)) {
            message = "must be a whole number" + (value == null ? "." : ", not '" + value + "'.");
        } else if (target == LocalDate.class) {
            message = (value == null ? "is not" : "'" + value + "' is not") + " a date like 2026-12-01.";
        } else if (target == OffsetDateTime.class) {
            message = (value == null ? "is not" : "'" + value + "' is not") + " a date and time like 2026-12-01T10:00:00+01:00.";
        } else if (value != null) {
            message = "'" + value + "' is not a valid value.";
        } else {
            message = "has the wrong type or shape.";
        }
        return respond(uri, 400, "Invalid input", field + ": " + message, List.of(Problem.FieldError.field(field, message)));
    }

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(
            Long.class, long.class, Integer.class, int.class, Short.class, short.class);

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    /** The key a strict parser found twice, or null. */
    private static String duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe && jpe.getOriginalMessage() != null) {
                var m = DUPLICATE.matcher(jpe.getOriginalMessage());
                if (m.find()) {
                    String path = t instanceof JsonMappingException jme && !jme.getPath().isEmpty() ? jsonPath(jme) + "." : "";
                    return path + m.group(1);
                }
            }
        }
        return null;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The form and multipart readers of Quarkus REST fail on a body they cannot read (a malformed %-escape,
     * more than 1,000 fields, a broken or truncated multipart body) with bare
     * runtime or I/O exceptions, which would be 500s: those are the client's mistake, a 400. This mapper has
     * to take every {@link RuntimeException} to see them; any other one is a fault of ours, logged and
     * answered with an opaque 500 that names nothing.
     */
    @ServerExceptionMapper({RuntimeException.class, IllegalArgumentException.class, IOException.class})
    public Response unreadableBodyOrFault(Exception e, UriInfo uri) {
        if (thrownReadingTheBody(e) || e instanceof IOException) { // I/O: the body broke off (the client went away)
            Log.debugf("Unreadable request body: %s", e.getMessage());
            String detail = e.getMessage() != null && e.getMessage().startsWith("Param limit")
                    ? "The form has too many fields." : "The form in the request body could not be read (malformed encoding or multipart body).";
            return respond(uri, 400, "Bad request", detail, List.of());
        }
        Log.error("Unexpected failure", e);
        return respond(uri, 500, "Internal error", "The request could not be completed.", List.of());
    }

    private static boolean thrownReadingTheBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement frame : t.getStackTrace()) {
                String c = frame.getClassName();
                if (c.startsWith("org.jboss.resteasy.reactive.server.core.multipart.")
                        || c.equals("org.jboss.resteasy.reactive.server.handlers.FormBodyHandler")) {
                    return true;
                }
            }
        }
        return false;
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, 403, "Forbidden", "Your role does not allow this.", List.of());
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(uri, 409, "Conflict", "Someone else changed this record at the same time; reload and try again.", List.of());
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException cve && cve.getConstraintName() != null) {
                String name = cve.getConstraintName().toLowerCase();
                for (var entry : CONSTRAINT_MESSAGES.entrySet()) {
                    if (name.contains(entry.getKey())) {
                        return respond(uri, 409, "Conflict", entry.getValue(), List.of());
                    }
                }
            }
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return optimisticLock(null, uri);
            }
        }
        Log.error("Unexpected persistence failure", e);
        return respond(uri, 500, "Internal error", "The request could not be completed; nothing was saved.", List.of());
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status == 401) {
            // Redirects and authentication challenges keep their own response (login redirect, WWW-Authenticate).
            return e.getResponse();
        }
        // quarkus-rest wraps a JSON syntax error (unclosed string, trailing garbage) in a plain 400.
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe) {
                return unreadableJson(jpe, uri);
            }
        }
        String detail = switch (status) {
            case 400 -> "The request could not be read: check its body and parameters.";
            case 404 -> "There is nothing at " + uri.getPath() + ".";
            case 405 -> "This method is not allowed here.";
            case 406 -> "This resource cannot answer in the requested media type.";
            case 415 -> "This media type is not accepted here.";
            case 413 -> "The request is too large.";
            default -> Response.Status.fromStatusCode(status) != null
                    ? Response.Status.fromStatusCode(status).getReasonPhrase() : "The request failed.";
        };
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return respond(uri, status, title, detail, List.of());
    }

    static Response respond(UriInfo uri, int status, String title, String detail, List<Problem.FieldError> errors) {
        String path = uri == null ? "" : uri.getPath();
        if (path.startsWith("/api")) {
            Problem body = new Problem("about:blank", title, status, detail, path, errors.isEmpty() ? null : errors);
            return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
        }
        List<String> lines = new ArrayList<>();
        errors.forEach(err -> lines.add(err.describe()));
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail, lines)).build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            // Skip the method and parameter names of the resource method: clients know fields, not Java.
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.PARAMETER
                    || node.getKind() == ElementKind.CROSS_PARAMETER || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getName() != null) {
                names.add(node.getName());
            }
        }
        return names.isEmpty() ? "request" : String.join(".", names);
    }

    /** Broken JSON text, as opposed to well-formed JSON of the wrong shape. */
    private static boolean isSyntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException) {
                return true;
            }
        }
        return false;
    }

    private static String jsonPath(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "body" : path;
    }
}
