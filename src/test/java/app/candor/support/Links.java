package app.candor.support;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The candidate links in a mail as the candidate received it: purpose ("withdraw", "status", "feedback") to URL. */
public final class Links {

    public static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+)/c/(withdraw|status|feedback|debrief)\\?t=(cnd_[A-Za-z0-9_-]{43})");
    /** Any token at all, wherever it turns up. */
    public static final Pattern TOKEN = Pattern.compile("cnd_[A-Za-z0-9_-]{43}");

    private Links() {
    }

    public static Map<String, String> in(String text) {
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            links.putIfAbsent(m.group(2), m.group());
        }
        return links;
    }

    /** The link for {@code purpose}, which must be there. */
    public static String of(String text, String purpose) {
        String link = in(text).get(purpose);
        assertThat(link).as(() -> "no " + purpose + " link in the mail").isNotNull();
        return link;
    }

    /** Path and query of a link, to request it from the app under test. */
    public static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    public static String token(String link) {
        Matcher m = TOKEN.matcher(link);
        if (!m.find()) {
            throw new AssertionError("no token in " + link.replaceAll("cnd_\\S+", "cnd_…"));
        }
        return m.group();
    }
}
