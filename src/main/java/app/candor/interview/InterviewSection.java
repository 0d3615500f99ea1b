package app.candor.interview;

import app.candor.system.Form;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The Interviews section of the application page: the application's interviews, and for recruiters
 * the schedule form (with what was typed and the errors of a refused one) and the cancel buttons.
 *
 * @param cancel a refused cancellation, shown above the table
 */
public record InterviewSection(List<Line> interviews, Form form, List<InterviewKind> kinds, List<PersonRow> rows, Form cancel) {

    /** Only a web address is made a link; anything else typed as a location is shown as text. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)^https?://\\S+$");

    /** One interview in the table; {@code link} is its meeting link when it has one that can be followed. */
    public record Line(InterviewView interview, String link, boolean cancellable) {
        static Line of(InterviewView i) {
            String link = i.location() != null && WEB_ADDRESS.matcher(i.location()).matches() ? i.location() : null;
            return new Line(i, link, i.state() == InterviewState.SCHEDULED);
        }
    }

    /** One row of name and title inputs (1-based), with what was typed and its errors. */
    public record PersonRow(int number, String name, String title, String nameError, String titleError) {
    }

    /** The section for {@code interviews}, with {@code form} as typed (or {@link InterviewForm#defaults()}). */
    public static InterviewSection of(List<InterviewView> interviews, Form form, Form cancel) {
        Form f = form == null ? InterviewForm.defaults() : form;
        List<PersonRow> rows = new java.util.ArrayList<>();
        for (int row = 1; row <= InterviewForm.rows(f); row++) {
            String name = InterviewForm.key(row, "name");
            String title = InterviewForm.key(row, "title");
            rows.add(new PersonRow(row, f.value(name), f.value(title), f.error(name), f.error(title)));
        }
        return new InterviewSection(interviews.stream().map(Line::of).toList(), f, List.of(InterviewKind.values()), rows,
                cancel == null ? Form.empty() : cancel);
    }
}
