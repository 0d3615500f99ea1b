package app.candor.message.template;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 21: several named rejection letters beside the standard one. The API, the application page's outcome form and
 * the bulk rejection each send the chosen one (its text, its version recorded); an id that is no rejection template is
 * refused with 400 on templateId and writes nothing; the default a template is marked with is what an unchosen letter uses.
 */
@QuarkusTest
class NamedLetterTemplatesTest {

    @Inject
    TestData data;

    User admin;
    User recruiter;
    Requisition requisition;
    long templateId;
    long versionId;
    String name;

    @BeforeEach
    void aNamedRejection() {
        admin = data.admin();
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
        name = TestData.unique("After final interview");
        templateId = json(admin).body(Map.of("kind", "REJECTION", "name", name)).when().post("/api/letter-templates/named")
                .then().statusCode(200).body("name", equalTo(name)).body("defaultForKind", equalTo(false)).extract().jsonPath().getLong("id");
        versionId = json(admin).body(Map.of("subject", "{role}: after your final interview", "body",
                        "{candidate.greeting}\n\nThank you for the final interview for {role}.\n\n{recruiter.name}"))
                .when().put("/api/letter-templates/named/" + templateId + "/en").then().statusCode(200).extract().jsonPath().getLong("id");
    }

    private Message letterOf(Application a) {
        return Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", a.id, MessageKind.REJECTION).firstResult());
    }

    @Test
    void theApiSendsTheChosenNamedRejectionAndRefusesAnIdThatIsNoRejectionTemplate() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        long offerTemplate = json(admin).body(Map.of("kind", "OFFER", "name", TestData.unique("Offer"))).when()
                .post("/api/letter-templates/named").then().statusCode(200).extract().jsonPath().getLong("id");
        long messages = TestData.count(Message.class);
        long changes = TestData.count(StageChange.class);
        for (long wrong : List.of(987_654_321L, offerTemplate)) {
            json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "templateId", wrong)).when()
                    .post("/api/applications/" + a.id + "/outcome").then().statusCode(400)
                    .body("errors[0].field", equalTo("templateId"));
        }
        assertThat(TestData.count(Message.class)).isEqualTo(messages);
        assertThat(TestData.count(StageChange.class)).isEqualTo(changes);

        // The preview is the letter that goes out.
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "templateId", templateId)).when()
                .post("/api/applications/" + a.id + "/outcome/preview").then().statusCode(200)
                .body("subject", equalTo(requisition.title + ": after your final interview"));
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "templateId", templateId)).when()
                .post("/api/applications/" + a.id + "/outcome").then().statusCode(201);
        Message letter = letterOf(a);
        assertThat(letter.subject).isEqualTo(requisition.title + ": after your final interview");
        assertThat(letter.bodyText).contains("Thank you for the final interview for " + requisition.title + ".");
        assertThat(letter.templateVersionId).isEqualTo(versionId);

        // Offered where letters are chosen, and listed by the API.
        json(admin).queryParam("kind", "REJECTION").when().get("/api/letter-templates/named").then().statusCode(200)
                .body("find { it.id == " + templateId + " }.current.en.subject", equalTo("{role}: after your final interview"));
    }

    @Test
    void theDefaultMarkedIsWhatAnUnchosenRejectionUsesAndZeroIsTheStandardLetter() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Application b = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        json(admin).body(Map.of("defaultForKind", true)).when().put("/api/letter-templates/named/" + templateId + "/default")
                .then().statusCode(200).body("defaultForKind", equalTo(true));
        try {
            json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when()
                    .post("/api/applications/" + a.id + "/outcome").then().statusCode(201);
            json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "templateId", 0)).when()
                    .post("/api/applications/" + b.id + "/outcome").then().statusCode(201);
        } finally {
            json(admin).body(Map.of("defaultForKind", false)).when().put("/api/letter-templates/named/" + templateId + "/default")
                    .then().statusCode(200);
        }
        assertThat(letterOf(a).templateVersionId).isEqualTo(versionId);
        assertThat(letterOf(b).subject).doesNotContain("after your final interview");
        // 0: the standard letter (the kind's edited letter in force, or the built-in one: no version).
        assertThat(letterOf(b).templateVersionId).isEqualTo(Api.db(() -> LetterTemplateVersion.latest(MessageKind.REJECTION, "en")
                .filter(v -> !v.builtIn()).map(v -> v.id).orElse(null)));
    }

    @Test
    void theOutcomeFormOffersTheNamedLettersAndSendsTheChosenOne() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + a.id + "?action=outcome").then().statusCode(200)
                .body(containsString("name=\"templateId\""), containsString("<option value=\"" + templateId + "\">" + name + "</option>"));
        Map<String, Object> form = new HashMap<>();
        form.put("outcome", "REJECTED");
        form.put("reasonId", "1");
        form.put("personalNote", "");
        form.put("previewedNote", "");
        form.put("when", "now");
        form.put("sendAt", "");
        form.put("templateId", String.valueOf(templateId));
        session.post("/applications/" + a.id + "/outcome/preview", form).then().statusCode(200)
                .body(containsString(requisition.title + ": after your final interview"), containsString(name));
        session.post("/applications/" + a.id + "/outcome", form).then().statusCode(303);
        assertThat(letterOf(a).templateVersionId).isEqualTo(versionId);
        assertThat(letterOf(a).subject).isEqualTo(requisition.title + ": after your final interview");
    }

    @Test
    void aBulkRejectionSendsTheChosenLetterToEach() {
        Application ada = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Application alan = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        PageSession session = PageSession.signIn(recruiter);
        String pipeline = "/requisitions/" + requisition.id;
        session.get(pipeline).then().statusCode(200);
        bulk(session, pipeline + "/bulk", List.of(ada.id, alan.id), "action", "REJECT", "reasonId", "1", "templateId", String.valueOf(templateId))
                .then().statusCode(200).body(containsString(requisition.title + ": after your final interview"));
        bulk(session, pipeline + "/bulk/confirm", List.of(ada.id, alan.id), "action", "REJECT", "reasonId", "1", "templateId", "987654321")
                .then().statusCode(400);
        assertThat(letterOf(ada)).isNull();
        bulk(session, pipeline + "/bulk/confirm", List.of(ada.id, alan.id), "action", "REJECT", "reasonId", "1", "templateId", String.valueOf(templateId))
                .then().statusCode(303);
        for (Application x : List.of(ada, alan)) {
            assertThat(letterOf(x).templateVersionId).isEqualTo(versionId);
            assertThat(letterOf(x).subject).isEqualTo(requisition.title + ": after your final interview");
        }
    }

    private io.restassured.response.Response bulk(PageSession session, String path, List<Long> ids, String... fields) {
        var request = session.request().contentType(ContentType.URLENC).formParam("csrf-token", session.csrfToken());
        for (Long id : ids) {
            request = request.formParam("application", id);
        }
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }
}
