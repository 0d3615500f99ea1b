package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.application.Stage;
import app.candor.closure.BoardParams.Filter;
import app.candor.closure.BoardParams.Scope;
import app.candor.closure.BoardRows.Fetched;
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
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The closure board: what stands between each candidate and their answer, most urgent first.
 *
 * <p>It reads a page without loading the board: each section's size is one count query (served by
 * {@code ix_application_closure_due}, {@code ix_application_chased} and {@code ix_message_due}), and
 * only the sections that fall on the requested page are read, each with offset and limit in a stable
 * order (ties broken by id). An application section reads the page's ids first, off the board index
 * alone, then those applications with their candidate, requisition and recruiter; the others fetch
 * those with the page in one query. {@link BoardRows} turns what was read into the page's rows.
 */
@ApplicationScoped
public class ClosureBoard {

    /** Earlier than any chaser (a range condition the chased index can serve; see {@link #parts}). */
    static final Instant CHASED_SINCE = Instant.parse("1970-01-01T00:00:00Z");

    /**
     * Later than any chaser: the range's upper end. Without it H2 (whose nulls sort last) reads on past the chased
     * applications through every unchased open one.
     */
    static final Instant CHASED_UNTIL = Instant.parse("9999-01-01T00:00:00Z");

    @Inject
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    @Inject
    BoardRows rows;

    /**
     * One section's queries: how many rows, and the rows in order. With {@code ids} the page is read in two steps: the
     * page's ids in order ({@code ids}, one table, off the board index), then those rows with their joins
     * ({@code select}, {@code where a.id in :ids}); without it {@code select} reads the page itself.
     */
    private record Part(BoardSection section, String count, String ids, String select, Map<String, Object> params, Class<?> type) {
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

        return new BoardView(scope.value(), filter, today, dueSoonUntil, page, pages, size, total, counts, rows.rows(fetched, today));
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
        // chased applications) but would scan every open application for IS NOT NULL. Both ends: with only the lower one
        // H2 reads on through the nulls, and for this section's page chooses ix_application_closure_due and reads every
        // earlier promise's row, closed ones included.
        String chased = "a.chasedAt >= :chased and a.chasedAt < :chasedUntil";
        String only = requisition("a.requisition.id", requisition);
        parts.add(applications(BoardSection.OVERDUE_CHASED, chased + " and a.closure.due < :today" + only, "a.closure.due, a.id",
                openChased, me));
        parts.add(applications(BoardSection.OVERDUE, "a.closure.due < :today and a.chasedAt is null" + only, byPromise, open, me));
        parts.add(applications(BoardSection.CHASED, chased + " and (a.closure.due is null or a.closure.due >= :today)" + only,
                "a.chasedAt, a.id", openChased, me));
        parts.add(applications(BoardSection.DUE_SOON, "a.chasedAt is null and a.closure.due >= :today and a.closure.due <= :until" + only,
                byPromise, params("open", ClosureState.OPEN, "today", today, "until", dueSoonUntil), me));

        // 5: interviews whose feedback went missing (InterviewFeedbackDue stamps the reminder exactly then) and is still not submitted.
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
}
