package app.candor.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Stored codes read as words on pages; anything else is left as it is. */
class TemplateExtensionsTest {

    @Test
    void codesReadAsWordsAndOtherTextIsLeftAlone() {
        assertThat(TemplateExtensions.words("ROLE_FILLED")).isEqualTo("Role filled");
        assertThat(TemplateExtensions.words("SCREENING")).isEqualTo("Screening");
        assertThat(TemplateExtensions.words("EMAIL")).isEqualTo("Email");
        assertThat(TemplateExtensions.words("Senior Engineer")).isEqualTo("Senior Engineer");
        assertThat(TemplateExtensions.words("a_b")).isEqualTo("a_b");
        assertThat(TemplateExtensions.words("")).isEmpty();
        assertThat(TemplateExtensions.words(null)).isNull();
    }
}
