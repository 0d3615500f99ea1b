package app.candor.link;

import java.util.List;

/**
 * What a candidate may see about one application, in their language: the stage in plain words, the
 * promised date, their contact, and what was sent to them. Never an internal note, a rejection
 * reason, an interview score or a call note.
 */
public record CandidateStatus(
        String language,
        String candidateName,
        String role,
        String company,
        String stageText,
        /** Null once closed, or when no date was promised. */
        String promiseText,
        boolean open,
        Contact contact,
        List<Sent> sent,
        /** What comes next (an upcoming interview), in their words; null when nothing is planned. */
        String nextStep) {

    public record Contact(String name, String title, String email) {
    }

    /** A message as the candidate got it; {@code lines} is the plain-text body without the links. */
    public record Sent(String date, String subject, boolean call, List<String> lines) {
    }
}
