package app.candor.interview;

/** How the interview went, as the candidate felt it. */
public enum HowItWent {
    GREAT, GOOD, MIXED, POOR
}
