package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.candidate.Channel;
import app.candor.message.CandidatesWrittenTo;
import app.candor.system.Attention;
import app.candor.system.BusinessCalendar;
import app.candor.system.Form;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import app.candor.user.User;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Chasers: a recruiter logs that a candidate got in touch about their application, and later that
 * they were called back. The application remembers when the oldest unanswered chaser came in
 * ({@code chasedAt}), which is what puts it near the top of the closure board.
 */
@ApplicationScoped
public class ChaserService {

    /** Tells the recruiter, in this transaction (see notification.AttentionRecorder). */
    @Inject
    Event<Attention> attention;

    /** A caller's clock a little ahead of ours does not make "now" the future. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    /** How far back a chaser may be dated. */
    static final Duration MAX_AGE = Duration.ofDays(365);

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    BusinessCalendar calendar;

    /** The recruiter's next word to a chased candidate answers their waiting chasers, in the same transaction. */
    void onCandidatesWrittenTo(@Observes CandidatesWrittenTo written) {
        Chaser.answerAll(written.applications(), written.at(), written.by());
    }

    @Transactional
    public Chaser log(long applicationId, ChaserInput input, User actor) {
        validator.requireValid(input);
        Application.lockForUpdate(applicationId);
        Application a = visible(applicationId, actor);
        if (a.closure.state() == ClosureState.CLOSED) {
            throw ProblemException.conflict("The candidate has already been told a final answer (the application is closed as "
                    + a.stage.label + "); a chaser is logged on an application still waiting for one.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        Instant received = input.receivedAt() == null ? now : input.receivedAt().toInstant();
        if (received.isAfter(now.plus(CLOCK_SKEW))) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future: when the candidate got in touch");
        }
        if (received.isBefore(now.minus(MAX_AGE))) {
            // A chaser is a contact still waiting for a reply; one older than this is a typing mistake (1900).
            throw ProblemException.invalidField("receivedAt", "must be within the last " + MAX_AGE.toDays() + " days: when the candidate got in touch");
        }
        received = (received.isAfter(now) ? now : received).truncatedTo(ChronoUnit.MICROS);
        Chaser c = new Chaser();
        c.application = a;
        c.channel = input.channel();
        c.note = InputValidator.clean(input.note());
        c.receivedAt = received;
        c.loggedBy = actor.username;
        c.loggedAt = now;
        c.persist();
        if (a.chasedAt == null || received.isBefore(a.chasedAt)) {
            a.chasedAt = received; // the oldest one still waiting is how long the candidate has been waiting
        }
        attention.fire(new Attention(Attention.Kind.CHASER, a.id,
                a.candidate.displayName() + " chased (" + (c.channel == Channel.PHONE ? "a call" : "an e-mail") + ") about "
                        + a.requisition.title + (c.note == null ? "." : ": " + c.note), actor.id));
        Log.infof("Application %d: chaser %d (%s) logged by %s", a.id, c.id, c.channel, actor.username);
        return c;
    }

    /** Marks every waiting chaser of the application answered (the recruiter called back); returns how many. */
    @Transactional
    public int answered(long applicationId, User actor) {
        Application.lockForUpdate(applicationId);
        Application a = visible(applicationId, actor);
        int answered = Chaser.answerAll(a, clock.instant(), actor.username);
        if (answered > 0) {
            Log.infof("Application %d: %d chaser(s) marked answered by %s", a.id, answered, actor.username);
        }
        return answered;
    }

    @Transactional
    public List<ChaserView> list(long applicationId, User viewer) {
        Application a = visible(applicationId, viewer);
        boolean closed = a.closure.state() == ClosureState.CLOSED;
        return Chaser.listForApplication(a).stream().map(c -> ChaserView.of(c, closed)).toList();
    }

    /** The section of the application page; {@code refused} is a refused form as typed (null for a fresh one). */
    @Transactional
    public ChaserSection section(long applicationId, User viewer, Form refused) {
        Application a = visible(applicationId, viewer);
        boolean closed = a.closure.state() == ClosureState.CLOSED;
        List<ChaserView> list = Chaser.listForApplication(a).stream().map(c -> ChaserView.of(c, closed)).toList();
        Form form = refused != null ? refused
                : Form.empty().with("receivedAt", Form.dateTimeLocal(LocalDateTime.ofInstant(clock.instant(), calendar.zone())));
        return new ChaserSection(list, !closed, a.chasedAt, list.stream().filter(ChaserView::waiting).count(), form,
                List.of(Channel.values()));
    }

    /**
     * The application if the viewer may see it: as everywhere else (recruiters all, hiring managers their
     * own requisitions), and admins all, since they may log chasers too.
     */
    static Application visible(long applicationId, User viewer) {
        return (viewer.isAdmin() ? Application.<Application>findByIdOptional(applicationId) : Application.findVisible(applicationId, viewer))
                .orElseThrow(() -> ProblemException.notFound("Application", applicationId));
    }
}
