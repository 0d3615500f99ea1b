package app.candor.requisition;

import java.util.List;

/**
 * The rejection letters a requisition may name as its default. The letter templates own them and come after this
 * package (message.template implements this), so the requisition asks through this interface instead of depending on them.
 */
public interface RejectionLetters {

    /** A named rejection template in use, as a requisition's form offers it. */
    record Option(long id, String name) {
    }

    /** The named rejection templates in use (not retired), by name. */
    List<Option> options();

    /** Refused (400 on {@code field}) unless {@code id} is a named rejection template in use. */
    void requireOption(long id, String field);
}
