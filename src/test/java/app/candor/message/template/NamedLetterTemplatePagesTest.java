package app.candor.message.template;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 21: named templates managed on /admin/letters: an admin creates one of a kind, writes, previews and versions
 * its text, renames it, marks it the kind's default (preselected in the outcome form), and retires it (no longer
 * offered, refused where named, the letters already written keep their version). Refusals are shown with the form and
 * change nothing.
 */
@QuarkusTest
class NamedLetterTemplatePagesTest {

    @Inject
    TestData data;

    private static Map<String, String> text(String subject, String body) {
        return Map.of("subject", subject, "body", body);
    }

    private static LetterTemplate template(long id) {
        return Api.db(() -> LetterTemplate.<LetterTemplate>findById(id));
    }

    private static long versions(long id) {
        return Api.db(() -> LetterTemplateVersion.count("templateId", id));
    }

    @Test
    void anAdminCreatesWritesVersionsRenamesMakesDefaultAndRetiresANamedRejection() {
        User admin = data.admin();
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        PageSession session = PageSession.signIn(admin);
        session.get("/admin/letters").then().statusCode(200).body(containsString("id=\"new-named\""));

        String name = TestData.unique("After final interview");
        Response created = session.post("/admin/letters/named", Map.of("kind", "REJECTION", "name", name));
        created.then().statusCode(303);
        String editor = created.getHeader("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(editor).matches("/admin/letters/named/\\d+/en");
        long id = Long.parseLong(editor.split("/")[4]);
        assertThat(template(id).kind).isEqualTo(MessageKind.REJECTION);
        session.get("/admin/letters").then().statusCode(200).body(containsString(name), containsString("no text yet"));

        // The same name again, and a name of two lines: refused with the form, nothing created.
        long named = TestData.count(LetterTemplate.class);
        session.post("/admin/letters/named", Map.of("kind", "REJECTION", "name", name)).then().statusCode(400)
                .body(containsString("is already the name of a rejection template"));
        session.post("/admin/letters/named", Map.of("kind", "NOT_A_KIND", "name", "x")).then().statusCode(400);
        assertThat(TestData.count(LetterTemplate.class)).isEqualTo(named);

        // Editor: preview with the sample candidate writes nothing; a hostile text is refused with its line.
        session.get(editor).then().statusCode(200).body(containsString(name), containsString("id=\"rename-named\""));
        session.post(editor + "/preview", text("{role}: after the final interview", "{candidate.greeting}\n\nThank you for {role}."))
                .then().statusCode(200).body(containsString("Sample role: after the final interview"), containsString("Dr Lise Meitner"));
        assertThat(versions(id)).isZero();
        session.post(editor, text("{role}: x", "{candidate.greeting}\n\n<script>alert(1)</script>")).then().statusCode(400)
                .body(containsString("line 3: markup is not allowed"));
        assertThat(versions(id)).isZero();

        session.post(editor, text("{role}: after the final interview", "{candidate.greeting}\n\nThank you for the final interview."))
                .then().statusCode(303);
        session.post(editor, text("{role}: second thoughts", "{candidate.greeting}\n\nSecond version.")).then().statusCode(303);
        session.get(editor).then().statusCode(200).body(containsString("second thoughts"), containsString("(in force)"));
        session.post(editor + "/revert", Map.of("version", "1")).then().statusCode(303);
        LetterTemplateVersion inForce = Api.db(() -> LetterTemplateVersion.latest(id, MessageKind.REJECTION, "en").orElseThrow());
        assertThat(inForce.number).isEqualTo(3);
        assertThat(inForce.subject).isEqualTo("{role}: after the final interview");
        assertThat(inForce.createdBy).isEqualTo(admin.username);

        // Rename; an empty name is refused beside the field and changes nothing.
        String renamed = TestData.unique("After the final round");
        session.post("/admin/letters/named/" + id + "/rename", Map.of("name", renamed, "language", "en")).then().statusCode(303);
        assertThat(template(id).name).isEqualTo(renamed);
        session.post("/admin/letters/named/" + id + "/rename", Map.of("name", " ", "language", "en")).then().statusCode(400)
                .body(containsString("is required"));
        assertThat(template(id).name).isEqualTo(renamed);

        // Marked default: preselected in the outcome form, and what an unchosen rejection over the API is written from.
        Application before = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Application after = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        try {
            session.post("/admin/letters/named/" + id + "/default", Map.of("defaultForKind", "true", "language", "en")).then().statusCode(303);
            assertThat(template(id).defaultForKind).isTrue();
            PageSession.signIn(recruiter).get("/applications/" + before.id + "?action=outcome").then().statusCode(200)
                    .body(containsString("<option value=\"" + id + "\" selected>" + renamed + " (default)</option>"));
            json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when()
                    .post("/api/applications/" + before.id + "/outcome").then().statusCode(201);
            Message letter = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", before.id, MessageKind.REJECTION).firstResult());
            assertThat(letter.templateVersionId).isEqualTo(inForce.id);
        } finally {
            // Retiring takes it off every list and ends its being the default.
            session.get(editor);
            session.post("/admin/letters/named/" + id + "/retire", Map.of()).then().statusCode(303);
        }
        LetterTemplate retired = template(id);
        assertThat(retired.retired()).isTrue();
        assertThat(retired.retiredBy).isEqualTo(admin.username);
        assertThat(retired.defaultForKind).isFalse();
        PageSession.signIn(recruiter).get("/applications/" + after.id + "?action=outcome").then().statusCode(200)
                .body(containsString("name=\"reasonId\""), not(containsString(renamed)));
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "templateId", id)).when()
                .post("/api/applications/" + after.id + "/outcome").then().statusCode(400).body("errors[0].field", equalTo("templateId"));
        assertThat(Api.db(() -> Message.count("application.id", after.id))).isZero();
        // The letter written from it keeps its version; the retired template shows its versions, takes no new text.
        assertThat(Api.db(() -> LetterTemplateVersion.<LetterTemplateVersion>findById(inForce.id))).isNotNull();
        session.get(editor).then().statusCode(200).body(containsString("id=\"retired\""), not(containsString("id=\"template-form\"")));
        session.post(editor, text("{role}: again", "{candidate.greeting}")).then().statusCode(409);
        session.post("/admin/letters/named/" + id + "/default", Map.of("defaultForKind", "true", "language", "en")).then().statusCode(409);
        assertThat(versions(id)).isEqualTo(3);
        assertThat(template(id).defaultForKind).isFalse();
        session.get("/admin/letters").then().statusCode(200).body(containsString("retired by " + admin.username));
    }

    @Test
    void aRecruiterWithoutLeaveCannotManageNamedTemplates() {
        User admin = data.admin();
        long id = json(admin).body(Map.of("kind", "REJECTION", "name", TestData.unique("Keep in touch"))).when()
                .post("/api/letter-templates/named").then().statusCode(200).extract().jsonPath().getLong("id");
        PageSession recruiter = PageSession.signIn(data.recruiter());
        recruiter.get("/requisitions").then().statusCode(200);
        recruiter.get("/admin/letters/named/" + id + "/en").then().statusCode(403);
        recruiter.post("/admin/letters/named/" + id + "/rename", Map.of("name", "Taken over", "language", "en")).then().statusCode(403);
        recruiter.post("/admin/letters/named/" + id + "/retire", Map.of()).then().statusCode(403);
        recruiter.post("/admin/letters/named", Map.of("kind", "REJECTION", "name", TestData.unique("Mine"))).then().statusCode(403);
        assertThat(template(id).retired()).isFalse();
        json(admin).when().post("/api/letter-templates/named/" + id + "/retire").then().statusCode(200).body("retired", not(equalTo(null)));
    }
}
