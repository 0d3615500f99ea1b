package app.candor.candidatepage;

import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;

import java.time.LocalDate;
import java.util.List;

public record CandidateView(Long id, String salutation, String firstName, String lastName, boolean firstNameTerms,
                            String email, String phone, Channel preferredChannel, String language,
                            List<ApplicationRef> applications) {

    /** Where this person has applied (filled in by the caller that knows applications). */
    /** {@code stage}: the code (as the API has it); {@code stageLabel}: how pages name it. */
    public record ApplicationRef(Long id, Long requisitionId, String requisitionTitle, String stage, String stageLabel,
                                 LocalDate promisedDecisionDate) {
    }

    public static CandidateView of(Candidate c, List<ApplicationRef> applications) {
        return new CandidateView(c.id, c.salutation, c.firstName, c.lastName, c.firstNameTerms, c.email, c.phone,
                c.preferredChannel, c.language, applications);
    }
}
