package app.candor.closure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateExtension;

/**
 * The statistics as JSON for a {@code <script type="application/json">} element, which the chart script
 * reads. A script element's text is not HTML-decoded, so Qute's HTML escaping would corrupt the JSON;
 * instead every character that could end the element or open a comment ({@code < > &}) is written as a
 * JSON unicode escape, and the JSON is then safe to output unescaped: a requisition titled
 * {@code </script><script>…} stays a string.
 */
@TemplateExtension
public class ChartData {

    private static final CharacterEscapes SCRIPT_SAFE = new CharacterEscapes() {
        private final int[] ascii = scriptSafeAscii();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Line and paragraph separators: valid in JSON, but not everywhere in JavaScript.
            return ch == 0x2028 ? new SerializedString("\\u2028") : ch == 0x2029 ? new SerializedString("\\u2029") : null;
        }
    };

    private static int[] scriptSafeAscii() {
        int[] escapes = CharacterEscapes.standardAsciiEscapesForJSON();
        escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
        escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        return escapes;
    }

    /** {@code {stats.scriptJson}}: the statistics as script-safe JSON. */
    public static RawString scriptJson(ClosureStatsView stats) {
        return new RawString(toScriptJson(stats));
    }

    static String toScriptJson(Object value) {
        ObjectMapper mapper = Arc.container().instance(ObjectMapper.class).get();
        try {
            return mapper.writer().with(SCRIPT_SAFE).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("statistics not serialisable", e);
        }
    }
}
