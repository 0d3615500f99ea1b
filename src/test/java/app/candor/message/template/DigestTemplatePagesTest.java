package app.candor.message.template;

import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * Issue 21: the recruiters' daily digest is an editable kind, in the team's language only, with its own placeholders
 * (a candidate letter's are refused), previewed with sample candidates; it has no named templates and no real-candidate
 * preview. (The digest written from an edited template: ClosureDigestTest.)
 */
@QuarkusTest
class DigestTemplatePagesTest {

    @Inject
    TestData data;

    @Test
    void theDigestIsEditedInTheTeamLanguageWithItsOwnPlaceholders() {
        User admin = data.admin();
        PageSession session = PageSession.signIn(admin);
        session.get("/admin/letters").then().statusCode(200).body(containsString("id=\"template-CLOSURE_DIGEST-en\""),
                not(containsString("id=\"template-CLOSURE_DIGEST-de\"")));
        session.get("/admin/letters/CLOSURE_DIGEST/en").then().statusCode(200)
                .body(containsString("{overdue}"), containsString("{board.url}"), not(containsString("{candidate.greeting}")),
                        not(containsString("id=\"f-applicationId\"")));
        session.get("/admin/letters/CLOSURE_DIGEST/de").then().statusCode(400);

        long versions = TestData.count(LetterTemplateVersion.class);
        session.post("/admin/letters/CLOSURE_DIGEST/en/preview", Map.of("subject", "Closure watch: {overdue.count} overdue",
                        "body", "Hello {recruiter.name},\n\n{overdue}\n\n{board.url}"))
                .then().statusCode(200).body(containsString("Closure watch: 2 overdue"), containsString("Lise Meitner, Sample role (Interview)"),
                        containsString("https://candor.example.com/board"));
        session.post("/admin/letters/CLOSURE_DIGEST/en", Map.of("subject", "Digest", "body", "{candidate.greeting}\n\n{overdue}"))
                .then().statusCode(400).body(containsString("line 1: unknown placeholder {candidate.greeting}"));
        assertThat(TestData.count(LetterTemplateVersion.class)).isEqualTo(versions);

        json(admin).when().get("/api/letter-templates").then().statusCode(200)
                .body("findAll { it.kind == 'CLOSURE_DIGEST' }.language", equalTo(java.util.List.of("en")))
                .body("find { it.kind == 'CLOSURE_DIGEST' }.placeholders.name", hasItem("due.soon"));
        json(admin).body(Map.of("subject", "x", "body", "{overdue}", "applicationId", 1)).when()
                .post("/api/letter-templates/CLOSURE_DIGEST/en/preview").then().statusCode(400).body("errors[0].field", equalTo("applicationId"));
        json(admin).body(Map.of("kind", "CLOSURE_DIGEST", "name", TestData.unique("Digest"))).when()
                .post("/api/letter-templates/named").then().statusCode(400).body("errors[0].field", equalTo("kind"));
    }
}
