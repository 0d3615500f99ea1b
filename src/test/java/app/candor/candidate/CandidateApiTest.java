package app.candor.candidate;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** /api/candidates: create, read, search and change people; recruiters only. */
@QuarkusTest
class CandidateApiTest {

    @Inject
    TestData data;

    User recruiter;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
    }

    /** A valid candidate body; tests change one field at a time. */
    private static Map<String, Object> valid(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("salutation", "Dr");
        body.put("firstName", "Grace");
        body.put("lastName", "Hopper");
        body.put("firstNameTerms", false);
        body.put("email", email);
        body.put("phone", "+1 555 0100");
        body.put("preferredChannel", "PHONE");
        body.put("language", "en");
        return body;
    }

    private Response create(Map<String, ?> body) {
        return json(recruiter).body(body).when().post("/api/candidates");
    }

    private static Candidate read(long id) {
        return Api.db(() -> Candidate.<Candidate>findById(id));
    }

    private long createdId(String email) {
        return ((Number) create(valid(email)).then().statusCode(201).extract().path("id")).longValue();
    }

    // --- create --------------------------------------------------------------------------------

    @Test
    void creatingACandidateStoresTheirDetailsWithTheEmailLowerCased() {
        String email = TestData.email();
        long before = TestData.count(Candidate.class);

        Response r = create(valid("  " + email.toUpperCase(Locale.ROOT) + " "));
        r.then().statusCode(201)
                .header("Location", endsWith("/api/candidates/" + r.path("id")))
                .body("firstName", equalTo("Grace"))
                .body("email", equalTo(email))
                .body("preferredChannel", equalTo("PHONE"))
                .body("applications", hasSize(0));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before + 1);
        Candidate stored = read(((Number) r.path("id")).longValue());
        assertThat(stored.email).isEqualTo(email);
        assertThat(stored.salutation).isEqualTo("Dr");
        assertThat(stored.preferredChannel).isEqualTo(Channel.PHONE);
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        String email = TestData.email();
        create(Map.of("firstName", "Ada", "lastName", "Lovelace", "email", email)).then().statusCode(201)
                .body("preferredChannel", equalTo("EMAIL"))
                .body("language", equalTo("en"))
                .body("firstNameTerms", equalTo(false))
                .body("salutation", nullValue())
                .body("phone", nullValue());
    }

    @Test
    void missingFirstNameIsRefusedNamingTheFieldAndWritesNothing() {
        Map<String, Object> body = valid(TestData.email());
        body.remove("firstName");
        long before = TestData.count(Candidate.class);

        JsonPath p = problem(create(body), 400, "firstName");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("firstName"));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void severalMissingFieldsAreAllListed() {
        long before = TestData.count(Candidate.class);

        JsonPath p = problem(create(Map.of("salutation", "Mr")), 400, "firstName", "lastName", "email");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("email", "firstName", "lastName"));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void malformedEmailIsRefusedNamingTheField() {
        long before = TestData.count(Candidate.class);

        JsonPath p = problem(create(valid("grace.hopper-at-navy.mil")), 400, "email", "well-formed");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("email"));
        problem(create(valid("grace@@navy.mil")), 400, "email");

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void anExistingEmailIsAConflictWhateverItsCase() {
        String email = TestData.email();
        createdId(email);
        long before = TestData.count(Candidate.class);

        problem(create(valid(email)), 409, email, "already exists");
        problem(create(valid(email.toUpperCase(Locale.ROOT))), 409, email);

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void phoneChannelWithoutAPhoneIsRefused() {
        Map<String, Object> body = valid(TestData.email());
        body.remove("phone");
        long before = TestData.count(Candidate.class);

        JsonPath p = problem(create(body), 400, "phone", "PHONE");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("phone"));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void unknownChannelIsRefusedNamingTheAllowedOnes() {
        Map<String, Object> body = valid(TestData.email());
        body.put("preferredChannel", "FAX");
        long before = TestData.count(Candidate.class);

        JsonPath p = problem(create(body), 400, "preferredChannel", "FAX", "EMAIL", "PHONE");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("preferredChannel"));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void unknownLanguageIsRefused() {
        Map<String, Object> body = valid(TestData.email());
        body.put("language", "xx");
        long before = TestData.count(Candidate.class);

        problem(create(body), 400, "language", "xx");

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void malformedPhoneIsRefused() {
        Map<String, Object> body = valid(TestData.email());
        body.put("phone", "call me maybe");
        long before = TestData.count(Candidate.class);

        problem(create(body), 400, "phone");

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    @Test
    void oversizedNamesAreRefused() {
        Map<String, Object> body = valid(TestData.email());
        body.put("lastName", Api.repeat('h', 101));
        body.put("salutation", Api.repeat('s', 21));
        long before = TestData.count(Candidate.class);

        JsonPath p = problem(create(body), 400, "lastName", "salutation");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("lastName", "salutation"));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    // --- read and search -----------------------------------------------------------------------

    @Test
    void aCandidateListsTheApplicationsTheyHave() {
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter);
        long candidateId = Api.db(() -> Application.<Application>findById(a.id).candidate.id);

        json(recruiter).when().get("/api/candidates/" + candidateId).then().statusCode(200)
                .body("id", equalTo((int) candidateId))
                .body("applications", hasSize(1))
                .body("applications[0].id", equalTo(a.id.intValue()))
                .body("applications[0].requisitionId", equalTo(requisition.id.intValue()))
                .body("applications[0].requisitionTitle", equalTo(requisition.title))
                .body("applications[0].stage", equalTo("APPLIED"));
    }

    @Test
    void anUnknownCandidateIs404() {
        problem(json(recruiter).when().get("/api/candidates/" + Long.MAX_VALUE), 404, "Candidate");
    }

    @Test
    void searchFindsByNameOrEmail() {
        String surname = TestData.unique("Zed").replace("-", "");
        String email = TestData.email();
        Map<String, Object> body = valid(email);
        body.put("lastName", surname);
        create(body).then().statusCode(201);

        json(recruiter).queryParam("q", surname.toLowerCase(Locale.ROOT)).when().get("/api/candidates").then().statusCode(200)
                .body("email", contains(email));
        json(recruiter).queryParam("q", email.substring(0, email.indexOf('@'))).when().get("/api/candidates").then().statusCode(200)
                .body("email", contains(email));
        json(recruiter).queryParam("q", "no-such-person-" + surname).when().get("/api/candidates").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void searchTreatsWildcardsLiterally() {
        createdId(TestData.email());
        json(recruiter).queryParam("q", "%").when().get("/api/candidates").then().statusCode(200)
                .body("$", hasSize(0));
    }

    // --- update --------------------------------------------------------------------------------

    @Test
    void updatingACandidateChangesTheirDetails() {
        String email = TestData.email();
        long id = createdId(email);
        Map<String, Object> body = valid(email);
        body.put("firstNameTerms", true);
        body.put("preferredChannel", "EMAIL");
        body.put("language", "DE");

        json(recruiter).body(body).when().put("/api/candidates/" + id).then().statusCode(200)
                .body("firstNameTerms", equalTo(true))
                .body("preferredChannel", equalTo("EMAIL"))
                .body("language", equalTo("de"));

        Candidate stored = read(id);
        assertThat(stored.firstNameTerms).isTrue();
        assertThat(stored.language).isEqualTo("de");
    }

    @Test
    void updatingToAnotherCandidatesEmailIsAConflictAndChangesNothing() {
        String mine = TestData.email();
        String theirs = TestData.email();
        long id = createdId(mine);
        createdId(theirs);
        Map<String, Object> body = valid(theirs);
        body.put("firstName", "Changed");

        problem(json(recruiter).body(body).when().put("/api/candidates/" + id), 409, theirs);

        Candidate stored = read(id);
        assertThat(stored.email).isEqualTo(mine);
        assertThat(stored.firstName).isEqualTo("Grace");
    }

    @Test
    void anInvalidUpdateIsRefusedAndChangesNothing() {
        String email = TestData.email();
        long id = createdId(email);
        Map<String, Object> body = valid("not-an-address");
        body.put("firstName", "Changed");

        problem(json(recruiter).body(body).when().put("/api/candidates/" + id), 400, "email");

        Candidate stored = read(id);
        assertThat(stored.email).isEqualTo(email);
        assertThat(stored.firstName).isEqualTo("Grace");
    }

    @Test
    void updatingAnUnknownCandidateIs404() {
        long before = TestData.count(Candidate.class);
        problem(json(recruiter).body(valid(TestData.email())).when().put("/api/candidates/" + Long.MAX_VALUE), 404, "Candidate");
        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
    }

    // --- roles ---------------------------------------------------------------------------------

    @Test
    void hiringManagersAndAdminsCannotUseCandidates() {
        User manager = data.hiringManager();
        User admin = data.admin();
        String email = TestData.email();
        long id = createdId(email);
        long before = TestData.count(Candidate.class);

        for (User other : List.of(manager, admin)) {
            problem(json(other).body(valid(TestData.email())).when().post("/api/candidates"), 403, "role");
            problem(json(other).when().get("/api/candidates"), 403);
            problem(json(other).when().get("/api/candidates/" + id), 403);
            problem(json(other).body(valid(TestData.email())).when().put("/api/candidates/" + id), 403);
        }

        assertThat(TestData.count(Candidate.class)).isEqualTo(before);
        assertThat(read(id).email).isEqualTo(email);
    }
}
