package app.candor.feedback;

/** A hiring manager's call after an interview. */
public enum Recommendation {
    STRONG_YES("Strong yes"),
    YES("Yes"),
    NO("No"),
    STRONG_NO("Strong no");

    public final String label;

    Recommendation(String label) {
        this.label = label;
    }
}
