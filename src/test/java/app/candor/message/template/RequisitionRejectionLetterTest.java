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
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Issue 21: a requisition names its default rejection letter (API field and edit page). It is preselected in the
 * outcome form and the bulk rejection of its applications and used by an outcome that names none; other requisitions
 * keep the kind's default; an unknown, wrong-kind or retired template is refused (400 on rejectionTemplateId) and
 * changes nothing; a retired one falls back to the kind's default.
 */
@QuarkusTest
class RequisitionRejectionLetterTest {

    @Inject
    TestData data;

    private long named(User admin, String kind, String subject) {
        long id = json(admin).body(Map.of("kind", kind, "name", TestData.unique(subject))).when().post("/api/letter-templates/named")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        json(admin).body(Map.of("subject", "{role}: " + subject, "body", "{candidate.greeting}\n\n" + subject + ".")).when()
                .put("/api/letter-templates/named/" + id + "/en").then().statusCode(200);
        return id;
    }

    private static Map<String, Object> requisitionBody(Requisition r, String title, Object rejectionTemplateId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("hiringManagerId", Api.db(() -> Requisition.<Requisition>findById(r.id).hiringManager.id));
        body.put("rejectionTemplateId", rejectionTemplateId);
        return body;
    }

    private static Requisition reload(Requisition r) {
        return Api.db(() -> Requisition.<Requisition>findById(r.id));
    }

    @Test
    void aRequisitionsOwnRejectionLetterIsPreselectedAndUsedAndBadIdsAreRefused() {
        User admin = data.admin();
        User recruiter = data.recruiter();
        Requisition own = data.requisition(recruiter, data.hiringManager());
        Requisition other = data.requisition(recruiter, data.hiringManager());
        long kindDefault = named(admin, "REJECTION", "kind default");
        long screening = named(admin, "REJECTION", "after screening");
        long offer = named(admin, "OFFER", "welcome");
        long retired = named(admin, "REJECTION", "retired one");
        json(admin).when().post("/api/letter-templates/named/" + retired + "/retire").then().statusCode(200);

        // Refused: unknown, another kind, retired; nothing changes (not even the title sent with it).
        for (long wrong : new long[] {987_654_321L, offer, retired}) {
            json(recruiter).body(requisitionBody(own, "Changed title", wrong)).when().put("/api/requisitions/" + own.id)
                    .then().statusCode(400).body("errors[0].field", equalTo("rejectionTemplateId"));
        }
        assertThat(reload(own).title).isEqualTo(own.title);
        assertThat(reload(own).rejectionTemplateId).isNull();

        json(recruiter).body(requisitionBody(own, own.title, screening)).when().put("/api/requisitions/" + own.id)
                .then().statusCode(200).body("rejectionTemplateId", equalTo((int) screening));
        // Absent keeps it.
        json(recruiter).body(requisitionBody(own, own.title, null)).when().put("/api/requisitions/" + own.id)
                .then().statusCode(200).body("rejectionTemplateId", equalTo((int) screening));

        Application a = data.applicationAt(own, recruiter, Stage.INTERVIEW);
        Application b = data.applicationAt(own, recruiter, Stage.INTERVIEW);
        Application elsewhere = data.applicationAt(other, recruiter, Stage.INTERVIEW);
        PageSession session = PageSession.signIn(recruiter);
        json(admin).body(Map.of("defaultForKind", true)).when().put("/api/letter-templates/named/" + kindDefault + "/default").then().statusCode(200);
        try {
            session.get("/applications/" + a.id + "?action=outcome").then().statusCode(200)
                    .body(containsString("<option value=\"" + screening + "\" selected>"));
            session.get("/applications/" + elsewhere.id + "?action=outcome").then().statusCode(200)
                    .body(containsString("<option value=\"" + kindDefault + "\" selected>"));
            session.get("/requisitions/" + own.id).then().statusCode(200);
            session.request().contentType(ContentType.URLENC).formParam("csrf-token", session.csrfToken())
                    .formParam("application", a.id).post("/requisitions/" + own.id + "/bulk").then().statusCode(200)
                    .body(containsString("<option value=\"" + screening + "\" selected>"));

            // An outcome naming no letter: the requisition's.
            json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when()
                    .post("/api/applications/" + a.id + "/outcome").then().statusCode(201);
            Message letter = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", a.id, MessageKind.REJECTION).firstResult());
            assertThat(letter.subject).isEqualTo(own.title + ": after screening");

            // Retired: the requisition's applications fall back to the kind's default.
            json(admin).when().post("/api/letter-templates/named/" + screening + "/retire").then().statusCode(200);
            session.get("/applications/" + b.id + "?action=outcome").then().statusCode(200)
                    .body(containsString("<option value=\"" + kindDefault + "\" selected>"));
        } finally {
            json(admin).when().post("/api/letter-templates/named/" + kindDefault + "/retire").then().statusCode(200);
        }
    }

    @Test
    void theEditPageSetsAndClearsItAndRefusesAnUnknownOne() {
        User admin = data.admin();
        User recruiter = data.recruiter();
        Requisition r = data.requisition(recruiter, data.hiringManager());
        long keepInTouch = named(admin, "REJECTION", "keep in touch");
        try {
            PageSession session = PageSession.signIn(recruiter);
            session.get("/requisitions/" + r.id + "/edit").then().statusCode(200)
                    .body(containsString("name=\"rejectionTemplateId\""), containsString("<option value=\"0\" selected>"));
            Map<String, Object> form = new HashMap<>();
            form.put("title", r.title);
            form.put("recruiterId", String.valueOf(recruiter.id));
            form.put("hiringManagerId", String.valueOf(reload(r).hiringManager.id));
            form.put("debriefEnabled", "true");
            form.put("rejectionTemplateId", "987654321");
            session.post("/requisitions/" + r.id, form).then().statusCode(400)
                    .body(containsString("is not a letter template of this kind (rejection) in use"));
            assertThat(reload(r).rejectionTemplateId).isNull();
            form.put("rejectionTemplateId", String.valueOf(keepInTouch));
            session.post("/requisitions/" + r.id, form).then().statusCode(303);
            assertThat(reload(r).rejectionTemplateId).isEqualTo(keepInTouch);
            session.get("/requisitions/" + r.id + "/edit").then().statusCode(200)
                    .body(containsString("<option value=\"" + keepInTouch + "\" selected>"));
            form.put("rejectionTemplateId", "0");
            session.post("/requisitions/" + r.id, form).then().statusCode(303);
            assertThat(reload(r).rejectionTemplateId).isNull();
            json(recruiter).when().get("/api/requisitions/" + r.id).then().statusCode(200).body("rejectionTemplateId", nullValue());
        } finally {
            json(admin).when().post("/api/letter-templates/named/" + keepInTouch + "/retire").then().statusCode(200);
        }
    }
}
