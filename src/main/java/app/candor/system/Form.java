package app.candor.system;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a page form sent and what was wrong with it, so that a refused form is shown again with
 * the person's input and each error beside its field.
 */
public class Form {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final List<String> general = new ArrayList<>();
    private final Map<String, Set<String>> multi = new HashMap<>();

    public static Form empty() {
        return new Form();
    }

    public Form with(String name, Object value) {
        values.put(name, value == null ? "" : value.toString());
        return this;
    }

    /** A multi-valued field (checkboxes of one name). */
    public Form withAll(String name, Collection<?> options) {
        multi.put(name, options == null ? Set.of()
                : options.stream().map(Object::toString).collect(Collectors.toSet()));
        return this;
    }

    /** Whether {@code option} was among the values of a multi-valued field. */
    public boolean contains(String name, Object option) {
        return option != null && multi.getOrDefault(name, Set.of()).contains(option.toString());
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public boolean checked(String name) {
        String v = value(name);
        return v.equals("true") || v.equals("on");
    }

    public boolean selected(String name, Object option) {
        return option != null && value(name).equals(option.toString());
    }

    public boolean hasError(String name) {
        return errors.containsKey(name);
    }

    public String error(String name) {
        return errors.getOrDefault(name, "");
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || !general.isEmpty();
    }

    /** Every message, field ones first, for the summary at the top of a form. */
    public List<String> messages() {
        List<String> all = new ArrayList<>();
        errors.forEach((field, message) -> all.add(sentence(field, message)));
        all.addAll(general);
        return all;
    }

    /** Takes a refusal's messages: field errors beside their fields, the rest at the top. */
    public Form fail(ProblemException e) {
        if (e.errors.isEmpty()) {
            general.add(e.getMessage());
        }
        for (Problem.FieldError error : e.errors) {
            if (error.field() != null) {
                errors.putIfAbsent(error.field(), error.message());
            } else {
                general.add(error.describe());
            }
        }
        return this;
    }

    /** A whole-number form value, or null when empty; a refusal naming the field when not a number. */
    public Long longValue(String name) {
        String v = value(name).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(name, "'" + v + "' is not a number");
        }
    }

    /** One of an enum's constants by name, or null when empty; a refusal listing the choices otherwise. */
    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            String choices = Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", "));
            throw ProblemException.invalidField(name, "'" + v + "' is not one of " + choices);
        }
    }

    /** A date form value (yyyy-mm-dd, as date inputs send it), or null when empty. */
    public LocalDate dateValue(String name) {
        String v = value(name).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "'" + v + "' is not a date like 2026-12-01");
        }
    }

    /**
     * A date and time form value (2026-12-01T09:00, as datetime-local inputs send it) read as a time
     * in {@code zone}, or null when empty.
     */
    public OffsetDateTime dateTimeValue(String name, ZoneId zone) {
        String v = value(name).strip();
        if (v.isEmpty()) {
            return null;
        }
        try {
            return LocalDateTime.parse(v).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(name, "'" + v + "' is not a date and time like 2026-12-01T09:00");
        }
    }

    /** How a datetime-local input wants its value: 2026-12-01T09:00, to the minute. */
    public static String dateTimeLocal(LocalDateTime time) {
        return time == null ? "" : time.withSecond(0).withNano(0).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
    }

    /**
     * A field's error as a sentence for the summary, in plain words: "Note is required when moving backwards", not
     * "note: is required ..."; a message that names its field already, or says something else, keeps a label before it.
     */
    static String sentence(String field, String message) {
        if (message.startsWith(field)) {
            return message;
        }
        String label = label(field);
        String capital = Character.toUpperCase(label.charAt(0)) + label.substring(1);
        if (message.startsWith("is ") || message.startsWith("must ")) {
            return capital + " " + message;
        }
        return capital + ": " + message;
    }

    private static String label(String field) {
        return field.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
    }
}
