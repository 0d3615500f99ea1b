package app.candor.message;

/** What a message tells the candidate. */
public enum MessageKind {
    OFFER("Offer"),
    REJECTION("Rejection"),
    ROLE_ON_HOLD("Role on hold"),
    ROLE_CANCELLED("Role cancelled"),
    DECISION_DELAYED("Decision delayed");

    public final String label;

    MessageKind(String label) {
        this.label = label;
    }
}
