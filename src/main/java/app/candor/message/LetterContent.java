package app.candor.message;

import java.util.List;

/** The data of one candidate letter, ready for the templates: everything already chosen and formatted. */
public record LetterContent(
        MessageKind kind,
        String language,
        String subject,
        String greeting,
        String candidateName,
        String role,
        String company,
        String senderName,
        String senderTitle,
        List<String> noteLines,
        String newDate,
        boolean confirmation,
        /** A withdrawal from several applications at once: every role it closed. */
        List<String> roles,
        /** The candidate's links (status, withdraw, feedback), their tokens still placeholders. */
        List<LetterLink> links,
        /** An interview invitation or its new details; null otherwise. */
        InterviewDetails interview,
        /** A stage update: the stage the application moved to, in the candidate's words; null otherwise. */
        String stage,
        /** The promised decision date a letter that keeps the promise names (the interview letters); null otherwise. */
        String decisionDate) {

    /** An interview as the candidate reads it: everything formatted in their language. */
    public record InterviewDetails(String when, String how, String location, List<String> people) {
    }

    public record LetterLink(String label, String url) {
    }

    public boolean hasNote() {
        return noteLines != null && !noteLines.isEmpty();
    }

    /** A feedback letter carries the feedback itself where other letters carry the recruiter's note. */
    public boolean feedback() {
        return kind == MessageKind.FEEDBACK;
    }

    public boolean hasLinks() {
        return links != null && !links.isEmpty();
    }

    public boolean manyRoles() {
        return roles != null && roles.size() > 1;
    }
}
