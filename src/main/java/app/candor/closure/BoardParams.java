package app.candor.closure;

import app.candor.system.ProblemException;
import app.candor.user.User;

import java.util.Locale;

/**
 * What the board is asked for, as written in its query string (the API and the pages read it the same way):
 * whose requisitions, narrowed to which requisition or recruiter. A value that does not parse is
 * refused by name (400).
 */
public final class BoardParams {

    private BoardParams() {
    }

    /** Which requisitions the board covers: the viewer's own, or everyone's. */
    public enum Scope {
        MINE, TEAM;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code mine} or {@code team}; without one, recruiters see theirs and admins the team's. */
        public static Scope parse(String raw, User viewer) {
            if (raw == null || raw.isBlank()) {
                return viewer.isRecruiter() ? MINE : TEAM;
            }
            return switch (raw.strip().toLowerCase(Locale.ROOT)) {
                case "mine" -> MINE;
                case "team" -> TEAM;
                default -> throw ProblemException.invalidField("scope", "must be mine or team");
            };
        }
    }

    /**
     * Narrows the board to one requisition and/or one recruiter (ids from the query string; null: all). A recruiter
     * filter takes the place of "mine" (the same index, ix_application_board_mine, with another recruiter's id).
     */
    public record Filter(Long requisition, Long recruiter) {
        public static final Filter NONE = new Filter(null, null);

        /** Both ids as written in the query string; a value that is not a positive whole number is refused by name. */
        public static Filter parse(String requisition, String recruiter) {
            return new Filter(id("requisition", requisition), id("recruiter", recruiter));
        }

        private static Long id(String field, String raw) {
            if (raw == null || raw.isBlank()) {
                return null;
            }
            try {
                long id = Long.parseLong(raw.strip());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw ProblemException.invalidField(field, "must be the id of a " + field);
        }

        /** The filter as query-string parameters to append to a board address ({@code &requisition=…}), or "". */
        public String query() {
            return (requisition == null ? "" : "&requisition=" + requisition) + (recruiter == null ? "" : "&recruiter=" + recruiter);
        }

        public boolean any() {
            return requisition != null || recruiter != null;
        }
    }
}
