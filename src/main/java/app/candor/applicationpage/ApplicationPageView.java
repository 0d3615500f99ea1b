package app.candor.applicationpage;

import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationView;
import app.candor.application.Stage;
import app.candor.closure.ChaserSection;
import app.candor.closure.RejectionReason;
import app.candor.interview.InterviewSection;
import app.candor.message.template.LetterTemplates;
import app.candor.system.Form;

import java.time.LocalDate;
import java.util.List;

/**
 * Everything the application page shows, read in one read-only transaction.
 *
 * @param open    the action bar's open form, or null
 * @param form    the open form's values and errors (fresh, or refused as typed)
 * @param refusal a refusal that is no form's (cancelling an interview), shown above the timeline
 * @param letters the rejection letters to choose from (the standard letter and the named templates in the candidate's language)
 * @param confirmCancel the interview whose cancellation is to be confirmed (it tells the candidate), or null
 */
public record ApplicationPageView(ApplicationView application, boolean recruiter, List<Action> actions, ApplicationAction open,
                                  Form form, Form refusal, List<Target> targets, boolean offerAllowed, List<RejectionReason> reasons,
                                  List<LetterTemplates.Choice> letters,
                                  InterviewSection interviews, ChaserSection chasers, List<TimelineEntry> timeline,
                                  String undeliverable, String zone, Long confirmCancel) {

    /** A button of the action bar. */
    public record Action(ApplicationAction action, String href, boolean open) {
    }

    /** A stage the application may move to, with the date promised if the recruiter picks none. */
    public record Target(Stage stage, LocalDate defaultPromise) {
    }

    /** Whether {@code param}'s form is the open one (templates name actions by their parameter). */
    public boolean isOpen(String param) {
        return open != null && open.param.equals(param);
    }
}
