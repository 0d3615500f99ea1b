package app.candor.privacy;

import app.candor.application.Application;
import app.candor.application.StageChange;
import app.candor.candidate.Candidate;
import app.candor.closure.Chaser;
import app.candor.debrief.Debrief;
import app.candor.feedback.FeedbackRequest;
import app.candor.interview.Interview;
import app.candor.link.CandidateLink;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.withdrawal.Withdrawal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Everything Candor holds about one candidate, for their right of access: the profile, each application with its
 * stage history, interviews, the letters and calls as sent, the feedback shared with them, their chasers, withdrawal,
 * feedback request and debriefs, and the links they were sent. One document, shown as a page and downloaded as JSON.
 * Internal assessments (a hiring manager's strengths and concerns) are the company's notes about the decision and are
 * not part of it; the feedback written to be shared is, as the letters that carried it.
 */
@ApplicationScoped
public class AccessExport {

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    public record Document(Instant exportedAt, String company, Profile candidate, List<ApplicationPart> applications) {
    }

    public record Profile(long id, String salutation, String firstName, String lastName, String email, String phone,
                          String preferredChannel, String language, boolean firstNameTerms, String emailUndeliverable,
                          Instant createdAt, Instant updatedAt, Instant anonymisedAt, String anonymisedWhy) {
    }

    public record ApplicationPart(long id, long requisitionId, String role, String stage, Instant createdAt, LocalDate promisedDecisionDate,
                                  Closure closure, List<History> history, List<InterviewPart> interviews, List<LetterPart> letters,
                                  List<LetterPart> feedbackShared, List<ChaserPart> chasers, WithdrawalPart withdrawal,
                                  Instant feedbackRequestedAt, List<LinkPart> links) {
    }

    public record Closure(String state, LocalDate due, Instant closedAt, Boolean closedLate, String toldHow, String toldNote) {
    }

    public record History(Instant at, String from, String to, String by, String note, LocalDate promisedDecisionDate) {
    }

    public record InterviewPart(long id, Instant startsAt, int durationMinutes, String kind, String location, String state,
                                List<String> interviewers, Instant debriefAnsweredAt, String debriefHowItWent, Boolean debriefStillInterested,
                                String debriefNote) {
    }

    public record LetterPart(long id, String kind, String channel, String state, String recipient, String subject, String bodyText,
                         Instant createdAt, Instant sentAt, Instant callDoneAt, String callNote) {
    }

    public record ChaserPart(Instant receivedAt, String channel, String note, Instant answeredAt) {
    }

    public record WithdrawalPart(Instant withdrawnAt, String reason, String note) {
    }

    /** A link sent to them (only its hash is kept: the token itself is not). */
    public record LinkPart(String purpose, Long messageId, Instant sentAt, Instant worksUntil) {
    }

    @Transactional
    public Document export(long candidateId) {
        Candidate c = Candidate.<Candidate>findByIdOptional(candidateId).orElseThrow(() -> ProblemException.notFound("Candidate", candidateId));
        Profile profile = new Profile(c.id, c.salutation, c.firstName, c.lastName, c.email, c.phone, c.preferredChannel.name(), c.language,
                c.firstNameTerms, c.emailUndeliverable, c.createdAt, c.updatedAt, c.anonymisedAt, c.anonymisedWhy);
        List<Message> messages = Message.listForCandidate(c);
        List<ApplicationPart> parts = Application.listByCandidate(c).stream()
                .sorted(Comparator.comparing((Application a) -> a.createdAt).thenComparing(a -> a.id))
                .map(a -> application(a, messages)).toList();
        return new Document(calendar.now(), config.companyName(), profile, parts);
    }

    private ApplicationPart application(Application a, List<Message> all) {
        List<LetterPart> letters = all.stream().filter(m -> m.application != null && m.application.id.equals(a.id) && m.kind.toCandidate())
                .sorted(Comparator.comparing((Message m) -> m.createdAt).thenComparing(m -> m.id))
                .map(AccessExport::letter).toList();
        List<History> history = StageChange.listFor(a).stream()
                .map(s -> new History(s.changedAt, s.fromStage == null ? null : s.fromStage.name(), s.toStage.name(), s.changedBy, s.note,
                        s.promisedDecisionDate)).toList();
        List<InterviewPart> interviews = Interview.listFor(a).stream().map(AccessExport::interview).toList();
        List<ChaserPart> chasers = Chaser.listForApplication(a).stream()
                .map(ch -> new ChaserPart(ch.receivedAt, ch.channel.name(), ch.note, ch.answeredAt)).toList();
        WithdrawalPart withdrawal = Withdrawal.findFor(a)
                .map(w -> new WithdrawalPart(w.withdrawnAt, w.reason == null ? null : w.reason.label, w.note)).orElse(null);
        Instant feedbackRequested = FeedbackRequest.findFor(a).map(r -> r.requestedAt).orElse(null);
        List<LinkPart> links = CandidateLink.<CandidateLink>list("application = ?1 order by createdAt, id", a).stream()
                .map(l -> new LinkPart(l.purpose.name(), l.messageId, l.createdAt, l.expiresAt)).toList();
        return new ApplicationPart(a.id, a.requisition.id, a.requisition.title, a.stage.name(), a.createdAt, a.promisedDecisionDate,
                new Closure(a.closure.state().name(), a.closure.due(), a.closure.closedAt(), a.closure.closedLate(),
                        a.closure.toldHow() == null ? null : a.closure.toldHow().label, a.closure.toldNote()),
                history, interviews, letters, letters.stream().filter(l -> l.kind().equals(MessageKind.FEEDBACK.name())).toList(), chasers,
                withdrawal, feedbackRequested, links);
    }

    private static LetterPart letter(Message m) {
        return new LetterPart(m.id, m.kind.name(), m.channel.name(), m.state.name(), m.recipient, m.subject, m.bodyText, m.createdAt, m.sentAt,
                m.callDoneAt, m.callNote);
    }

    private static InterviewPart interview(Interview i) {
        Debrief d = Debrief.findFor(i).orElse(null);
        return new InterviewPart(i.id, i.startsAt, i.durationMinutes, i.kind.name(), i.location, i.state.name(),
                i.interviewers.stream().map(p -> p.name + (p.title == null ? "" : ", " + p.title)).toList(),
                d == null ? null : d.answeredAt, d == null ? null : d.howItWent.name(), d == null ? null : d.stillInterested,
                d == null ? null : d.note);
    }
}
