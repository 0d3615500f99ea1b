package app.candor.system;

import java.util.Locale;

/** A search box's text as a SQL LIKE pattern; queries write {@code like ?1 escape '\'}. */
public final class LikePattern {

    private LikePattern() {
    }

    /** Matches values containing {@code text}, lower-cased; a '%' or '_' typed in the box means itself. */
    public static String containing(String text) {
        return "%" + text.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
