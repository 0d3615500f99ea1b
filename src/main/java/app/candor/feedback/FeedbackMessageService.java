package app.candor.feedback;

import app.candor.application.Application;
import app.candor.interview.Interview;
import app.candor.message.Composed;
import app.candor.message.Message;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.message.Outbox;
import app.candor.message.Preview;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Feedback to the candidate: Candor proposes a text made of the hiring managers' <em>shareable</em>
 * texts only (never strengths, concerns or recommendations), the recruiter previews and edits it, and
 * it goes out through the outbox once per application. It answers the candidate's request, if any.
 */
@ApplicationScoped
public class FeedbackMessageService {

    @Inject
    InputValidator validator;

    @Inject
    MessageComposer composer;

    @Inject
    Outbox outbox;

    /** What Candor proposes and how the letter would read; writes nothing. */
    public record Draft(String proposedText, Preview preview) {
    }

    /** The text Candor proposes (possibly empty), for the page's first view. */
    @Transactional
    public String proposal(long applicationId, User actor) {
        return proposedText(visible(applicationId, actor));
    }

    @Transactional
    public Draft preview(long applicationId, FeedbackMessageInput input, User actor) {
        validator.requireValid(input);
        Application a = visible(applicationId, actor);
        String proposed = proposedText(a);
        String text = text(input, proposed);
        return new Draft(proposed, Preview.of(compose(a, text, actor), 1));
    }

    @Transactional
    public Message send(long applicationId, FeedbackMessageInput input, User actor) {
        validator.requireValid(input);
        Application.lockForUpdate(applicationId);
        Application a = visible(applicationId, actor);
        String text = text(input, proposedText(a));
        Message m = outbox.enqueue(a, compose(a, text, actor), "feedback:" + a.id, actor, new Outbox.Extras(text, null, null));
        FeedbackRequest.findFor(a).filter(r -> r.answerMessageId == null).ifPresent(r -> r.answerMessageId = m.id);
        return m;
    }

    /** The shareable texts of all submitted feedback on the application's interviews, one paragraph each. */
    static String proposedText(Application a) {
        List<String> parts = Interview.listFor(a).stream()
                .flatMap(i -> InterviewFeedback.listFor(i).stream())
                .filter(f -> f.state == InterviewFeedback.State.SUBMITTED && f.shareable != null)
                .map(f -> f.shareable.strip()).toList();
        return String.join("\n\n", parts);
    }

    private static String text(FeedbackMessageInput input, String proposed) {
        String text = InputValidator.clean(input.text());
        if (text == null) {
            text = InputValidator.clean(proposed);
        }
        if (text == null) {
            throw ProblemException.invalidField("text", "is required: no submitted feedback has a shareable text yet, so write the feedback here");
        }
        return text;
    }

    private Composed compose(Application a, String text, User actor) {
        return composer.compose(a, actor, new MessageComposer.Content(MessageKind.FEEDBACK, text, null, false));
    }

    private static Application visible(long applicationId, User actor) {
        return Application.findVisible(applicationId, actor).orElseThrow(() -> ProblemException.notFound("Application", applicationId));
    }
}
