package app.candor.interview;

import java.time.Instant;

/** The candidate's debrief answer as the team sees it (API and application page). */
public record DebriefView(Instant answeredAt, HowItWent howItWent, boolean stillInterested, String note) {

    /** In the recruiter's words (English, like the rest of the team's Candor). */
    public String howItWentLabel() {
        return switch (howItWent) {
            case GREAT -> "Great";
            case GOOD -> "Good";
            case MIXED -> "Mixed";
            case POOR -> "Not well";
        };
    }
}
