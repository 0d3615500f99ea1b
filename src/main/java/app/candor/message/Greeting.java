package app.candor.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The formal greeting of a letter, from the salutation the recruiter typed (free text: "Ms", "Dr", "Ms Dr",
 * "Frau Prof."). English puts an academic title in place of the honorific ("Dear Dr Meitner"); German puts it
 * after the honorific, with its dot ("Guten Tag Frau Dr. Meitner"), translates the honorific ("Ms" is "Frau"),
 * and without one (or with "Mx") greets by title and full name, as German does when it cannot say Frau or Herr
 * ("Guten Tag Dr. Lise Meitner"). A salutation it does not recognise word for word is written as typed, as before.
 */
final class Greeting {

    private enum Honorific { FEMALE, MALE, NEUTRAL }

    /** The salutation read word by word; null when a word is neither an honorific nor an academic title. */
    record Parsed(Honorific honorific, List<String> titles) {
    }

    private Greeting() {
    }

    /** The greeting's words for a formal letter: what {@link LetterWords#greetingTitled} puts before the surname, or null for the full-name form. */
    static String formal(LetterWords msg, String language, String salutation, String firstName, String lastName) {
        Parsed parsed = parse(salutation);
        if (parsed == null) {
            return msg.greetingTitled(salutation.strip(), lastName);
        }
        if ("de".equals(language)) {
            List<String> words = new ArrayList<>();
            if (parsed.honorific() == Honorific.FEMALE) {
                words.add("Frau");
            } else if (parsed.honorific() == Honorific.MALE) {
                words.add("Herr");
            }
            parsed.titles().forEach(t -> words.add(t + "."));
            if (words.isEmpty()) {
                return msg.greetingFullName(firstName, lastName);
            }
            if (parsed.honorific() == null || parsed.honorific() == Honorific.NEUTRAL) {
                return msg.greetingFullName(String.join(" ", words) + " " + firstName, lastName);
            }
            return msg.greetingTitled(String.join(" ", words), lastName);
        }
        if (!parsed.titles().isEmpty() && parsed.honorific() != null) {
            // English: the academic title replaces the honorific ("Dear Dr Meitner", never "Dear Ms Dr Meitner").
            return msg.greetingTitled(String.join(" ", parsed.titles()), lastName);
        }
        return msg.greetingTitled(salutation.strip(), lastName);
    }

    /** Honorific and academic titles ("Dr", "Prof"), or null when a word is something else. */
    static Parsed parse(String salutation) {
        Honorific honorific = null;
        List<String> titles = new ArrayList<>();
        for (String word : salutation.strip().split("\\s+")) {
            String w = word.toLowerCase(Locale.ROOT);
            w = w.endsWith(".") ? w.substring(0, w.length() - 1) : w;
            Honorific h = switch (w) {
                case "ms", "mrs", "miss", "frau", "fr" -> Honorific.FEMALE;
                case "mr", "herr", "hr" -> Honorific.MALE;
                case "mx" -> Honorific.NEUTRAL;
                default -> null;
            };
            if (h != null) {
                if (honorific != null) {
                    return null;
                }
                honorific = h;
            } else if (w.equals("dr") || w.equals("prof")) {
                titles.add(w.equals("dr") ? "Dr" : "Prof");
            } else {
                return null;
            }
        }
        return new Parsed(honorific, titles);
    }
}
