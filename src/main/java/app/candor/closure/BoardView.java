package app.candor.closure;

import app.candor.application.Stage;
import app.candor.candidate.Channel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of the closure board: how many rows each section has, and the rows that fall on this page
 * (the sections follow one another across the pages, in their order).
 *
 * @param scope        "mine" (requisitions the viewer recruits for) or "team" (all)
 * @param filter       the requisition and recruiter the board is narrowed to (null: all)
 * @param dueSoonUntil the last promised date that counts as due soon (the next business day)
 */
public record BoardView(String scope, BoardParams.Filter filter, LocalDate today, LocalDate dueSoonUntil, int page, int pages, int pageSize, long total,
                        List<SectionCount> sections, List<Row> rows) {

    /** A section's size, and the page it starts on (null when it is empty). */
    public record SectionCount(BoardSection section, String label, long count, Integer page) {
    }

    public record Ref(long id, String name) {
    }

    public record RequisitionRef(long id, String title) {
    }

    public record Recruiter(String username, String name) {
    }

    /** An API call that does what the action does. */
    public record Endpoint(String method, String href) {
    }

    /**
     * What to do next about a row: on the pages a link ({@code GET}) or a button ({@code POST}, a form
     * with a CSRF token) at {@code href}; {@code api} is the API call for it (null when there is none).
     */
    public record Action(String kind, String label, String method, String href, Endpoint api) {
        public boolean post() {
            return "POST".equals(method);
        }
    }

    /**
     * One row: an application (sections 1-4), an interview whose feedback is missing, or a message
     * (a call to make, a failed letter), always with the application and its promise.
     *
     * @param closureDue the promised date (kept after the stage closes: an untold outcome still owes it)
     * @param daysOver   business days since the promised date, when it has passed
     * @param daysLeft   business days until the promised date, when it has not
     * @param promise    the same in words: "3 business days over", "due today"
     * @param chasedAt   when the oldest chaser still waiting came in
     * @param chasedBy   how it came (EMAIL or PHONE)
     * @param since      for an interview, when its hiring manager was reminded; for a message, when it was written
     * @param about      for an interview or a message: what it is, in a few words
     */
    public record Row(BoardSection section, Long applicationId, Long interviewId, Long messageId, Ref candidate, RequisitionRef requisition,
                      Recruiter recruiter, Stage stage, LocalDate closureDue, Integer daysOver, Integer daysLeft, String promise,
                      Instant chasedAt, Channel chasedBy, int waitingChasers, Instant since, String about, List<Action> actions) {
    }

    /** This page's rows of one section, for the page. */
    public record Group(BoardSection section, String label, String description, long count, List<Row> rows) {
    }

    public int previousPage() {
        return page - 1;
    }

    public int nextPage() {
        return page + 1;
    }

    public boolean mine() {
        return "mine".equals(scope);
    }

    public List<Group> groups() {
        List<Group> groups = new ArrayList<>();
        for (SectionCount s : sections) {
            List<Row> inSection = rows.stream().filter(r -> r.section() == s.section()).toList();
            if (!inSection.isEmpty()) {
                groups.add(new Group(s.section(), s.label(), s.section().description, s.count(), inSection));
            }
        }
        return groups;
    }
}
