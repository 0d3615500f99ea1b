package app.candor.user;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.Candidate;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;

/** Who may see and do what on the pages (form login), checked by status code and database. */
@QuarkusTest
class PageAccessTest {

    @Inject
    TestData data;

    User recruiter;
    User manager;
    Requisition own;
    Requisition other;
    Application ownApplication;
    Application otherApplication;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        own = data.requisition(recruiter, manager);
        other = data.requisition(recruiter, data.hiringManager());
        ownApplication = data.application(own, recruiter);
        otherApplication = data.application(other, recruiter);
    }

    private record Counts(long requisitions, long candidates, long applications, long history) {
        static Counts now() {
            return new Counts(TestData.count(Requisition.class), TestData.count(Candidate.class),
                    TestData.count(Application.class), TestData.count(StageChange.class));
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        for (String path : List.of("/", "/requisitions", "/requisitions/" + own.id, "/applications/" + ownApplication.id,
                "/candidates", "/admin/users")) {
            PageSession.anonymous().when().get(path).then()
                    .statusCode(302)
                    .header("Location", endsWith("/login"));
        }
        PageSession.anonymous().when().get("/login").then().statusCode(200)
                .body(containsString("name=\"j_username\""), containsString("<label"));
    }

    @Test
    void anonymousFormPostsChangeNothing() {
        Counts before = Counts.now();
        PageSession.anonymous().contentType("application/x-www-form-urlencoded")
                .formParam("stage", "INTERVIEW")
                .when().post("/applications/" + ownApplication.id + "/stage")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(302), org.hamcrest.Matchers.is(400),
                        org.hamcrest.Matchers.is(401)));
        assertThat(Counts.now()).isEqualTo(before);
        assertThat(Api.db(() -> Application.<Application>findById(ownApplication.id).stage)).isEqualTo(Stage.APPLIED);
    }

    @Test
    void aHiringManagerGetsNotFoundPagesForAnotherManagersRequisitionAndApplication() {
        PageSession session = PageSession.signIn(manager);
        for (String path : List.of("/requisitions/" + other.id, "/applications/" + otherApplication.id)) {
            Response page = session.request().when().get(path);
            page.then().statusCode(404).contentType(containsString("text/html"))
                    .body(containsString("Not found"), not(containsString(other.title)));
            Api.assertNoJavaLeak(page.asString());
        }
        session.request().when().get("/requisitions").then().statusCode(200)
                .body(containsString(own.title), not(containsString(other.title)));
    }

    @Test
    void aHiringManagerReadsTheirOwnRequisitionAndApplicationWithHistoryButNoForms() {
        PageSession session = PageSession.signIn(manager);
        session.request().when().get("/requisitions/" + own.id).then().statusCode(200)
                .body(containsString(own.title), not(containsString("id=\"add-candidate\"")));
        session.request().when().get("/applications/" + ownApplication.id).then().statusCode(200)
                .body(containsString("id=\"timeline\""), containsString("id=\"promise\""), not(containsString("id=\"move\"")));
    }

    @Test
    void aHiringManagerCannotPostRecruiterFormsEvenWithAValidCsrfToken() {
        PageSession session = PageSession.signIn(manager);
        session.get("/requisitions/" + own.id);
        Counts before = Counts.now();

        session.post("/applications/" + ownApplication.id + "/stage", Map.of("stage", "SCREENING")).then().statusCode(403);
        session.post("/requisitions/" + own.id + "/candidates",
                Map.of("firstName", "Eve", "lastName", "Sneaky", "email", TestData.email())).then().statusCode(403);
        session.post("/requisitions", Map.of("title", "Not mine to open", "hiringManagerId", manager.id)).then().statusCode(403);

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void onlyAnAdminSeesTheUserPages() {
        PageSession.signIn(recruiter).request().when().get("/admin/users").then().statusCode(403)
                .body(containsString("Forbidden"));
        PageSession.signIn(manager).request().when().get("/admin/users").then().statusCode(403);
        PageSession.signIn(data.admin()).request().when().get("/admin/users?q=" + recruiter.username).then().statusCode(200)
                .body(containsString(recruiter.username));
    }

    @Test
    void aDeactivatedUserIsSignedOutOfTheirOpenSession() {
        User user = data.recruiter();
        PageSession session = PageSession.signIn(user);
        session.request().when().get("/requisitions").then().statusCode(200);

        Api.json(data.admin()).when().post("/api/admin/users/" + user.id + "/deactivate").then().statusCode(200);

        session.request().when().get("/requisitions").then().statusCode(302).header("Location", endsWith("/login"));
    }
}
