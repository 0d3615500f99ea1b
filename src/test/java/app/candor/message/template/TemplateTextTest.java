package app.candor.message.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 21: the team's template language reaches nothing but its placeholders, refuses markup, and escapes in HTML. */
class TemplateTextTest {

    static final Set<String> ALLOWED = Set.of("candidate.greeting", "role", "links");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "Hello\\n{candidate.name}                 | 2 | unknown placeholder {candidate.name}",
            "{#if candidate.vip}yes{/if}               | 1 | '{#if candidate.vip}' is not a placeholder",
            "{role.getClass().getName()}               | 1 | is not a placeholder",
            "{inject:composer}                         | 1 | is not a placeholder",
            "{candidate.greeting                       | 1 | a '{' that opens no placeholder",
            "Dear }                                    | 1 | a '}' that closes no placeholder",
            "One\\nTwo\\n<script>alert(1)</script>     | 3 | markup is not allowed",
            "<a href='https://evil.example'>click</a>  | 1 | markup is not allowed",
            "<!-- hidden -->                           | 1 | markup is not allowed",
            "< img src=x onerror=alert(1)>             | 1 | markup is not allowed",
            "{{role}} {ROLE}                           | 1 | '{ROLE}' is not a placeholder"})
    void hostileTemplatesAreRefusedWithTheirLine(String source, int line, String message) {
        assertThatThrownBy(() -> TemplateText.parse(source.replace("\\n", "\n"), ALLOWED))
                .isInstanceOfSatisfying(TemplateText.Refused.class, e -> {
                    assertThat(e.line).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("line " + line + ": ").contains(message);
                });
    }

    @Test
    void bytesThatWereNotUtf8AndControlCharactersAreRefusedWithTheirLine() {
        for (String bad : new String[] {"\uFFFD", "\u0000", "\u001b[31m", "\u0085"}) {
            assertThatThrownBy(() -> TemplateText.parse("{candidate.greeting}\nWe are sorry " + bad, ALLOWED))
                    .isInstanceOfSatisfying(TemplateText.Refused.class, e -> assertThat(e.line).isEqualTo(2));
        }
        assertThat(TemplateText.parse("Tabs\tand\r\nline breaks are text", ALLOWED).segments()).hasSize(1);
    }

    @Test
    void placeholdersAreFilledBracesAndComparisonsStayText() {
        TemplateText t = TemplateText.parse("{candidate.greeting}\n\n{{not a placeholder}} for {role}: 3 < 4 & 5 > 2", ALLOWED);
        assertThat(t.segments()).hasSize(4);
        Map<String, String> values = Map.of("candidate.greeting", "Dear Dr Meitner,", "role", "Physicist");
        assertThat(t.text(values::get)).isEqualTo("Dear Dr Meitner,\n\n{not a placeholder} for Physicist: 3 < 4 & 5 > 2");
        assertThat(t.html(values::get, n -> null))
                .isEqualTo("<p>Dear Dr Meitner,</p>\n<p>{not a placeholder} for Physicist: 3 &lt; 4 &amp; 5 &gt; 2</p>\n");
    }

    @Test
    void hostileValuesAreEscapedInHtmlAndNeverParsed() {
        TemplateText t = TemplateText.parse("{candidate.greeting}\nWe are sorry about {role}.", ALLOWED);
        Map<String, String> values = Map.of("candidate.greeting", "Dear <script>alert('x')</script>,", "role", "{links} \"<b>\"");
        String html = t.html(values::get, n -> n.equals("links") ? "<a href=\"x\">made by Candor</a>" : null);
        assertThat(html).doesNotContain("<script>").doesNotContain("<b>").doesNotContain("made by Candor")
                .contains("Dear &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;,<br>\nWe are sorry about {links} &quot;&lt;b&gt;&quot;.");
        assertThat(t.text(values::get)).isEqualTo("Dear <script>alert('x')</script>,\nWe are sorry about {links} \"<b>\".");
    }
}
