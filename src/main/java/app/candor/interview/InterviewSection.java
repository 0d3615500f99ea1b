package app.candor.interview;

import app.candor.system.Form;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The Interviews section of the application page: the application's interviews, and for recruiters
 * the schedule form (with what was typed and the errors of a refused one), the move forms and the cancel buttons.
 *
 * @param cancel a refused cancellation or move, shown above the table
 * @param people the hiring managers and recruiters who can be chosen as interviewers
 */
public record InterviewSection(List<Line> interviews, Form form, List<InterviewKind> kinds, List<PersonRow> rows, Form cancel,
                               List<Choice> people) {

    /** A hiring manager or recruiter who can be chosen as an interviewer. */
    public record Choice(long id, String label) {
    }

    /** Only a web address is made a link; anything else typed as a location is shown as text. */
    private static final Pattern WEB_ADDRESS = Pattern.compile("(?i)^https?://\\S+$");

    /**
     * One interview in the table; {@code link} is its meeting link when it has one that can be followed; {@code startsAtLocal}
     * its start in the company's zone, as the move form's time input takes it.
     */
    public record Line(InterviewView interview, String link, boolean cancellable, String startsAtLocal) {
        static Line of(InterviewView i, ZoneId zone) {
            String link = i.location() != null && WEB_ADDRESS.matcher(i.location()).matches() ? i.location() : null;
            return new Line(i, link, i.state() == InterviewState.SCHEDULED,
                    Form.dateTimeLocal(LocalDateTime.ofInstant(i.startsAt(), zone)));
        }
    }

    /** One row of person, name, title and address inputs (1-based), with what was typed and its errors. */
    public record PersonRow(int number, String name, String title, String nameError, String titleError, String user, String userError,
                            String email, String emailError) {
        public boolean chosen(Choice c) {
            return user.equals(Long.toString(c.id()));
        }
    }

    /** The section for {@code interviews}, with {@code form} as typed (or {@link InterviewForm#defaults()}). */
    public static InterviewSection of(List<InterviewView> interviews, List<Choice> people, ZoneId zone, Form form, Form cancel) {
        Form f = form == null ? InterviewForm.defaults() : form;
        List<PersonRow> rows = new ArrayList<>();
        for (int row = 1; row <= InterviewForm.rows(f); row++) {
            String name = InterviewForm.key(row, "name");
            String title = InterviewForm.key(row, "title");
            String user = InterviewForm.key(row, "person");
            String email = InterviewForm.key(row, "email");
            rows.add(new PersonRow(row, f.value(name), f.value(title), f.error(name), f.error(title), f.value(user), f.error(user),
                    f.value(email), f.error(email)));
        }
        return new InterviewSection(interviews.stream().map(i -> Line.of(i, zone)).toList(), f, List.of(InterviewKind.values()), rows,
                cancel == null ? Form.empty() : cancel, people);
    }
}
