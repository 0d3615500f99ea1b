package app.candor.applicationpage;

import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.application.ClosureState;
import app.candor.application.PromisePolicy;
import app.candor.application.Stage;
import app.candor.candidate.Candidate;
import app.candor.closure.ChaserSection;
import app.candor.closure.ChaserService;
import app.candor.closure.OutcomeService;
import app.candor.interview.InterviewForm;
import app.candor.interview.InterviewSection;
import app.candor.interview.InterviewService;
import app.candor.interview.InterviewView;
import app.candor.message.MessageKind;
import app.candor.message.MessageService;
import app.candor.message.MessageState;
import app.candor.message.MessageView;
import app.candor.system.BusinessCalendar;
import app.candor.system.Form;
import app.candor.user.User;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.hibernate.FlushMode;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the application page in one transaction, read-only: the features' services join it, so a render
 * is one transaction whatever the number of sections.
 */
@ApplicationScoped
public class ApplicationPageQuery {

    @Inject
    ApplicationService applications;

    @Inject
    PromisePolicy promises;

    @Inject
    OutcomeService outcomes;

    @Inject
    MessageService messages;

    @Inject
    InterviewService interviews;

    @Inject
    ChaserService chasers;

    @Inject
    BusinessCalendar calendar;

    /**
     * The page for {@code viewer} with {@code open}'s form open: {@code form} as typed when refused, else
     * fresh. {@code refusal} is a refusal no form owns. An action the application does not offer opens nothing.
     */
    @Transactional
    public ApplicationPageView load(long id, User viewer, ApplicationAction open, Form form, Form refusal) {
        return load(id, viewer, open, form, refusal, null);
    }

    /** As above, asking to confirm the cancellation of interview {@code confirmCancel}. */
    @Transactional
    public ApplicationPageView load(long id, User viewer, ApplicationAction open, Form form, Form refusal, Long confirmCancel) {
        Session session = Panache.getSession();
        session.setDefaultReadOnly(true);
        session.setHibernateFlushMode(FlushMode.MANUAL);

        ApplicationView a = applications.view(id, viewer);
        boolean recruiter = viewer.isRecruiter();
        List<MessageView> letters = messages.forApplication(id, viewer);
        List<InterviewView> interviewList = interviews.list(id, viewer);
        ChaserSection chaserSection = chasers.section(id, viewer, open == ApplicationAction.CHASER ? form : null);

        List<ApplicationAction> offered = recruiter ? offered(a, chaserSection) : List.of();
        boolean refused = form != null && form.hasErrors();
        ApplicationAction shown = open != null && (refused || offered.contains(open)) ? open : null;
        Form shownForm = shown == null ? Form.empty() : form != null ? form : fresh(shown, a);
        InterviewSection interviewSection = InterviewSection.of(interviewList, recruiter ? interviews.people() : List.of(), calendar.zone(),
                shown == ApplicationAction.INTERVIEW ? shownForm : null, null);

        List<ApplicationPageView.Action> bar = offered.stream().map(act -> new ApplicationPageView.Action(act,
                "/applications/" + id + "?action=" + act.param, act == shown)).toList();
        List<ApplicationPageView.Target> targets = a.allowedMoves().stream().filter(s -> !StagePages.TOLD_BY_OUTCOME.contains(s))
                .map(s -> new ApplicationPageView.Target(s, promises.defaultFor(s))).toList();
        // At OFFER through a plain move (the API allows it), the offer letter is still to be sent.
        boolean offerAllowed = a.stage().check(Stage.OFFER).move().isPresent()
                || (a.stage() == Stage.OFFER && a.closure().state() != ClosureState.CLOSED
                && letters.stream().noneMatch(m -> m.kind() == MessageKind.OFFER && m.state() != MessageState.CANCELLED));
        String undeliverable = Candidate.<Candidate>findByIdOptional(a.candidate().id()).map(c -> c.emailUndeliverable).orElse(null);
        return new ApplicationPageView(a, recruiter, bar, shown, shownForm, refusal == null ? Form.empty() : refusal, targets,
                offerAllowed, recruiter ? outcomes.reasons() : List.of(),
                recruiter ? outcomes.rejectionLetters(a.candidate().language(), a.requisition().id()) : List.of(), interviewSection, chaserSection,
                Timeline.of(a, letters, interviewList, chaserSection.chasers()), undeliverable, calendar.zone().getId(),
                recruiter ? confirmCancel : null);
    }

    /** The actions the application offers now, in the bar's order. */
    private static List<ApplicationAction> offered(ApplicationView a, ChaserSection chasers) {
        List<ApplicationAction> offered = new ArrayList<>();
        boolean open = !a.stage().isTerminal();
        if (open) {
            offered.add(ApplicationAction.MOVE);
        }
        if (open || (a.closure().canTell() && a.stage() == Stage.REJECTED)) {
            offered.add(ApplicationAction.OUTCOME);
        }
        if (open) {
            offered.add(ApplicationAction.DELAY);
            offered.add(ApplicationAction.INTERVIEW);
        }
        if (chasers.open()) {
            offered.add(ApplicationAction.CHASER);
        }
        if (a.closure().canTell()) {
            offered.add(ApplicationAction.TOLD);
        }
        offered.add(ApplicationAction.NOTE);
        return offered;
    }

    private Form fresh(ApplicationAction action, ApplicationView a) {
        return switch (action) {
            // "Send now" preselected (what a recruiter who has decided usually wants); "later" offers the next business morning.
            case OUTCOME -> Form.empty().with("when", "now").with("sendAt", Form.dateTimeLocal(outcomes.nextBusinessMorning()))
                    .with("templateId", String.valueOf(outcomes.defaultRejectionLetter(a.requisition().id())));
            case INTERVIEW -> InterviewForm.defaults();
            default -> Form.empty();
        };
    }
}
