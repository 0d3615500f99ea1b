package app.candor.system;

import io.quarkus.arc.Arc;
import io.quarkus.qute.TemplateExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How dates read on pages: "Wed 2 Dec 2026", and moments "Wed 2 Dec 2026, 09:00" in Candor's time zone; stored codes
 * as words ("ROLE_FILLED" reads "Role filled").
 */
@TemplateExtension
public class TemplateExtensions {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    /** The same day format as {@link #DAY}, with the time: one way to write dates on every page. */
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);

    public static String human(LocalDate date) {
        return date == null ? "—" : DAY.format(date);
    }

    public static String human(Instant instant) {
        if (instant == null) {
            return "—";
        }
        return MOMENT.format(instant.atZone(Arc.container().instance(BusinessCalendar.class).get().zone()));
    }

    /** A stored code (an enum's name, "ROLE_FILLED") as words ("Role filled"); any other text as it is. */
    public static String words(String code) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
            return code;
        }
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
