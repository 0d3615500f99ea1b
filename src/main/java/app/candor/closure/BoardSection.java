package app.candor.closure;

/**
 * The closure board's sections, in the order a recruiter should work through them. The first four are
 * applications (mutually exclusive: an application shows in one of them at most); the last three are
 * the interviews and messages behind them.
 */
public enum BoardSection {
    OVERDUE_CHASED("Overdue and chased", "The promised date has passed and the candidate has been in touch. Oldest promise first."),
    OVERDUE("Overdue", "The promised date has passed and the candidate has not been told. Oldest promise first."),
    CHASED("Chased", "The candidate got in touch and is waiting for a reply. Longest waiting first."),
    DUE_SOON("Due soon", "The promised date is today or the next business day. Earliest promise first."),
    FEEDBACK_MISSING("Feedback missing", "The hiring manager's interview feedback is past due (they were reminded once). Oldest first."),
    CALL_PENDING("Calls to make", "Call tasks waiting for your call. Oldest first."),
    FAILED("Messages failed", "Letters to candidates that could not be delivered. Oldest first.");

    public final String label;
    public final String description;

    BoardSection(String label, String description) {
        this.label = label;
        this.description = description;
    }
}
