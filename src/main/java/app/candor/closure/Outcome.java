package app.candor.closure;

import app.candor.application.Stage;
import app.candor.message.MessageKind;

/** The two outcomes a recruiter records and tells the candidate about. */
public enum Outcome {
    OFFER(Stage.OFFER, MessageKind.OFFER),
    REJECTED(Stage.REJECTED, MessageKind.REJECTION);

    public final Stage stage;
    public final MessageKind kind;

    Outcome(Stage stage, MessageKind kind) {
        this.stage = stage;
        this.kind = kind;
    }
}
