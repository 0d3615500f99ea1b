package app.candor.interview;

import app.candor.system.Form;
import app.candor.system.Problem;
import app.candor.system.ProblemException;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The "Schedule an interview" form on the application page: what was typed, read into an
 * {@link InterviewInput}. The time is read in the company time zone; interviewer rows left empty
 * are ignored; a refusal of the n-th person is shown beside the row it was typed in.
 */
public final class InterviewForm {

    /** Rows of interviewer inputs on an empty form. */
    static final int ROWS = 3;

    /** Rows read from a post at most; the service refuses more than 10 people anyway. */
    private static final int MAX_ROWS = 50;

    private static final Pattern PERSON_FIELD = Pattern.compile("interviewers\\[(\\d+)]\\.(name|title|userId|email)");

    private InterviewForm() {
    }

    /** A fresh form: the usual duration filled in. */
    public static Form defaults() {
        return Form.empty().with("durationMinutes", InterviewService.DEFAULT_MINUTES);
    }

    /** The form key of a row's name or title (1-based row); it also names the field in the error summary. */
    static String key(int row, String part) {
        return "interviewer " + row + " " + part;
    }

    /** The form as typed, without people chosen from the users or addresses (the older form). */
    static Form of(String startsAt, String durationMinutes, String kind, String location, List<String> names, List<String> titles) {
        return of(startsAt, durationMinutes, kind, location, names, titles, null, null);
    }

    /** The form as typed; the interviewer lists (chosen user, name, title, address) may be missing or of unequal length. */
    static Form of(String startsAt, String durationMinutes, String kind, String location, List<String> names, List<String> titles,
                   List<String> users, List<String> emails) {
        Form form = Form.empty().with("startsAt", startsAt).with("durationMinutes", durationMinutes).with("kind", kind)
                .with("location", location);
        int rows = Math.min(MAX_ROWS, Math.max(Math.max(size(names), size(titles)), Math.max(size(users), size(emails))));
        for (int i = 0; i < rows; i++) {
            form.with(key(i + 1, "name"), at(names, i)).with(key(i + 1, "title"), at(titles, i))
                    .with(key(i + 1, "person"), at(users, i)).with(key(i + 1, "email"), at(emails, i));
        }
        return form.with("rows", rows);
    }

    /** How many interviewer rows the form shows: at least {@link #ROWS}, more if more were posted. */
    static int rows(Form form) {
        String posted = form.value("rows");
        return Math.max(ROWS, posted.isEmpty() ? 0 : Integer.parseInt(posted));
    }

    /** The rows with a name or a title, as 1-based row numbers. */
    static List<Integer> filledRows(Form form) {
        List<Integer> filled = new ArrayList<>();
        for (int row = 1; row <= rows(form); row++) {
            if (!form.value(key(row, "name")).isBlank() || !form.value(key(row, "title")).isBlank()
                    || !form.value(key(row, "person")).isBlank() || !form.value(key(row, "email")).isBlank()) {
                filled.add(row);
            }
        }
        return filled;
    }

    /**
     * What the form asks for. Everything the form itself can tell (time, number, kind) is refused
     * here, all at once; the rest is the service's to check, as for the API.
     */
    static InterviewInput input(Form form, ZoneId zone) {
        List<Problem.FieldError> errors = new ArrayList<>();
        OffsetDateTime startsAt = null;
        if (form.value("startsAt").isBlank()) {
            errors.add(Problem.FieldError.field("startsAt", "is required: the day and time the interview starts"));
        } else {
            startsAt = read(errors, () -> form.dateTimeValue("startsAt", zone));
        }
        Long minutes = read(errors, () -> form.longValue("durationMinutes"));
        if (minutes != null && (minutes < Integer.MIN_VALUE || minutes > Integer.MAX_VALUE)) {
            errors.add(Problem.FieldError.field("durationMinutes", "must be between 5 and 600 minutes"));
            minutes = null;
        }
        InterviewKind kind = read(errors, () -> Form.enumValue("kind", form.value("kind"), InterviewKind.class));
        if (kind == null && form.value("kind").isBlank()) {
            errors.add(Problem.FieldError.field("kind", "choose how the interview takes place"));
        }
        List<InterviewInput.InterviewerInput> people = new ArrayList<>();
        for (int row : filledRows(form)) {
            Long user = read(errors, () -> form.longValue(key(row, "person")));
            String email = form.value(key(row, "email")).strip();
            people.add(new InterviewInput.InterviewerInput(form.value(key(row, "name")), form.value(key(row, "title")), user,
                    email.isEmpty() ? null : email));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(String.join("; ", errors.stream().map(Problem.FieldError::describe).toList()), errors);
        }
        return new InterviewInput(startsAt, minutes == null ? null : minutes.intValue(), kind, form.value("location"), people);
    }

    /**
     * The same refusal with each person's error moved to the row it was typed in ("interviewers[0].title"
     * is the first filled row, which need not be the first row).
     */
    static ProblemException onRows(ProblemException e, Form form) {
        if (e.errors.isEmpty()) {
            return e;
        }
        List<Integer> filled = filledRows(form);
        List<Problem.FieldError> errors = e.errors.stream().map(error -> {
            Matcher m = error.field() == null ? null : PERSON_FIELD.matcher(error.field());
            if (m == null || !m.matches()) {
                return error;
            }
            int index = Integer.parseInt(m.group(1));
            String part = m.group(2).equals("userId") ? "person" : m.group(2);
            return index < filled.size() ? Problem.FieldError.field(key(filled.get(index), part), error.message()) : error;
        }).toList();
        return new ProblemException(e.status, e.title, e.getMessage(), errors);
    }

    private interface Reading<T> {
        T read();
    }

    /** A value, or null with its refusal added to {@code errors}. */
    private static <T> T read(List<Problem.FieldError> errors, Reading<T> reading) {
        try {
            return reading.read();
        } catch (ProblemException e) {
            errors.addAll(e.errors);
            return null;
        }
    }

    private static int size(List<String> values) {
        return values == null ? 0 : values.size();
    }

    private static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : "";
    }
}
