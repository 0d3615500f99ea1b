package app.candor.closure;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.closure.BoardView.Action;
import app.candor.closure.BoardView.Recruiter;
import app.candor.closure.BoardView.Ref;
import app.candor.closure.BoardView.Row;
import app.candor.closure.NextActions.UntoldLetter;
import app.candor.interview.Interview;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.system.BusinessCalendar;
import app.candor.system.TemplateExtensions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A board page's rows from the entities {@link ClosureBoard} read for it: the promise in business days and in words,
 * what a row is about, and its next actions ({@link NextActions}). What decides an application's next action (a
 * closing letter still untold, the waiting chasers) is read in one query per kind for the page's applications, in
 * the board's transaction.
 */
@ApplicationScoped
class BoardRows {

    /** Letters that give closure and have not reached the candidate (yet). */
    static final List<MessageState> UNTOLD = List.of(MessageState.CALL_PENDING, MessageState.FAILED, MessageState.SCHEDULED,
            MessageState.QUEUED);

    static final List<MessageKind> CLOSING = Arrays.stream(MessageKind.values()).filter(MessageKind::closes).toList();

    @Inject
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    /** An entity read for the page, with the section it is in. */
    record Fetched(BoardSection section, Application application, Interview interview, Message message) {
    }

    List<Row> rows(List<Fetched> fetched, LocalDate today) {
        Facts facts = facts(fetched);
        return fetched.stream().map(f -> row(f, facts, today)).toList();
    }

    // --- what decides the next action, for the page's applications ---

    /** The oldest waiting chaser's channel and how many are waiting. */
    private record Waiting(Channel channel, int count, String note) {
    }

    private record Facts(Map<Long, List<UntoldLetter>> letters, Map<Long, Waiting> waiting) {
    }

    private Facts facts(List<Fetched> fetched) {
        Set<Long> ids = new LinkedHashSet<>();
        Set<Long> chased = new LinkedHashSet<>();
        for (Fetched f : fetched) {
            if (f.application() != null) {
                ids.add(f.application().id);
                if (f.application().chasedAt != null) {
                    chased.add(f.application().id);
                }
            }
        }
        Map<Long, List<UntoldLetter>> letters = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select m.application.id, m.id, m.kind, m.state from Message m where m.application.id in :ids"
                            + " and m.kind in :closing and m.state in :untold order by m.createdAt, m.id", Object[].class)
                    .setParameter("ids", ids).setParameter("closing", CLOSING).setParameter("untold", UNTOLD)
                    .getResultList()
                    .forEach(r -> letters.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                            .add(new UntoldLetter((Long) r[1], (MessageKind) r[2], (MessageState) r[3])));
        }
        Map<Long, Waiting> waiting = new LinkedHashMap<>();
        if (!chased.isEmpty()) {
            em.createQuery("select c.application.id, c.channel, c.note from Chaser c where c.application.id in :ids and c.answeredAt is null"
                            + " order by c.receivedAt, c.id", Object[].class)
                    .setParameter("ids", chased)
                    .getResultList()
                    .forEach(r -> waiting.merge((Long) r[0], new Waiting((Channel) r[1], 1, (String) r[2]),
                            (first, next) -> new Waiting(first.channel(), first.count() + 1, first.note() != null ? first.note() : next.note())));
        }
        return new Facts(letters, waiting);
    }

    // --- the rows ---

    private Row row(Fetched f, Facts facts, LocalDate today) {
        Application a = f.application();
        Message m = f.message();
        Interview i = f.interview();
        // A message row names its candidate and requisition itself (fetched with it); the others through the application.
        Candidate candidate = m != null ? m.candidate : a.candidate;
        Requisition requisition = m != null ? m.requisition : a.requisition;
        LocalDate due = a == null ? null : a.closure.due();
        Integer daysOver = due != null && due.isBefore(today) ? calendar.businessDaysAfter(due, today) : null;
        Integer daysLeft = due != null && !due.isBefore(today) ? calendar.businessDaysAfter(today, due) : null;
        Waiting waiting = a == null ? null : facts.waiting().get(a.id);
        List<Action> actions;
        Instant since = null;
        String about = null;
        if (i != null) {
            since = i.feedbackRemindedAt;
            about = "Interview on " + TemplateExtensions.human(i.startsAt) + ": feedback from " + requisition.hiringManager.fullName
                    + " missing";
            actions = List.of(NextActions.openFeedback(i.id));
        } else if (m != null) {
            since = m.createdAt;
            if (m.state == MessageState.CALL_PENDING) {
                about = m.kind.label + ": call " + m.recipient;
                actions = List.of(NextActions.markCallDone(m.id));
            } else {
                about = m.kind.label + " to " + m.recipient + (m.lastError == null ? "" : ": " + m.lastError);
                actions = List.of(NextActions.fixAddress(candidate.id), NextActions.resend(m.id));
            }
        } else {
            actions = NextActions.forApplication(a, facts.letters().getOrDefault(a.id, List.of()));
            if (waiting != null && waiting.note() != null) {
                about = "They asked: \u201c" + waiting.note() + "\u201d"; // what the chaser said, so the call back can answer it
            }
        }
        return new Row(f.section(), a == null ? null : a.id, i == null ? null : i.id, m == null ? null : m.id,
                new Ref(candidate.id, candidate.displayName()), new BoardView.RequisitionRef(requisition.id, requisition.title),
                new Recruiter(requisition.recruiter.username, requisition.recruiter.fullName), a == null ? null : a.stage, due,
                daysOver, daysLeft, promise(daysOver, daysLeft), a == null ? null : a.chasedAt,
                waiting == null ? null : waiting.channel(), waiting == null ? 0 : waiting.count(), since, about, actions);
    }

    static String promise(Integer daysOver, Integer daysLeft) {
        if (daysOver != null) {
            return daysOver == 0 ? "overdue" : daysOver + " business day" + (daysOver == 1 ? "" : "s") + " over";
        }
        if (daysLeft != null) {
            return daysLeft == 0 ? "due today" : daysLeft + " business day" + (daysLeft == 1 ? "" : "s") + " left";
        }
        return null;
    }
}
