package app.candor.message.template;

import io.quarkus.qute.HtmlEscaper;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The little language of letter templates the team edits: plain text with placeholders such as
 * {@code {candidate.greeting}}, nothing else. A strict parser splits it into text and placeholder segments; it is
 * never evaluated by Qute, so a template can reach only the values of its placeholders (no method calls, no other
 * data). Refused when saved, with the line: an unknown placeholder, a brace that opens none ("{#if", "{x.y()}"), and
 * any markup ("&lt;script&gt;", "&lt;a href=…&gt;", "&lt;!--"); "{{" and "}}" stand for a brace. Rendered as text, or
 * as HTML with every character of text and values escaped (paragraphs at empty lines, line breaks kept).
 */
public final class TemplateText {

    /** A run of text, or a placeholder by name. */
    public sealed interface Segment permits Text, Slot {
    }

    public record Text(String text) implements Segment {
    }

    public record Slot(String name) implements Segment {
    }

    /** Why a template was refused, and on which line (1-based). */
    public static final class Refused extends RuntimeException {
        public final int line;

        Refused(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }
    }

    private static final Pattern NAME = Pattern.compile("[a-z]+(?:\\.[a-z]+)*");
    /** Anything a browser or mail client could read as markup: a tag, a comment, a declaration, a processing instruction. */
    private static final Pattern MARKUP = Pattern.compile("<\\s*[A-Za-z/!?]");
    private static final HtmlEscaper HTML = new HtmlEscaper(List.of());

    private final List<Segment> segments;

    private TemplateText(List<Segment> segments) {
        this.segments = List.copyOf(segments);
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The template's segments; refused (with the line) unless every placeholder is one of {@code allowed}. */
    public static TemplateText parse(String source, Set<String> allowed) {
        List<Segment> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int line = 1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '\n') {
                line++;
            }
            if (c == '\uFFFD' || Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                // As everywhere else in Candor (system/MultiLine): U+FFFD is what a decoder makes of bytes that were not
                // UTF-8, and a control character would reach the candidate's letter.
                throw new Refused(line, "a character that is not text (a control character, or bytes that were not UTF-8)");
            }
            if (c == '<') {
                Matcher m = MARKUP.matcher(source).region(i, source.length());
                if (m.lookingAt()) {
                    throw new Refused(line, "markup is not allowed (write plain text; paragraphs are separated by an empty line)");
                }
            }
            if (c == '}') {
                if (i + 1 < source.length() && source.charAt(i + 1) == '}') {
                    text.append('}');
                    i++;
                    continue;
                }
                throw new Refused(line, "a '}' that closes no placeholder (write '}}' for a brace)");
            }
            if (c != '{') {
                text.append(c);
                continue;
            }
            if (i + 1 < source.length() && source.charAt(i + 1) == '{') {
                text.append('{');
                i++;
                continue;
            }
            int end = source.indexOf('}', i + 1);
            int newline = source.indexOf('\n', i + 1);
            if (end < 0 || (newline >= 0 && newline < end)) {
                throw new Refused(line, "a '{' that opens no placeholder (write '{{' for a brace)");
            }
            String name = source.substring(i + 1, end);
            if (!NAME.matcher(name).matches()) {
                throw new Refused(line, "'{" + name + "}' is not a placeholder: only names like {candidate.greeting} are allowed");
            }
            if (!allowed.contains(name)) {
                throw new Refused(line, "unknown placeholder {" + name + "}; this letter knows " + String.join(", ",
                        allowed.stream().sorted().map(n -> "{" + n + "}").toList()));
            }
            if (!text.isEmpty()) {
                out.add(new Text(text.toString()));
                text.setLength(0);
            }
            out.add(new Slot(name));
            i = end;
        }
        if (!text.isEmpty()) {
            out.add(new Text(text.toString()));
        }
        return new TemplateText(out);
    }

    /** As plain text: the values as they are. */
    public String text(Function<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            out.append(s instanceof Text t ? t.text() : nonNull(values.apply(((Slot) s).name())));
        }
        return out.toString();
    }

    /**
     * As HTML paragraphs: text and values escaped, except the values {@code markup} gives (made by Candor itself from
     * escaped parts, e.g. the candidate's links); an empty line starts a paragraph, a line break is kept.
     */
    public String html(Function<String, String> values, Function<String, String> markup) {
        StringBuilder out = new StringBuilder();
        for (Segment s : segments) {
            if (s instanceof Text t) {
                out.append(HTML.map(t.text(), null));
            } else {
                String name = ((Slot) s).name();
                String made = markup.apply(name);
                out.append(made != null ? made : HTML.map(nonNull(values.apply(name)), null));
            }
        }
        StringBuilder html = new StringBuilder();
        for (String paragraph : out.toString().replace("\r\n", "\n").strip().split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(paragraph.strip().replace("\n", "<br>\n")).append("</p>\n");
            }
        }
        return html.toString();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
