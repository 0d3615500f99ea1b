package app.candor.application;

import app.candor.system.BusinessCalendar;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/** When a candidate is promised a decision: the per-stage default, or the recruiter's own date. */
@ApplicationScoped
public class PromisePolicy {

    /** Further ahead than this is almost certainly a typo, and a promise nobody will keep. */
    static final int MAX_DAYS_AHEAD = 365;

    @Inject
    BusinessCalendar calendar;

    @Inject
    CandorConfig config;

    public int defaultBusinessDays(Stage stage) {
        CandorConfig.PromiseDays days = config.promiseDays();
        return switch (stage) {
            case APPLIED -> days.applied();
            case SCREENING -> days.screening();
            case INTERVIEW -> days.interview();
            case FINAL_INTERVIEW -> days.finalInterview();
            case OFFER -> days.offer();
            default -> 0;
        };
    }

    /** The default promise for entering {@code stage} today; null for a terminal stage. */
    public LocalDate defaultFor(Stage stage) {
        if (stage.isTerminal()) {
            return null;
        }
        return calendar.addBusinessDays(calendar.today(), defaultBusinessDays(stage));
    }

    /** The promise for entering {@code stage}: {@code chosen} if given and sensible, else the default. */
    public LocalDate promiseFor(Stage stage, LocalDate chosen) {
        if (chosen == null) {
            return defaultFor(stage);
        }
        if (stage.isTerminal()) {
            throw ProblemException.invalidField("promisedDecisionDate",
                    "must be empty: moving to " + stage.name() + " closes the application");
        }
        LocalDate today = calendar.today();
        if (chosen.isBefore(today)) {
            throw ProblemException.invalidField("promisedDecisionDate", "must not be in the past (today is " + today + ")");
        }
        if (chosen.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw ProblemException.invalidField("promisedDecisionDate", "must be within a year from today");
        }
        return chosen;
    }
}
