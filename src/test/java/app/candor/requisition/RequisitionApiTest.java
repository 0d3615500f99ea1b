package app.candor.requisition;

import app.candor.support.Api;
import app.candor.support.TestData;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** /api/requisitions: create, list, read and change roles to fill. */
@QuarkusTest
class RequisitionApiTest {

    @Inject
    TestData data;

    User recruiter;
    User manager;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
    }

    private Map<String, Object> valid(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("hiringManagerId", manager.id);
        return body;
    }

    private Response create(Map<String, ?> body) {
        return json(recruiter).body(body).when().post("/api/requisitions");
    }

    private static Requisition read(long id) {
        return Api.db(() -> {
            Requisition r = Requisition.findById(id);
            // touch the lazy users so the detached entity can be inspected
            r.recruiter.username.length();
            r.hiringManager.username.length();
            return r;
        });
    }

    // --- create --------------------------------------------------------------------------------

    @Test
    void aRecruiterCreatesARequisitionAndBecomesItsRecruiter() {
        long before = TestData.count(Requisition.class);
        String title = TestData.unique("Staff Engineer");

        Response r = create(valid("  " + title + "  "));
        r.then().statusCode(201)
                .header("Location", endsWith("/api/requisitions/" + r.path("id")))
                .body("title", equalTo(title))
                .body("status", equalTo("OPEN"))
                .body("recruiter.username", equalTo(recruiter.username))
                .body("hiringManager.id", equalTo(manager.id.intValue()))
                .body("hiringManager.fullName", equalTo(manager.fullName));

        assertThat(TestData.count(Requisition.class)).isEqualTo(before + 1);
        Requisition stored = read(((Number) r.path("id")).longValue());
        assertThat(stored.title).isEqualTo(title);
        assertThat(stored.recruiter.id).isEqualTo(recruiter.id);
        assertThat(stored.hiringManager.id).isEqualTo(manager.id);
        assertThat(stored.status).isEqualTo(RequisitionStatus.OPEN);
    }

    @Test
    void aRecruiterMayNameAnotherRecruiter() {
        User colleague = data.recruiter();
        Map<String, Object> body = valid(TestData.unique("Designer"));
        body.put("recruiterId", colleague.id);

        create(body).then().statusCode(201).body("recruiter.id", equalTo(colleague.id.intValue()));
    }

    @Test
    void missingTitleIsRefusedNamingTheFieldAndWritesNothing() {
        long before = TestData.count(Requisition.class);
        Map<String, Object> body = valid(null);
        body.remove("title");

        JsonPath p = problem(create(body), 400, "title");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("title"));
        problem(create(valid("   ")), 400, "title");

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void a201CharacterTitleIsRefusedAnd200IsAccepted() {
        long before = TestData.count(Requisition.class);

        JsonPath p = problem(create(valid(Api.repeat('t', 201))), 400, "title", "200");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("title"));
        assertThat(TestData.count(Requisition.class)).isEqualTo(before);

        create(valid(Api.repeat('t', 200))).then().statusCode(201);
        assertThat(TestData.count(Requisition.class)).isEqualTo(before + 1);
    }

    @Test
    void missingHiringManagerIsRefusedNamingTheField() {
        long before = TestData.count(Requisition.class);

        JsonPath p = problem(create(Map.of("title", "Analyst")), 400, "hiringManagerId");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("hiringManagerId"));

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void aHiringManagerWhoIsNotOneIsRefused() {
        User deactivated = data.hiringManager();
        QuarkusTransaction.requiringNew().run(() -> User.<User>findById(deactivated.id).active = false);
        long before = TestData.count(Requisition.class);

        for (long notAManager : List.of(data.recruiter().id, deactivated.id, Long.MAX_VALUE)) {
            Map<String, Object> body = valid("Analyst");
            body.put("hiringManagerId", notAManager);
            JsonPath p = problem(create(body), 400, "hiringManagerId", String.valueOf(notAManager), "hiring manager");
            assertThat(Api.errorFields(p)).isEqualTo(List.of("hiringManagerId"));
        }

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void aRecruiterWhoIsNotOneIsRefused() {
        Map<String, Object> body = valid("Analyst");
        body.put("recruiterId", data.hiringManager().id);
        long before = TestData.count(Requisition.class);

        problem(create(body), 400, "recruiterId", "recruiter");

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void aNonNumericIdIsRefusedNamingTheField() {
        Map<String, Object> body = valid("Analyst");
        body.put("hiringManagerId", "harry");
        long before = TestData.count(Requisition.class);

        problem(create(body), 400, "hiringManagerId");

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    @Test
    void onlyRecruitersCreateRequisitions() {
        User admin = data.admin();
        long before = TestData.count(Requisition.class);

        problem(json(manager).body(valid("Mine")).when().post("/api/requisitions"), 403, "role");
        problem(json(admin).body(valid("Mine")).when().post("/api/requisitions"), 403, "role");

        assertThat(TestData.count(Requisition.class)).isEqualTo(before);
    }

    // --- read ----------------------------------------------------------------------------------

    @Test
    void recruitersListAllRequisitionsOrOnlyTheirOwn() {
        User other = data.recruiter();
        Requisition mine = data.requisition(recruiter, manager);
        Requisition theirs = data.requisition(other, manager);

        json(recruiter).when().get("/api/requisitions").then().statusCode(200)
                .body("id", hasItem(mine.id.intValue()))
                .body("id", hasItem(theirs.id.intValue()));
        json(recruiter).queryParam("mine", true).when().get("/api/requisitions").then().statusCode(200)
                .body("id", hasItem(mine.id.intValue()))
                .body("id", not(hasItem(theirs.id.intValue())))
                .body("recruiter.id", everyItem(equalTo(recruiter.id.intValue())));
    }

    @Test
    void aRequisitionIsReadById() {
        Requisition r = data.requisition(recruiter, manager);
        json(recruiter).when().get("/api/requisitions/" + r.id).then().statusCode(200)
                .body("id", equalTo(r.id.intValue()))
                .body("title", equalTo(r.title))
                .body("status", equalTo("OPEN"))
                .body("recruiter.id", equalTo(recruiter.id.intValue()))
                .body("hiringManager.id", equalTo(manager.id.intValue()));
    }

    @Test
    void anUnknownRequisitionIs404() {
        problem(json(recruiter).when().get("/api/requisitions/" + Long.MAX_VALUE), 404, "Requisition", String.valueOf(Long.MAX_VALUE));
    }

    // --- update --------------------------------------------------------------------------------

    @Test
    void updatingChangesTitleAndHiringManagerAndKeepsTheRecruiter() {
        Requisition r = data.requisition(recruiter, manager);
        User newManager = data.hiringManager();
        User colleague = data.recruiter();
        Map<String, Object> body = Map.of("title", "Principal Engineer", "hiringManagerId", newManager.id);

        json(colleague).body(body).when().put("/api/requisitions/" + r.id).then().statusCode(200)
                .body("title", equalTo("Principal Engineer"))
                .body("hiringManager.id", equalTo(newManager.id.intValue()))
                .body("recruiter.id", equalTo(recruiter.id.intValue()));

        Requisition stored = read(r.id);
        assertThat(stored.title).isEqualTo("Principal Engineer");
        assertThat(stored.hiringManager.id).isEqualTo(newManager.id);
        assertThat(stored.recruiter.id).isEqualTo(recruiter.id);
    }

    @Test
    void anInvalidUpdateIsRefusedAndChangesNothing() {
        Requisition r = data.requisition(recruiter, manager);

        problem(json(recruiter).body(valid(Api.repeat('t', 201))).when().put("/api/requisitions/" + r.id), 400, "title");
        Map<String, Object> badManager = valid("Renamed");
        badManager.put("hiringManagerId", recruiter.id);
        problem(json(recruiter).body(badManager).when().put("/api/requisitions/" + r.id), 400, "hiringManagerId");

        Requisition stored = read(r.id);
        assertThat(stored.title).isEqualTo(r.title);
        assertThat(stored.hiringManager.id).isEqualTo(manager.id);
        assertThat(stored.version).isEqualTo(r.version);
    }

    @Test
    void updatingAnUnknownRequisitionIs404() {
        problem(json(recruiter).body(valid("Ghost")).when().put("/api/requisitions/" + Long.MAX_VALUE), 404, "Requisition");
    }

    @Test
    void onlyRecruitersChangeRequisitions() {
        Requisition r = data.requisition(recruiter, manager);

        problem(json(manager).body(valid("Renamed by manager")).when().put("/api/requisitions/" + r.id), 403);
        problem(json(data.admin()).body(valid("Renamed by admin")).when().put("/api/requisitions/" + r.id), 403);

        assertThat(read(r.id).title).isEqualTo(r.title);
    }

    @Test
    void aUserWithBothRolesMayCreateAndSeesAll() {
        User both = data.user(Role.RECRUITER, Role.HIRING_MANAGER);
        Requisition someoneElses = data.requisition(recruiter, manager);

        json(both).body(valid("Both hats")).when().post("/api/requisitions").then().statusCode(201);
        json(both).when().get("/api/requisitions/" + someoneElses.id).then().statusCode(200);
    }
}
