package app.candor.message.template;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21: an admin edits the rejection letter: hostile templates are refused with their line and change nothing; a saved
 * version writes the letters (hostile candidate names escaped in HTML, the version recorded on the message); versions
 * keep who and when; going back to the built-in letter writes exactly what Candor wrote before any edit.
 */
@QuarkusTest
class LetterTemplatesApiTest {

    static final String PATH = "/api/letter-templates/REJECTION/en";

    @Inject
    TestData data;

    User admin;

    @AfterEach
    void backToTheBuiltInLetter() {
        if (admin != null) {
            json(admin).body("{\"version\":null}").when().post(PATH + "/revert").then().statusCode(200);
        }
    }

    private Map<String, Object> preview(User recruiter, long applicationId) {
        return json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when()
                .post("/api/applications/" + applicationId + "/outcome/preview").then().statusCode(200).extract().jsonPath().getMap("");
    }

    @Test
    void anEditedRejectionWritesTheLettersEscapedRecordsItsVersionAndTheBuiltInComesBackUnchanged() {
        admin = data.admin();
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Backend Engineer"));
        Application mallory = data.application(requisition, recruiter, new CandidateInput("Dr", "Mallory", "<img src=x onerror=alert(1)>",
                false, TestData.email(), null, Channel.EMAIL, "en"));
        Map<String, Object> builtIn = preview(recruiter, mallory.id);

        // Only admins edit (recruiters where an admin allows it, off by default).
        json(recruiter).body(Map.of("subject", "x", "body", "y")).when().put(PATH).then().statusCode(403);
        json(data.hiringManager()).when().get("/api/letter-templates").then().statusCode(403);
        app.candor.support.PageSession.signIn(recruiter).get("/admin/letters").then().statusCode(403);
        json(admin).when().get("/api/letter-templates").then().statusCode(200)
                .body("find { it.kind == 'REJECTION' && it.language == 'en' }.placeholders.name", org.hamcrest.Matchers.hasItems(
                        "candidate.greeting", "role", "company", "recruiter.name", "links"));

        // Hostile templates: refused with the line, nothing saved.
        int versionsBefore = Api.db(() -> LetterTemplateVersion.history(MessageKind.REJECTION, "en")).size();
        json(admin).body(Map.of("subject", "About {role}", "body", "{candidate.greeting}\n\n<script>alert(1)</script>"))
                .when().put(PATH).then().statusCode(400).body("detail", containsString("line 3: markup is not allowed"));
        json(admin).body(Map.of("subject", "About {role}", "body", "{candidate.greeting}\n{candidate.getClass()}"))
                .when().put(PATH).then().statusCode(400).body("errors[0].field", equalTo("body"))
                .body("detail", containsString("line 2: '{candidate.getClass()}' is not a placeholder"));
        json(admin).body(Map.of("subject", "About {date.new}", "body", "x"))
                .when().put(PATH).then().statusCode(400).body("errors[0].field", equalTo("subject"))
                .body("detail", containsString("unknown placeholder {date.new}"));
        assertThat(Api.db(() -> LetterTemplateVersion.history(MessageKind.REJECTION, "en"))).hasSize(versionsBefore);

        String body = "{candidate.greeting}\n\nThank you for applying for {role} at {company}. We chose someone else.\n\n{links}\n\n"
                + "Best wishes,\n{recruiter.name}, {recruiter.title}";
        JsonPath saved = json(admin).body(Map.of("subject", "{role}: our answer", "body", body)).when().put(PATH).then().statusCode(200)
                .extract().jsonPath();
        int number = saved.getInt("number");
        assertThat(saved.getString("by")).isEqualTo(admin.username);
        assertThat(saved.getBoolean("builtIn")).isFalse();

        // The preview with a sample candidate (writes nothing).
        json(admin).body(Map.of("subject", "{role}: our answer", "body", body)).when().post(PATH + "/preview").then().statusCode(200)
                .body("subject", equalTo("Sample role: our answer")).body("bodyText", containsString("Dear Dr Meitner,"));

        long id = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when().post("/api/applications/" + mallory.id + "/outcome")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        Message letter = Api.db(() -> Message.findById(id));
        assertThat(letter.subject).isEqualTo(requisition.title + ": our answer");
        assertThat(letter.templateVersionId).as("the letter records its template version")
                .isEqualTo(Api.db(() -> LetterTemplateVersion.findNumber(MessageKind.REJECTION, "en", number).orElseThrow().id));
        assertThat(letter.bodyText).startsWith("Dear Dr <img src=x onerror=alert(1)>,\n\nThank you for applying for " + requisition.title
                + " at Candor Demo Ltd.").contains("Best wishes,\nRita Recruiter, Talent Partner").contains("See where your application stands: ");
        assertThat(letter.bodyHtml).doesNotContain("<img").contains("<p>Dear Dr &lt;img src=x onerror=alert(1)&gt;,</p>")
                .contains("<a href=\"").contains(">Ask for feedback</a>");

        // Versions: who and when; back to the built-in letter writes exactly what Candor wrote before.
        json(admin).body(Map.of("subject", "Second {role}", "body", body)).when().put(PATH).then().statusCode(200);
        json(admin).body("{\"version\":" + number + "}").when().post(PATH + "/revert").then().statusCode(200)
                .body("subject", equalTo("{role}: our answer")).body("number", equalTo(number + 2));
        json(admin).when().get(PATH + "/versions").then().statusCode(200)
                .body("number[0..2]", org.hamcrest.Matchers.contains(number + 2, number + 1, number))
                .body("by[0..2]", org.hamcrest.Matchers.everyItem(equalTo(admin.username)));
        json(admin).body("{\"version\":null}").when().post(PATH + "/revert").then().statusCode(200).body("builtIn", equalTo(true));

        Application another = data.application(requisition, recruiter, new CandidateInput("Dr", "Mallory", "<img src=x onerror=alert(1)>",
                false, TestData.email(), null, Channel.EMAIL, "en"));
        Map<String, Object> again = new HashMap<>(preview(recruiter, another.id));
        Map<String, Object> before = new HashMap<>(builtIn);
        for (Map<String, Object> p : java.util.List.of(again, before)) {
            p.remove("recipient");
        }
        assertThat(again).isEqualTo(before);
    }
}
