package app.candor.message;

import app.candor.application.Application;
import app.candor.application.ClosingLetters;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** The application's closing letters and calls, from the outbox. */
@ApplicationScoped
public class ClosingLettersFromOutbox implements ClosingLetters {

    @Override
    public Optional<OnItsWay> onItsWay(Application application) {
        return Message.findPendingClosing(application).map(m -> new OnItsWay(m.id, m.kind.label, m.state.name(), m.kind == MessageKind.OFFER));
    }

    @Override
    public boolean rejectionWritten(Application application) {
        return Message.existsNotCancelled(application, MessageKind.REJECTION);
    }
}
