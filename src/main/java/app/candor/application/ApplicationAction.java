package app.candor.application;

import java.util.Arrays;
import java.util.Optional;

/**
 * The forms of the application page's action bar; one is open at a time. Its {@code param} is the page's
 * {@code ?action=} value, so that every form opens without JavaScript too, and its {@code anchor} the id
 * of the form on the page.
 */
public enum ApplicationAction {
    MOVE("move", "Move stage"),
    OUTCOME("outcome", "Record outcome"),
    DELAY("delay", "Delay decision"),
    INTERVIEW("interview", "Schedule interview"),
    CHASER("chaser", "Log a chaser"),
    TOLD("told", "Record how they were told"),
    NOTE("note", "Add a note");

    public final String param;
    public final String label;

    ApplicationAction(String param, String label) {
        this.param = param;
        this.label = label;
    }

    /** The action a {@code ?action=} value names; unknown or empty values open none (the page as usual). */
    public static Optional<ApplicationAction> parse(String value) {
        return Arrays.stream(values()).filter(a -> a.param.equals(value)).findFirst();
    }
}
