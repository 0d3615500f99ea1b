package app.candor.message;

import java.util.List;

/** The data of one candidate letter, ready for the templates: everything already chosen and formatted. */
public record Letter(
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
        boolean confirmation) {

    public boolean hasNote() {
        return noteLines != null && !noteLines.isEmpty();
    }
}
