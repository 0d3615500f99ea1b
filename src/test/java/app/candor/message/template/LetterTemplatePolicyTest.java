package app.candor.message.template;

import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * Issue 21: whether recruiters may edit letter templates is an admin's stored setting, off by default. Off, a recruiter
 * gets 403 on every template page and endpoint and no menu entry; on, the same pages and API as an admin; only admins
 * change it (page form and API), hiring managers never edit.
 */
@QuarkusTest
class LetterTemplatePolicyTest {

    @Inject
    TestData data;

    @AfterEach
    void offAgain() {
        Api.db(() -> {
            LetterTemplatePolicy.current().recruitersMayEdit = false;
            return null;
        });
    }

    private static final String MENU_LINK = "<a href=\"/admin/letters\">Letters</a>";

    private static void refused(User recruiter, PageSession session, long named) {
        session.get("/requisitions").then().statusCode(200).body(not(containsString(MENU_LINK)));
        session.get("/admin/letters").then().statusCode(403);
        session.get("/admin/letters/REJECTION/en").then().statusCode(403);
        session.post("/admin/letters/REJECTION/en", Map.of("subject", "{role}", "body", "{candidate.greeting}")).then().statusCode(403);
        session.post("/admin/letters/named", Map.of("kind", "REJECTION", "name", TestData.unique("Mine"))).then().statusCode(403);
        json(recruiter).when().get("/api/letter-templates").then().statusCode(403);
        json(recruiter).body(Map.of("subject", "{role}", "body", "{candidate.greeting}")).when()
                .put("/api/letter-templates/named/" + named + "/en").then().statusCode(403);
    }

    @Test
    void offByDefaultOnlyAnAdminTurnsItOnAndThenRecruitersGetThePagesAndTheApi() {
        User admin = data.admin();
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        long named = json(admin).body(Map.of("kind", "REJECTION", "name", TestData.unique("Policy"))).when()
                .post("/api/letter-templates/named").then().statusCode(200).extract().jsonPath().getLong("id");
        json(admin).when().get("/api/letter-templates/policy").then().statusCode(200).body("recruitersMayEdit", equalTo(false));
        PageSession recruiterSession = PageSession.signIn(recruiter);
        refused(recruiter, recruiterSession, named);

        // Recruiters cannot allow themselves, by page or API.
        recruiterSession.get("/requisitions");
        recruiterSession.post("/admin/letters/policy", Map.of("recruitersMayEdit", "true")).then().statusCode(403);
        json(recruiter).body(Map.of("recruitersMayEdit", true)).when().put("/api/letter-templates/policy").then().statusCode(403);
        assertThat(Api.db(() -> LetterTemplatePolicy.current().recruitersMayEdit)).isFalse();

        // An admin turns it on on the page.
        PageSession adminSession = PageSession.signIn(admin);
        adminSession.get("/admin/letters").then().statusCode(200).body(containsString("id=\"template-policy\""));
        adminSession.post("/admin/letters/policy", Map.of("recruitersMayEdit", "true")).then().statusCode(303);
        LetterTemplatePolicy policy = Api.db(LetterTemplatePolicy::current);
        assertThat(policy.recruitersMayEdit).isTrue();
        assertThat(policy.changedBy).isEqualTo(admin.username);

        recruiterSession.get("/requisitions").then().statusCode(200).body(containsString(MENU_LINK));
        recruiterSession.get("/admin/letters").then().statusCode(200).body(not(containsString("id=\"template-policy\"")));
        recruiterSession.get("/admin/letters/named/" + named + "/en").then().statusCode(200);
        recruiterSession.post("/admin/letters/named/" + named + "/en", Map.of("subject", "{role}: from a recruiter",
                "body", "{candidate.greeting}\n\nWritten by a recruiter.")).then().statusCode(303);
        json(recruiter).when().get("/api/letter-templates").then().statusCode(200);
        json(recruiter).body(Map.of("subject", "{role}: again", "body", "{candidate.greeting}")).when()
                .put("/api/letter-templates/named/" + named + "/en").then().statusCode(200).body("number", equalTo(2));
        // Still only admins change who may edit; hiring managers never edit.
        json(recruiter).body(Map.of("recruitersMayEdit", false)).when().put("/api/letter-templates/policy").then().statusCode(403);
        json(manager).when().get("/api/letter-templates").then().statusCode(403);
        PageSession.signIn(manager).get("/admin/letters").then().statusCode(403);

        // Off again over the API: refused as before. A body without the value is refused and changes nothing.
        json(admin).body("{}").when().put("/api/letter-templates/policy").then().statusCode(400)
                .body("errors[0].field", equalTo("recruitersMayEdit"));
        assertThat(Api.db(() -> LetterTemplatePolicy.current().recruitersMayEdit)).isTrue();
        json(admin).body(Map.of("recruitersMayEdit", false)).when().put("/api/letter-templates/policy").then().statusCode(200)
                .body("recruitersMayEdit", equalTo(false)).body("changedBy", equalTo(admin.username));
        refused(recruiter, recruiterSession, named);
        json(admin).when().post("/api/letter-templates/named/" + named + "/retire").then().statusCode(200);
    }
}
