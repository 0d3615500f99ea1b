package app.candor.feedback;

import app.candor.application.Application;
import app.candor.application.CandidateRequests;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The candidate's request for feedback, for the application's view. */
@ApplicationScoped
public class FeedbackAskedFromTable implements CandidateRequests.FeedbackAsked {

    @Override
    public Optional<CandidateRequests.Asked> of(Application application) {
        return FeedbackRequest.findFor(application).map(r -> new CandidateRequests.Asked(r.requestedAt, r.answerMessageId));
    }
}
