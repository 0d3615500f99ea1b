package app.candor.message;

import app.candor.application.Application;
import app.candor.link.LettersToCandidate;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/** The candidate's status page's letters, from the outbox: those sent and the calls made. */
@ApplicationScoped
public class LettersToCandidateFromOutbox implements LettersToCandidate {

    @Override
    public List<Delivered> delivered(Application application) {
        return Message.listDeliveredToCandidate(application).stream().map(m -> {
            boolean call = m.state == MessageState.CALL_DONE;
            return new Delivered(call, call ? m.callDoneAt : m.sentAt, m.subject, m.bodyText);
        }).toList();
    }
}
