package app.candor.candidate;

/**
 * A candidate's e-mail address was corrected, fired inside that transaction: message sends what has not left yet to
 * the new address (sent mail keeps the one it went to).
 */
public record CandidateAddressChanged(Candidate candidate) {
}
