package app.candor.message.template;

import io.quarkus.qute.HtmlEscaper;

import java.util.List;

/**
 * What the recruiters' daily closure digest says, for the team's edited template: already worded and formatted by
 * the digest (closure), one line per candidate. The values of the digest's placeholders ({@link Placeholders#DIGEST}).
 */
public record DigestFacts(String recipientName, String day, int overdueTotal, int dueSoonTotal, List<String> overdue,
                          List<String> dueSoon, String boardUrl) {

    private static final HtmlEscaper HTML = new HtmlEscaper(List.of());

    /** The value of a digest placeholder. */
    String value(String name) {
        return switch (name) {
            case "recruiter.name" -> recipientName;
            case "day" -> day;
            case "overdue.count" -> String.valueOf(overdueTotal);
            case "due.soon.count" -> String.valueOf(dueSoonTotal);
            case "overdue" -> overdue.isEmpty() ? "none" : String.join("\n", overdue);
            case "due.soon" -> dueSoon.isEmpty() ? "none" : String.join("\n", dueSoon);
            case "board.url" -> boardUrl;
            default -> throw new IllegalArgumentException("not a digest placeholder: " + name);
        };
    }

    /** The board as a link in the HTML part (made by Candor from escaped parts); the other values are escaped text. */
    String markup(String name) {
        if (!name.equals("board.url")) {
            return null;
        }
        String url = HTML.map(boardUrl, null);
        return "<a href=\"" + url + "\">" + url + "</a>";
    }

    /** A digest for the editor's preview. */
    static DigestFacts sample(String recipientName) {
        return new DigestFacts(recipientName, "Wed 16 Dec 2026", 2, 1,
                List.of("Lise Meitner, Sample role (Interview): promised Mon 14 Dec 2026, 2 business days over, CHASED Tue 15 Dec 2026",
                        "Ada Lovelace, Sample role (Screening): promised Tue 15 Dec 2026, 1 business day over"),
                List.of("Grace Hopper, Sample role (Final interview): promised Thu 17 Dec 2026"),
                "https://candor.example.com/board");
    }
}
