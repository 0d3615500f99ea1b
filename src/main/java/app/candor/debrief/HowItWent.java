package app.candor.debrief;

/** How the interview went, as the candidate felt it. */
public enum HowItWent {
    GREAT, GOOD, MIXED, POOR
}
