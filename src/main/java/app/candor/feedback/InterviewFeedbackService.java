package app.candor.feedback;

import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.system.Attention;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Hiring managers' interview feedback. Only the hiring manager of the requisition writes it (another
 * manager does not see the interview at all: 404); recruiters read all of it. A draft can be saved as
 * often as needed; once submitted, every edit keeps what it said before as a revision.
 */
@ApplicationScoped
public class InterviewFeedbackService {

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    Event<Attention> attention;

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Transactional
    public List<InterviewFeedbackView> list(long interviewId, User viewer) {
        return InterviewFeedback.listFor(Interview.findVisible(interviewId, viewer, false)).stream().map(InterviewFeedbackView::of).toList();
    }

    /** What the feedback page shows: the interview, all feedback on it, and whether the viewer may write theirs now. */
    public record Page(Interview interview, String candidateName, String role, List<InterviewFeedbackView> all, InterviewFeedbackView mine,
                       boolean author, boolean takenPlace) {
        public boolean canWrite() {
            return author && takenPlace && interview.state == InterviewState.SCHEDULED;
        }
    }

    @Transactional
    public Page page(long interviewId, User viewer) {
        Interview i = Interview.findVisible(interviewId, viewer, false);
        List<InterviewFeedbackView> all = InterviewFeedback.listFor(i).stream().map(InterviewFeedbackView::of).toList();
        InterviewFeedbackView mine = all.stream().filter(f -> f.author().equals(viewer.username)).findFirst().orElse(null);
        boolean author = i.application.requisition.hiringManager != null && i.application.requisition.hiringManager.id.equals(viewer.id);
        i.interviewers.size(); // loaded for the page
        return new Page(i, i.application.candidate.displayName(), i.application.requisition.title, all, mine, author,
                !i.startsAt.isAfter(clock.instant()));
    }

    /** Saves and submits in one step (the page's Submit button). */
    @Transactional
    public InterviewFeedbackView saveAndSubmit(long interviewId, InterviewFeedbackInput input, User author) {
        InterviewFeedbackView saved = save(interviewId, input, author);
        return saved.state() == InterviewFeedback.State.SUBMITTED ? saved : submit(interviewId, author);
    }

    /** Saves the author's feedback on the interview: a new draft, a changed draft, or an edit of submitted feedback. */
    @Transactional
    public InterviewFeedbackView save(long interviewId, InterviewFeedbackInput input, User author) {
        validator.requireValid(input);
        Interview interview = writable(interviewId, author);
        Instant now = clock.instant();
        InterviewFeedback f = InterviewFeedback.findBy(interview, author.username).orElseGet(() -> {
            InterviewFeedback draft = new InterviewFeedback();
            draft.interview = interview;
            draft.author = author.username;
            draft.authorName = author.fullName;
            draft.state = InterviewFeedback.State.DRAFT;
            draft.createdAt = now;
            return draft;
        });
        if (f.state == InterviewFeedback.State.SUBMITTED) {
            InterviewFeedbackRevision before = new InterviewFeedbackRevision();
            before.feedbackId = f.id;
            before.revisedAt = now;
            before.revisedBy = author.username;
            before.recommendation = f.recommendation;
            before.strengths = f.strengths;
            before.concerns = f.concerns;
            before.shareable = f.shareable;
            before.persist();
            requireComplete(input.recommendation(), input.shareable());
        }
        f.recommendation = input.recommendation();
        f.strengths = InputValidator.clean(input.strengths());
        f.concerns = InputValidator.clean(input.concerns());
        f.shareable = InputValidator.clean(input.shareable());
        f.updatedAt = now;
        f.persist();
        return InterviewFeedbackView.of(f);
    }

    /** Submits the author's draft: from now on it counts, and edits are kept as history. */
    @Transactional
    public InterviewFeedbackView submit(long interviewId, User author) {
        Interview interview = writable(interviewId, author);
        InterviewFeedback f = InterviewFeedback.findBy(interview, author.username)
                .orElseThrow(() -> ProblemException.conflict("There is no draft to submit: save your feedback first."));
        if (f.state == InterviewFeedback.State.SUBMITTED) {
            throw ProblemException.conflict("Your feedback on interview " + interviewId + " was already submitted; edits are kept as history.");
        }
        requireComplete(f.recommendation, f.shareable);
        f.state = InterviewFeedback.State.SUBMITTED;
        f.submittedAt = clock.instant();
        f.updatedAt = f.submittedAt;
        attention.fire(new Attention(Attention.Kind.FEEDBACK_IN, interview.application.id,
                author.fullName + " submitted interview feedback on " + interview.application.candidate.displayName() + " ("
                        + interview.application.requisition.title + ").", author.id));
        Log.infof("Feedback %d on interview %d submitted by %s", f.id, interviewId, author.username);
        return InterviewFeedbackView.of(f);
    }

    private static void requireComplete(Recommendation recommendation, String shareable) {
        if (recommendation == null) {
            throw ProblemException.invalidField("recommendation", "is required to submit: STRONG_YES, YES, NO or STRONG_NO");
        }
        if (InputValidator.clean(shareable) == null) {
            throw ProblemException.invalidField("shareable", "is required to submit: a few sentences the candidate may read if they ask for feedback");
        }
    }

    /** The interview, locked, if the author is its requisition's hiring manager and it has taken place. */
    private Interview writable(long interviewId, User author) {
        Interview interview = Interview.findVisible(interviewId, author, true);
        if (interview.application.requisition.hiringManager == null || !interview.application.requisition.hiringManager.id.equals(author.id)) {
            throw ProblemException.notFound("Interview", interviewId);
        }
        if (interview.state != InterviewState.SCHEDULED) {
            throw ProblemException.conflict("Interview " + interviewId + " was cancelled; there is nothing to give feedback on.");
        }
        if (interview.startsAt.isAfter(clock.instant())) {
            throw ProblemException.conflict("Interview " + interviewId + " has not taken place yet; feedback can be recorded once it has started.");
        }
        return interview;
    }

}
