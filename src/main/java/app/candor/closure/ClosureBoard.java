package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.application.Stage;
import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.closure.BoardView.Action;
import app.candor.closure.BoardView.Endpoint;
import app.candor.closure.BoardView.Recruiter;
import app.candor.closure.BoardView.Ref;
import app.candor.closure.BoardView.Row;
import app.candor.closure.BoardView.SectionCount;
import app.candor.feedback.InterviewFeedback;
import app.candor.interview.Interview;
import app.candor.interview.InterviewState;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.system.TemplateExtensions;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The closure board: what stands between each candidate and their answer, most urgent first.
 *
 * <p>It reads a page without loading the board: each section's size is one count query (served by
 * {@code ix_application_closure_due}, {@code ix_application_chased} and {@code ix_message_due}), and
 * only the sections that fall on the requested page are read, each with offset and limit in a stable
 * order (ties broken by id). An application section reads the page's ids first, off the board index
 * alone, then those applications with their candidate, requisition and recruiter; the others fetch
 * those with the page in one query.
 * What decides a row's next action (a closing letter still untold, the waiting chasers) is read in one
 * query per kind for the page's applications.
 */
@ApplicationScoped
public class ClosureBoard {

    /** Which requisitions the board covers: the viewer's own, or everyone's. */
    public enum Scope {
        MINE, TEAM;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code mine} or {@code team}; without one, recruiters see theirs and admins the team's. */
        public static Scope parse(String raw, User viewer) {
            if (raw == null || raw.isBlank()) {
                return viewer.isRecruiter() ? MINE : TEAM;
            }
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "mine" -> MINE;
                case "team" -> TEAM;
                default -> throw ProblemException.invalidField("scope", "must be mine or team");
            };
        }
    }

    /** The page number from the query string: 1 when absent. */
    public static int parsePage(String raw) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(raw.strip());
            if (page >= 1) {
                return page;
            }
        } catch (NumberFormatException e) {
            // refused below, with the same words as a zero
        }
        throw ProblemException.invalidField("page", "must be a whole number from 1");
    }

    /**
     * Narrows the board to one requisition and/or one recruiter (ids from the query string; null: all). A recruiter
     * filter takes the place of "mine" (the same index, ix_application_board_mine, with another recruiter's id).
     */
    public record Filter(Long requisition, Long recruiter) {
        public static final Filter NONE = new Filter(null, null);

        /** Both ids as written in the query string; a value that is not a positive whole number is refused by name. */
        public static Filter parse(String requisition, String recruiter) {
            return new Filter(id("requisition", requisition), id("recruiter", recruiter));
        }

        private static Long id(String field, String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                long id = Long.parseLong(raw.strip());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw ProblemException.invalidField(field, "must be the id of a " + field);
        }

        /** The filter as query-string parameters to append to a board address ({@code &requisition=…}), or "". */
        public String query() {
            return (requisition == null ? "" : "&requisition=" + requisition) + (recruiter == null ? "" : "&recruiter=" + recruiter);
        }

        public boolean any() {
            return requisition != null || recruiter != null;
        }
    }

    /** Letters that give closure and have not reached the candidate (yet). */
    static final List<MessageState> UNTOLD = List.of(MessageState.CALL_PENDING, MessageState.FAILED, MessageState.SCHEDULED,
            MessageState.QUEUED);

    static final List<MessageKind> CLOSING = Arrays.stream(MessageKind.values()).filter(MessageKind::closes).toList();

    /** Earlier than any chaser (a range condition the chased index can serve; see {@link #parts}). */
    static final Instant CHASED_SINCE = Instant.parse("1970-01-01T00:00:00Z");

    /**
     * Later than any chaser: the range's upper end. Without it H2 (whose nulls sort last) read on past the chased
     * applications through every unchased open one (100 000 index entries, and a row each for the pages).
     */
    static final Instant CHASED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    /**
     * One section's queries: how many rows, and the rows in order. With {@code ids} the page is read in two steps: the
     * page's ids in order ({@code ids}, one table, off the board index), then those rows with their joins
     * ({@code select}, {@code where a.id in :ids}); without it {@code select} reads the page itself.
     */
    private record Part(BoardSection section, String count, String ids, String select, Map<String, Object> params, Class<?> type) {
    }

    /** An entity read for the page, with the section it is in. */
    private record Fetched(BoardSection section, Application application, Interview interview, Message message) {
    }

    public BoardView view(User viewer, Scope scope, int page) {
        return view(viewer, scope, page, Filter.NONE);
    }

    /**
     * One page of the board. An unknown requisition or recruiter in {@code filter} is refused (400), as is a recruiter
     * other than the viewer together with {@code mine}.
     */
    @Transactional
    public BoardView view(User viewer, Scope scope, int page, Filter filter) {
        if (filter.requisition() != null && Requisition.findById(filter.requisition()) == null) {
            throw ProblemException.invalidField("requisition", "no requisition has this id");
        }
        if (filter.recruiter() != null) {
            User recruiter = User.findById(filter.recruiter());
            if (recruiter == null || !recruiter.isRecruiter()) {
                throw ProblemException.invalidField("recruiter", "no recruiter has this id");
            }
            if (scope == Scope.MINE && !recruiter.id.equals(viewer.id)) {
                throw ProblemException.invalidField("recruiter", "another recruiter's applications are not in scope mine; use scope team");
            }
        }
        LocalDate today = calendar.today();
        LocalDate dueSoonUntil = calendar.dueSoonUntil(today);
        int size = Math.max(1, config.closure().boardPageSize());
        Long recruiter = filter.recruiter() != null ? filter.recruiter() : scope == Scope.MINE ? viewer.id : null;
        List<Part> parts = parts(today, dueSoonUntil, recruiter, filter.requisition());

        long from = (long) (page - 1) * size;
        long to = from + size;
        long start = 0;
        List<SectionCount> counts = new ArrayList<>();
        List<Fetched> fetched = new ArrayList<>();
        for (Part part : parts) {
            long count = bind(em.createQuery(part.count(), Long.class), part.params()).getSingleResult();
            counts.add(new SectionCount(part.section(), part.section().label, count, count == 0 ? null : (int) (start / size) + 1));
            long lo = Math.max(from, start);
            long hi = Math.min(to, start + count);
            if (lo < hi) {
                List<?> slice = slice(part, (int) (lo - start), (int) (hi - lo));
                for (Object o : slice) {
                    if (o instanceof Interview i) {
                        fetched.add(new Fetched(part.section(), i.application, i, null));
                    } else if (o instanceof Message m) {
                        fetched.add(new Fetched(part.section(), m.application, null, m));
                    } else {
                        fetched.add(new Fetched(part.section(), (Application) o, null, null));
                    }
                }
            }
            start += count;
        }
        long total = start;
        int pages = (int) Math.max(1, (total + size - 1) / size);

        Facts facts = facts(fetched);
        List<Row> rows = fetched.stream().map(f -> row(f, facts, today)).toList();
        return new BoardView(scope.value(), filter, today, dueSoonUntil, page, pages, size, total, counts, rows);
    }

    private List<?> slice(Part part, int offset, int limit) {
        if (part.ids() == null) {
            return bind(em.createQuery(part.select(), part.type()), part.params()).setFirstResult(offset).setMaxResults(limit)
                    .getResultList();
        }
        // Two steps: the offset is walked on index entries alone (H2 would otherwise join the candidate, from a row read
        // off a cold page, for every row up to the offset before dropping them), then only the page's rows are joined.
        List<Long> ids = bind(em.createQuery(part.ids(), Long.class), part.params()).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Application> byId = new HashMap<>();
        em.createQuery(part.select(), Application.class).setParameter("ids", ids).getResultList().forEach(a -> byId.put(a.id, a));
        // In the page's order (the second read has none of its own).
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    // --- the sections ---

    private List<Part> parts(LocalDate today, LocalDate dueSoonUntil, Long me, Long requisition) {
        List<Part> parts = new ArrayList<>();

        // 1-4: open applications (a suspended one is paused, a closed one done); one section each at most. The counts
        // and the unchased pages are answered from ix_application_board_count alone (see V10); ordering by the whole
        // index, constants included, lets the database read a page straight off it instead of sorting every row.
        Map<String, Object> open = params("open", ClosureState.OPEN, "today", today);
        Map<String, Object> openChased = params("open", ClosureState.OPEN, "today", today, "chased", CHASED_SINCE,
                "chasedUntil", CHASED_UNTIL);
        String byPromise = me == null ? "a.closure.state, a.chasedAt, a.closure.due, a.requisition.id, a.id"
                : "a.closure.state, a.recruiterId, a.chasedAt, a.closure.due, a.id"; // ix_application_board_count / _mine, id last (V13)
        // "chasedAt >= :chased and < :chasedUntil" rather than "is not null": H2 reads a range of a board index (the few
        // chased applications) but would scan every open application for IS NOT NULL (1 s with 100 000 open ones). Both
        // ends: with only the lower one H2 read on through the nulls, and for this section's page chose
        // ix_application_closure_due and read every earlier promise's row, closed ones included (1.2 s with a million).
        String chased = "a.chasedAt >= :chased and a.chasedAt < :chasedUntil";
        String only = requisition("a.requisition.id", requisition);
        parts.add(applications(BoardSection.OVERDUE_CHASED, chased + " and a.closure.due < :today" + only, "a.closure.due, a.id",
                openChased, me));
        parts.add(applications(BoardSection.OVERDUE, "a.closure.due < :today and a.chasedAt is null" + only, byPromise, open, me));
        parts.add(applications(BoardSection.CHASED, chased + " and (a.closure.due is null or a.closure.due >= :today)" + only,
                "a.chasedAt, a.id", openChased, me));
        parts.add(applications(BoardSection.DUE_SOON, "a.chasedAt is null and a.closure.due >= :today and a.closure.due <= :until" + only,
                byPromise, params("open", ClosureState.OPEN, "today", today, "until", dueSoonUntil), me));

        // 5: interviews whose feedback went missing (FeedbackDue stamps the reminder exactly then) and is still not submitted.
        String feedbackWhere = " where i.state = :scheduled and i.feedbackRemindedAt is not null and a.closure.state <> :closed"
                + " and a.stage in :pipeline and not exists (select f.id from InterviewFeedback f where f.interview = i"
                + " and f.state = :submitted and f.author = hm.username)" + mine("a.recruiterId", me) + only;
        parts.add(new Part(BoardSection.FEEDBACK_MISSING,
                "select count(i) from Interview i join i.application a join a.requisition r join r.hiringManager hm" + feedbackWhere, null,
                "select i from Interview i join fetch i.application a join fetch a.candidate join fetch a.requisition r"
                        + " join fetch r.recruiter join fetch r.hiringManager hm" + feedbackWhere + " order by i.startsAt, i.id",
                params("scheduled", InterviewState.SCHEDULED, "closed", ClosureState.CLOSED, "pipeline", Stage.pipeline(),
                        "submitted", InterviewFeedback.State.SUBMITTED),
                Interview.class));

        // 6-7: letters to candidates waiting for the recruiter's call, and those that could not be delivered.
        parts.add(messages(BoardSection.CALL_PENDING, MessageState.CALL_PENDING, me, requisition));
        parts.add(messages(BoardSection.FAILED, MessageState.FAILED, me, requisition));
        return parts;
    }

    /**
     * "Mine": the application's own copy of its requisition's recruiter (V11), so that the counts stay
     * on one index (ix_application_board_mine); the id is written into the query as a number (a Long
     * read from the database). Messages name their requisition, whose recruiter is joined (few rows).
     */
    private static String mine(String recruiterId, Long me) {
        return me == null ? "" : " and " + recruiterId + " = " + me.longValue();
    }

    /** One requisition's rows only: its id (checked to exist) written in as a number, like {@link #mine}. */
    private static String requisition(String requisitionId, Long requisition) {
        return requisition == null ? "" : " and " + requisitionId + " = " + requisition.longValue();
    }

    private static Part applications(BoardSection section, String where, String order, Map<String, Object> params, Long me) {
        String condition = " where a.closure.state = :open and " + where + mine("a.recruiterId", me);
        return new Part(section,
                // count(*), not count(a): on PostgreSQL count(a.id) needs the id, which the board indexes do not hold,
                // and turned an index-only count of ix_application_board_count into a read of every overdue row.
                "select count(*) from Application a" + condition,
                // The page's ids, in the order of the board index (its last column is the id, V13): read off the index alone.
                "select a.id from Application a" + condition + " order by " + order,
                "select a from Application a join fetch a.candidate join fetch a.requisition r join fetch r.recruiter"
                        + " where a.id in :ids",
                params, Application.class);
    }

    private static Part messages(BoardSection section, MessageState state, Long me, Long requisition) {
        String condition = " where m.state = :state and m.kind in :kinds" + mine("m.requisition.recruiter.id", me)
                + requisition("m.requisition.id", requisition);
        return new Part(section,
                "select count(*) from Message m" + condition, null,
                "select m from Message m join fetch m.candidate join fetch m.requisition r join fetch r.recruiter"
                        + " left join fetch m.application" + condition + " order by m.createdAt, m.id",
                params("state", state, "kinds", MessageKind.candidateKinds()), Message.class);
    }

    private static Map<String, Object> params(Object... pairs) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], pairs[i + 1]);
        }
        return params;
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Map<String, Object> params) {
        params.forEach(query::setParameter);
        return query;
    }

    // --- what decides the next action, for the page's applications ---

    /** A closing letter that has not reached the candidate. */
    private record Letter(long id, MessageKind kind, MessageState state) {
    }

    /** The oldest waiting chaser's channel and how many are waiting. */
    private record Waiting(Channel channel, int count, String note) {
    }

    private record Facts(Map<Long, List<Letter>> letters, Map<Long, Waiting> waiting) {
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
        Map<Long, List<Letter>> letters = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select m.application.id, m.id, m.kind, m.state from Message m where m.application.id in :ids"
                            + " and m.kind in :closing and m.state in :untold order by m.createdAt, m.id", Object[].class)
                    .setParameter("ids", ids).setParameter("closing", CLOSING).setParameter("untold", UNTOLD)
                    .getResultList()
                    .forEach(r -> letters.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                            .add(new Letter((Long) r[1], (MessageKind) r[2], (MessageState) r[3])));
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
            actions = List.of(openFeedback(i.id));
        } else if (m != null) {
            since = m.createdAt;
            if (m.state == MessageState.CALL_PENDING) {
                about = m.kind.label + ": call " + m.recipient;
                actions = List.of(markCallDone(m.id));
            } else {
                about = m.kind.label + " to " + m.recipient + (m.lastError == null ? "" : ": " + m.lastError);
                actions = List.of(fixAddress(candidate.id), resend(m.id));
            }
        } else {
            actions = applicationActions(a, facts.letters().getOrDefault(a.id, List.of()));
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

    /**
     * The next step for an application that is late, chased or due: finish telling the candidate what
     * was already decided, or else decide (an outcome, or a later date), answering the chaser too.
     */
    private static List<Action> applicationActions(Application a, List<Letter> untold) {
        Letter call = first(untold, MessageState.CALL_PENDING);
        if (call != null) {
            return List.of(markCallDone(call.id()));
        }
        Letter failed = first(untold, MessageState.FAILED);
        if (failed != null) {
            return List.of(fixAddress(a.candidate.id));
        }
        Letter scheduled = first(untold, MessageState.SCHEDULED);
        if (scheduled != null) {
            return List.of(new Action("SEND_NOW", "Send now", "GET", "/messages/" + scheduled.id() + "#send-now",
                    new Endpoint("POST", "/api/messages/" + scheduled.id() + "/send-now")));
        }
        Letter queued = first(untold, MessageState.QUEUED);
        if (queued != null) {
            return List.of(new Action("CHECK_DELIVERY", "Check delivery", "GET", "/messages/" + queued.id(),
                    new Endpoint("GET", "/api/messages/" + queued.id())));
        }
        if (a.stage.isTerminal()) {
            // Closed by a plain stage move: decided, but nobody told the candidate. A rejection can still be told through
            // the outcome form (once, with a letter previewed first); any final stage by recording how they were told.
            return List.of(a.stage == app.candor.application.Stage.REJECTED
                    ? new Action("TELL_CANDIDATE", "Tell the candidate", "GET", "/applications/" + a.id + "?action=outcome#action-panel",
                            new Endpoint("POST", "/api/applications/" + a.id + "/outcome/preview"))
                    : new Action("TELL_CANDIDATE", "Tell the candidate", "GET", "/applications/" + a.id + "?action=told#action-panel",
                            new Endpoint("POST", "/api/applications/" + a.id + "/told")));
        }
        String page = "/applications/" + a.id;
        String api = "/api/applications/" + a.id;
        List<Action> actions = new ArrayList<>();
        actions.add(new Action("SEND_OUTCOME", "Send outcome", "GET", page + "?action=outcome#action-panel", new Endpoint("POST", api + "/outcome/preview")));
        actions.add(new Action("DELAY", "Delay", "GET", page + "?action=delay#action-panel", new Endpoint("POST", api + "/delay/preview")));
        if (a.chasedAt != null) {
            actions.add(new Action("ANSWERED", "Answered", "POST", page + "/chasers/answered",
                    new Endpoint("POST", api + "/chasers/answered")));
        } else {
            actions.add(new Action("LOG_CHASER", "Log chaser", "GET", page + "?action=chaser#action-panel", new Endpoint("POST", api + "/chasers")));
        }
        return actions;
    }

    private static Letter first(List<Letter> letters, MessageState state) {
        return letters.stream().filter(l -> l.state() == state).findFirst().orElse(null);
    }

    private static Action markCallDone(long messageId) {
        return new Action("MARK_CALL_DONE", "Mark call done", "GET", "/messages/" + messageId + "#call-done",
                new Endpoint("POST", "/api/messages/" + messageId + "/call-done"));
    }

    private static Action fixAddress(long candidateId) {
        return new Action("FIX_ADDRESS", "Fix address", "GET", "/candidates/" + candidateId,
                new Endpoint("PUT", "/api/candidates/" + candidateId));
    }

    private static Action resend(long messageId) {
        return new Action("RESEND", "Resend", "GET", "/messages/" + messageId + "#resend",
                new Endpoint("POST", "/api/messages/" + messageId + "/resend"));
    }

    private static Action openFeedback(long interviewId) {
        return new Action("OPEN_FEEDBACK", "Open feedback", "GET", "/interviews/" + interviewId + "/feedback",
                new Endpoint("GET", "/api/interviews/" + interviewId + "/feedback"));
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
