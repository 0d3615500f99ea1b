package app.candor.system;

import app.candor.support.DatabaseNeutral;
import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.Candidate;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** Page forms: CSRF, POST-redirect-GET with a flash, bad input shown again with nothing written, escaping. */
@QuarkusTest
@DatabaseNeutral
class PageFormsTest {

    @Inject
    TestData data;

    User recruiter;
    User manager;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefusedAndWritesNothing() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/new");
        long before = TestData.count(Requisition.class);

        Response refused = session.postWithoutToken("/requisitions",
                Map.of("title", TestData.unique("Forged"), "hiringManagerId", manager.id, "recruiterId", recruiter.id));

        assertThat(refused.statusCode()).as(refused::asString).isEqualTo(400);
        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void creatingARequisitionRedirectsToItsPageWhichShowsTheFlashOnce() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/new");
        String title = TestData.unique("Flash Engineer");

        Response created = session.post("/requisitions",
                Map.of("title", title, "hiringManagerId", manager.id, "recruiterId", recruiter.id));
        created.then().statusCode(303).header("Location", matchesPattern(".*/requisitions/\\d+"))
                .cookie("candor-flash", notNullValue());

        String location = created.getHeader("Location");
        String path = location.substring(location.indexOf("/requisitions/"));
        session.request().cookie("candor-flash", created.getCookie("candor-flash")).when().get(path).then()
                .statusCode(200).body(containsString("class=\"flash\""), containsString(title + "\u201d created"));
        session.request().when().get(path).then().statusCode(200).body(not(containsString("class=\"flash\"")));
    }

    @Test
    void anInvalidRequisitionFormIsShownAgainWithTheErrorAndTheTypedValues() {
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/new");
        long before = TestData.count(Requisition.class);

        session.post("/requisitions", Map.of("title", "Kept <typed> value", "hiringManagerId", "", "recruiterId", recruiter.id))
                .then().statusCode(400)
                .body(containsString("class=\"errors\""), containsString("hiringManagerId"),
                        containsString("value=\"Kept &lt;typed&gt; value\""));

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void anIllegalMoveOnThePageIsShownWithItsReasonAndChangesNothing() {
        Requisition requisition = data.requisition(recruiter, manager);
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/applications/" + application.id);
        long history = TestData.count(StageChange.class);

        session.post("/applications/" + application.id + "/stage", Map.of("stage", "HIRED"))
                .then().statusCode(409).body(containsString("class=\"errors\""), containsString("Only an application at Offer can move to Hired"));
        session.post("/applications/" + application.id + "/stage", Map.of("stage", "NOT_A_STAGE"))
                .then().statusCode(400).body(containsString("class=\"errors\""));

        assertThat(TestData.count(StageChange.class)).isEqualTo(history);
        assertThat(Api.db(() -> Application.<Application>findById(application.id).stage)).isEqualTo(Stage.INTERVIEW);
    }

    @Test
    void aDuplicateCandidateOnTheSameRequisitionIsShownAsAnErrorAndNotAddedTwice() {
        Requisition requisition = data.requisition(recruiter, manager);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/" + requisition.id);
        Map<String, Object> candidate = new HashMap<>(Map.of("firstName", "Dup", "lastName", "Licate", "email", TestData.email(),
                "preferredChannel", "EMAIL", "language", "en"));

        session.post("/requisitions/" + requisition.id + "/candidates", candidate).then().statusCode(303);
        long applications = TestData.count(Application.class);
        long candidates = TestData.count(Candidate.class);

        session.post("/requisitions/" + requisition.id + "/candidates", candidate)
                .then().statusCode(409).body(containsString("class=\"errors\""), containsString("already"));

        assertThat(TestData.count(Application.class)).isEqualTo(applications);
        assertThat(TestData.count(Candidate.class)).isEqualTo(candidates);
    }

    @Test
    void whatUsersTypedIsEscapedOnEveryPage() {
        Requisition requisition = data.requisition(recruiter, manager);
        PageSession session = PageSession.signIn(recruiter);
        session.get("/requisitions/" + requisition.id);
        session.post("/requisitions/" + requisition.id + "/candidates", Map.of("firstName", "<script>alert(1)</script>",
                "lastName", "O'Hara & \"Sons\"", "email", TestData.email(), "preferredChannel", "EMAIL", "language", "en"))
                .then().statusCode(303);

        session.request().when().get("/requisitions/" + requisition.id).then().statusCode(200)
                .body(not(containsString("<script>alert(1)</script>")), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
