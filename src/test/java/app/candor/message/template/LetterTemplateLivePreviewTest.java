package app.candor.message.template;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.link.CandidateLink;
import app.candor.message.Message;
import app.candor.requisition.Requisition;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 21: the template editor previews the letter as typed for a real candidate (an application the editor may
 * see, whose candidate writes in the template's language), through the composer, escaped, writing nothing; any other
 * application is refused beside the field.
 */
@QuarkusTest
class LetterTemplateLivePreviewTest {

    @Inject
    TestData data;

    private static Map<String, String> typed(String applicationId) {
        Map<String, String> form = new HashMap<>();
        form.put("subject", "{role}: our answer");
        form.put("body", "{candidate.greeting}\n\nThank you, {candidate.name}, for applying for {role}.\n\n{links}\n\n{recruiter.name}");
        form.put("applicationId", applicationId);
        return form;
    }

    @Test
    void anEditorWhoSeesTheApplicationPreviewsTheLetterForThatCandidateAndNothingIsWritten() {
        User editor = data.user(Role.ADMIN, Role.RECRUITER);
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Backend <Engineer>"));
        Application ada = data.application(requisition, recruiter, new CandidateInput("Ms", "Ada", "<b>Lovelace</b>", false,
                TestData.email(), null, Channel.EMAIL, "en"));
        Application lise = data.application(requisition, recruiter, new CandidateInput("Frau", "Lise", "Meitner", false,
                TestData.email(), null, Channel.EMAIL, "de"));

        PageSession session = PageSession.signIn(editor);
        // Offered: recent candidates writing in the template's language.
        session.get("/admin/letters/REJECTION/en").then().statusCode(200)
                .body(containsString("<option value=\"" + ada.id + "\">"), not(containsString("<option value=\"" + lise.id + "\">")));
        session.get("/admin/letters/REJECTION/de").then().statusCode(200).body(containsString("<option value=\"" + lise.id + "\">"));

        long messages = TestData.count(Message.class);
        long links = TestData.count(CandidateLink.class);
        long versions = TestData.count(LetterTemplateVersion.class);
        String page = session.post("/admin/letters/REJECTION/en/preview", typed(String.valueOf(ada.id))).then().statusCode(200)
                .body(containsString("application " + ada.id)).extract().asString();
        // The candidate's own greeting, role and recruiter, every value escaped; never the sample candidate.
        assertThat(page).contains("Dear Ms &lt;b&gt;Lovelace&lt;/b&gt;,").contains(requisition.title.replace("<", "&lt;").replace(">", "&gt;") + ": our answer")
                .contains("Rita Recruiter").doesNotContain("<b>Lovelace</b>").doesNotContain("Sample role");
        assertThat(TestData.count(Message.class)).isEqualTo(messages);
        assertThat(TestData.count(CandidateLink.class)).isEqualTo(links);
        assertThat(TestData.count(LetterTemplateVersion.class)).isEqualTo(versions);

        // Empty: the sample candidate. Another language, an unknown number, not a number: refused beside the field.
        session.post("/admin/letters/REJECTION/en/preview", typed("")).then().statusCode(200).body(containsString("Sample role: our answer"));
        session.post("/admin/letters/REJECTION/en/preview", typed(String.valueOf(lise.id))).then().statusCode(400)
                .body(containsString("writes in de, not en"));
        session.post("/admin/letters/REJECTION/en/preview", typed("987654321")).then().statusCode(400)
                .body(containsString("there is no application 987654321 you may see"));
        session.post("/admin/letters/REJECTION/en/preview", typed("twelve")).then().statusCode(400)
                .body(containsString("is not a number"));

        // A named template's editor previews the same way, and so does the API.
        long named = json(editor).body(Map.of("kind", "REJECTION", "name", TestData.unique("Live preview"))).when()
                .post("/api/letter-templates/named").then().statusCode(200).extract().jsonPath().getLong("id");
        try {
            session.post("/admin/letters/named/" + named + "/en/preview", typed(String.valueOf(ada.id))).then().statusCode(200)
                    .body(containsString("Dear Ms &lt;b&gt;Lovelace&lt;/b&gt;,"));
            json(editor).body(Map.of("subject", "{role}", "body", "{candidate.greeting}", "applicationId", ada.id)).when()
                    .post("/api/letter-templates/REJECTION/en/preview").then().statusCode(200)
                    .body("subject", equalTo(requisition.title));
            json(editor).body(Map.of("subject", "{role}", "body", "{candidate.greeting}", "applicationId", lise.id)).when()
                    .post("/api/letter-templates/REJECTION/en/preview").then().statusCode(400)
                    .body("errors[0].field", equalTo("applicationId"));
        } finally {
            json(editor).when().post("/api/letter-templates/named/" + named + "/retire").then().statusCode(200);
        }
        assertThat(TestData.count(Message.class)).isEqualTo(messages);
    }

    @Test
    void anAdminWhoSeesNoCandidatesIsOfferedNoneAndCannotNameOne() {
        User admin = data.admin();
        User recruiter = data.recruiter();
        Application a = data.application(data.requisition(recruiter, data.hiringManager()), recruiter);
        PageSession session = PageSession.signIn(admin);
        session.get("/admin/letters/REJECTION/en").then().statusCode(200).body(not(containsString("<option value=\"" + a.id + "\">")));
        session.post("/admin/letters/REJECTION/en/preview", typed(String.valueOf(a.id))).then().statusCode(400)
                .body(containsString("there is no application " + a.id + " you may see"));
    }
}
