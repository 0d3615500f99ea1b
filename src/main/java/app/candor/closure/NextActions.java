package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.closure.BoardView.Action;
import app.candor.closure.BoardView.Endpoint;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;

import java.util.ArrayList;
import java.util.List;

/** What to do next about a board row, as a link or button on the pages and the API call that does the same. */
final class NextActions {

    private NextActions() {
    }

    /** A closing letter that has not reached the candidate. */
    record UntoldLetter(long id, MessageKind kind, MessageState state) {
    }

    /**
     * The next step for an application that is late, chased or due: finish telling the candidate what
     * was already decided, or else decide (an outcome, or a later date), answering the chaser too.
     */
    static List<Action> forApplication(Application a, List<UntoldLetter> untold) {
        UntoldLetter call = first(untold, MessageState.CALL_PENDING);
        if (call != null) {
            return List.of(markCallDone(call.id()));
        }
        UntoldLetter failed = first(untold, MessageState.FAILED);
        if (failed != null) {
            return List.of(fixAddress(a.candidate.id));
        }
        UntoldLetter scheduled = first(untold, MessageState.SCHEDULED);
        if (scheduled != null) {
            return List.of(new Action("SEND_NOW", "Send now", "GET", "/messages/" + scheduled.id() + "#send-now",
                    new Endpoint("POST", "/api/messages/" + scheduled.id() + "/send-now")));
        }
        UntoldLetter queued = first(untold, MessageState.QUEUED);
        if (queued != null) {
            return List.of(new Action("CHECK_DELIVERY", "Check delivery", "GET", "/messages/" + queued.id(),
                    new Endpoint("GET", "/api/messages/" + queued.id())));
        }
        if (a.stage.isTerminal()) {
            // Closed by a plain stage move: decided, but nobody told the candidate. A rejection can still be told through
            // the outcome form (once, with a letter previewed first); any final stage by recording how they were told.
            return List.of(a.stage == Stage.REJECTED
                    ? new Action("TELL_CANDIDATE", "Tell the candidate", "GET", "/applications/" + a.id + "?action=outcome#action-panel",
                            new Endpoint("POST", "/api/applications/" + a.id + "/outcome/preview"))
                    : new Action("TELL_CANDIDATE", "Tell the candidate", "GET", "/applications/" + a.id + "?action=told#action-panel",
                            new Endpoint("POST", "/api/applications/" + a.id + "/told")));
        }
        String page = "/applications/" + a.id;
        String api = "/api/applications/" + a.id;
        List<Action> actions = new ArrayList<>();
        actions.add(new Action("SEND_OUTCOME", "Send outcome", "GET", page + "?action=outcome#action-panel", new Endpoint("POST", api + "/outcome/preview")));
        actions.add(new Action("DELAY", "Delay", "GET", page + "?action=delay#action-panel", new Endpoint("POST", api + "/delay/preview")));
        if (a.chasedAt != null) {
            actions.add(new Action("ANSWERED", "Answered", "POST", page + "/chasers/answered",
                    new Endpoint("POST", api + "/chasers/answered")));
        } else {
            actions.add(new Action("LOG_CHASER", "Log chaser", "GET", page + "?action=chaser#action-panel", new Endpoint("POST", api + "/chasers")));
        }
        return actions;
    }

    private static UntoldLetter first(List<UntoldLetter> letters, MessageState state) {
        return letters.stream().filter(l -> l.state() == state).findFirst().orElse(null);
    }

    static Action markCallDone(long messageId) {
        return new Action("MARK_CALL_DONE", "Mark call done", "GET", "/messages/" + messageId + "#call-done",
                new Endpoint("POST", "/api/messages/" + messageId + "/call-done"));
    }

    static Action fixAddress(long candidateId) {
        return new Action("FIX_ADDRESS", "Fix address", "GET", "/candidates/" + candidateId,
                new Endpoint("PUT", "/api/candidates/" + candidateId));
    }

    static Action resend(long messageId) {
        return new Action("RESEND", "Resend", "GET", "/messages/" + messageId + "#resend",
                new Endpoint("POST", "/api/messages/" + messageId + "/resend"));
    }

    static Action openFeedback(long interviewId) {
        return new Action("OPEN_FEEDBACK", "Open feedback", "GET", "/interviews/" + interviewId + "/feedback",
                new Endpoint("GET", "/api/interviews/" + interviewId + "/feedback"));
    }
}
