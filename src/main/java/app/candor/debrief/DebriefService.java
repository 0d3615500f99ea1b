package app.candor.debrief;

import app.candor.interview.DebriefView;
import app.candor.interview.HowItWent;
import app.candor.interview.Interview;
import app.candor.interview.InterviewFollowUps;
import app.candor.link.CandidateAccess;
import app.candor.link.CandidateLink;
import app.candor.link.CandidateStatus;
import app.candor.link.CandidateStatuses;
import app.candor.link.LinkPurpose;
import app.candor.link.LinkRefused;
import app.candor.message.Message;
import app.candor.system.Attention;
import app.candor.system.MultiLine;
import app.candor.system.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.Optional;

/**
 * The candidate debrief, from the link in the letter sent after an interview: the page asks how it
 * went and whether they are still interested; one POST records the answer, a second changes nothing.
 * The token belongs to the application; the letter that carried it names the interview.
 */
@ApplicationScoped
public class DebriefService implements InterviewFollowUps.Debriefs {

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    Event<Attention> attention;

    @Inject
    CandidateAccess access;

    @Inject
    CandidateStatuses statuses;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** What the page shows: the interview's date in the candidate's language, and their answer once given. */
    public record Page(CandidateStatus status, String interviewDate, DebriefView answer, String answeredOn) {
        public boolean answered() {
            return answer != null;
        }
    }

    public record Answer(HowItWent howItWent, boolean stillInterested, String note) {
    }

    public enum Result { RECORDED, ALREADY_ANSWERED }

    @Transactional
    public Page page(String token, String address) {
        return page(interview(access.open(token, LinkPurpose.DEBRIEF, address)));
    }

    @Transactional
    public Result answer(String token, Answer answer, String address) {
        Interview i = interview(access.open(token, LinkPurpose.DEBRIEF, address));
        if (answer.note() != null && !MultiLine.Validator.isText(answer.note())) {
            throw ProblemException.invalidField("note", "must not contain control characters other than line breaks and tabs");
        }
        Interview.lockRow(i.id); // a double click waits here, then finds the first answer
        em.refresh(i);
        if (Debrief.findFor(i).isPresent()) {
            return Result.ALREADY_ANSWERED;
        }
        Debrief d = new Debrief();
        d.interview = i;
        d.answeredAt = clock.instant();
        d.howItWent = answer.howItWent();
        d.stillInterested = answer.stillInterested();
        d.note = answer.note() == null || answer.note().isBlank() ? null : answer.note().strip();
        d.persist();
        attention.fire(Attention.byCandidate(Attention.Kind.DEBRIEF, i.application.id,
                i.application.candidate.displayName() + " answered the debrief for " + i.application.requisition.title + ": "
                        + (d.stillInterested ? "still interested." : "no longer interested.")));
        Log.infof("Interview %d: the candidate answered the debrief", i.id);
        return Result.RECORDED;
    }

    /** The candidate's answer for the team, if they gave one. */
    @Transactional(Transactional.TxType.MANDATORY)
    @Override
    public Optional<DebriefView> answerFor(Interview i) {
        return Debrief.findFor(i).map(DebriefService::view);
    }

    private Page page(Interview i) {
        CandidateStatus status = statuses.of(i.application);
        String date = statuses.date(i.startsAt, status.language());
        return Debrief.findFor(i).map(d -> new Page(status, date, view(d), statuses.date(d.answeredAt, status.language())))
                .orElseGet(() -> new Page(status, date, null, null));
    }

    /** The interview the letter carrying this link was about; anything else is the calm page. */
    private static Interview interview(CandidateLink link) {
        Message letter = link.messageId == null ? null : Message.findById(link.messageId);
        if (letter == null || letter.cause == null || !letter.cause.startsWith(DebriefLetters.CAUSE_PREFIX)) {
            throw LinkRefused.unusable();
        }
        long id;
        try {
            id = Long.parseLong(letter.cause.substring(DebriefLetters.CAUSE_PREFIX.length()));
        } catch (NumberFormatException e) {
            throw LinkRefused.unusable();
        }
        Interview i = Interview.findById(id);
        if (i == null || !i.application.id.equals(link.application.id)) {
            throw LinkRefused.unusable();
        }
        return i;
    }

    private static DebriefView view(Debrief d) {
        return new DebriefView(d.answeredAt, d.howItWent, d.stillInterested, d.note);
    }

}
