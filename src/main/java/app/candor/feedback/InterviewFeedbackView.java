package app.candor.feedback;

import java.time.Instant;
import java.util.List;

/** Feedback as the API shows it to the team, with what it said before each edit after submission. */
public record InterviewFeedbackView(Long id, Long interviewId, String author, String authorName, Recommendation recommendation, String strengths,
                           String concerns, String shareable, InterviewFeedback.State state, Instant updatedAt, Instant submittedAt,
                           List<Revision> revisions) {

    public record Revision(Instant revisedAt, String revisedBy, Recommendation recommendation, String strengths, String concerns,
                           String shareable) {
    }

    public static InterviewFeedbackView of(InterviewFeedback f) {
        return new InterviewFeedbackView(f.id, f.interview.id, f.author, f.authorName, f.recommendation, f.strengths, f.concerns, f.shareable,
                f.state, f.updatedAt, f.submittedAt, InterviewFeedbackRevision.listFor(f.id).stream()
                .map(r -> new Revision(r.revisedAt, r.revisedBy, r.recommendation, r.strengths, r.concerns, r.shareable)).toList());
    }
}
