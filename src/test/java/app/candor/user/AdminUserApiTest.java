package app.candor.user;

import app.candor.support.Api;
import app.candor.support.TestData;
import io.quarkus.elytron.security.common.BcryptUtil;
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
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** /api/admin/users (admins only) and the user directory /api/users, /api/users/me. */
@QuarkusTest
class AdminUserApiTest {

    @Inject
    TestData data;

    User admin;

    @BeforeEach
    void setUp() {
        admin = data.admin();
    }

    private static Map<String, Object> valid(String username) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", "a-long-amber-kite-river");
        body.put("fullName", "Nina Newcomer");
        body.put("jobTitle", "Talent Partner");
        body.put("email", username + "@candor.test");
        body.put("roles", List.of("recruiter"));
        return body;
    }

    private static String newUsername() {
        return TestData.unique("nina");
    }

    private Response create(Map<String, ?> body) {
        return json(admin).body(body).when().post("/api/admin/users");
    }

    private static User read(long id) {
        return Api.db(() -> User.<User>findById(id));
    }

    private static long users() {
        return TestData.count(User.class);
    }

    // --- create --------------------------------------------------------------------------------

    @Test
    void anAdminCreatesAUserWhoCanThenSignIn() {
        String username = newUsername();
        long before = users();

        Response r = create(valid(username));
        r.then().statusCode(201)
                .header("Location", endsWith("/api/admin/users/" + r.path("id")))
                .body("username", equalTo(username))
                .body("roles", contains("recruiter"))
                .body("active", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("password")));

        assertThat(users()).isEqualTo(before + 1);
        User stored = read(((Number) r.path("id")).longValue());
        assertThat(BcryptUtil.matches("a-long-amber-kite-river", stored.password))
                .as("password is stored as a bcrypt hash").isTrue();
        given().auth().preemptive().basic(username, "a-long-amber-kite-river").when().get("/api/users/me")
                .then().statusCode(200).body("username", equalTo(username));
    }

    @Test
    void missingUsernameIsRefusedNamingTheFieldAndWritesNothing() {
        Map<String, Object> body = valid("x");
        body.remove("username");
        long before = users();

        JsonPath p = problem(create(body), 400, "username");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("username"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void aUsernameWithCapitalsOrSpacesIsRefused() {
        long before = users();

        problem(create(valid("Nina Newcomer")), 400, "username", "lower-case");

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void anOversizedUsernameOrNameIsRefused() {
        Map<String, Object> body = valid(Api.repeat('n', 65));
        body.put("email", "nina@candor.test");
        body.put("fullName", Api.repeat('f', 201));
        long before = users();

        JsonPath p = problem(create(body), 400, "username", "fullName");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("fullName", "username"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void aNewUserNeedsAPasswordOfAtLeastTwelveCharacters() {
        Map<String, Object> none = valid(newUsername());
        none.remove("password");
        Map<String, Object> shortOne = valid(newUsername());
        shortOne.put("password", "1234567");
        long before = users();

        JsonPath p = problem(create(none), 400, "password");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("password"));
        p = problem(create(shortOne), 400, "password", "12");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("password"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void weakPlaceholderAndOverlongPasswordsAreRefused() {
        long before = users();
        for (String password : List.of("aaaaaaaa", "aaaaaaaaaaaa", "CHANGE_ME", "CHANGE_ME_CHANGE_ME", "amber-kite-river-" + "x".repeat(60))) {
            Map<String, Object> body = valid(newUsername());
            body.put("password", password);
            problem(create(body), 400, "password");
        }
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void malformedEmailIsRefused() {
        Map<String, Object> body = valid(newUsername());
        body.put("email", "nina-at-candor");
        long before = users();

        JsonPath p = problem(create(body), 400, "email");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("email"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void unknownOrMissingRolesAreRefused() {
        Map<String, Object> unknown = valid(newUsername());
        unknown.put("roles", List.of("recruiter", "superuser"));
        Map<String, Object> none = valid(newUsername());
        none.put("roles", List.of());
        long before = users();

        JsonPath p = problem(create(unknown), 400, "roles", "superuser", "hiring-manager");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("roles"));
        p = problem(create(none), 400, "roles", "at least one role");
        assertThat(Api.errorFields(p)).isEqualTo(List.of("roles"));

        assertThat(users()).isEqualTo(before);
    }

    @Test
    void anExistingUsernameIsAConflictAndWritesNothing() {
        String username = newUsername();
        create(valid(username)).then().statusCode(201);
        long before = users();
        Map<String, Object> again = valid(username);
        again.put("fullName", "Someone Else");

        problem(create(again), 409, username, "already exists");

        assertThat(users()).isEqualTo(before);
        assertThat(Api.db(() -> User.findByUsername(username).orElseThrow().fullName)).isEqualTo("Nina Newcomer");
    }

    // --- read ----------------------------------------------------------------------------------

    @Test
    void adminsListAndReadUsers() {
        User recruiter = data.recruiter();

        json(admin).when().get("/api/admin/users").then().statusCode(200)
                .body("username", hasItem(recruiter.username))
                .body("username", hasItem(admin.username));
        json(admin).when().get("/api/admin/users/" + recruiter.id).then().statusCode(200)
                .body("username", equalTo(recruiter.username))
                .body("email", equalTo(recruiter.email))
                .body("roles", contains("recruiter"));
        problem(json(admin).when().get("/api/admin/users/" + Long.MAX_VALUE), 404, "User");
    }

    // --- update --------------------------------------------------------------------------------

    @Test
    void updatingChangesDetailsAndKeepsThePasswordWhenNoneIsGiven() {
        User user = data.recruiter();
        String oldHash = user.password;
        Map<String, Object> body = valid(user.username);
        body.remove("password");
        body.put("fullName", "Renamed Person");
        body.put("roles", List.of("recruiter", "hiring-manager"));

        json(admin).body(body).when().put("/api/admin/users/" + user.id).then().statusCode(200)
                .body("fullName", equalTo("Renamed Person"))
                .body("roles", contains("recruiter", "hiring-manager"));

        User stored = read(user.id);
        assertThat(stored.fullName).isEqualTo("Renamed Person");
        assertThat(stored.password).isEqualTo(oldHash);
        Api.as(user).when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void updatingWithABlankPasswordKeepsTheOldOne() {
        User user = data.recruiter();
        Map<String, Object> body = valid(user.username);
        body.put("password", "");

        json(admin).body(body).when().put("/api/admin/users/" + user.id).then().statusCode(200);

        Api.as(user).when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void updatingWithANewPasswordReplacesIt() {
        User user = data.recruiter();
        Map<String, Object> body = valid(user.username);
        body.put("password", "brand-new-kettle-harbor-5");

        json(admin).body(body).when().put("/api/admin/users/" + user.id).then().statusCode(200);

        Api.as(user).when().get("/api/users/me").then().statusCode(401);
        given().auth().preemptive().basic(user.username, "brand-new-kettle-harbor-5").when().get("/api/users/me").then().statusCode(200);
    }

    @Test
    void theUsernameCannotBeChanged() {
        User user = data.recruiter();
        String other = newUsername();

        problem(json(admin).body(valid(other)).when().put("/api/admin/users/" + user.id), 400, "username", "cannot be changed");

        User stored = read(user.id);
        assertThat(stored.username).isEqualTo(user.username);
        assertThat(stored.fullName).isEqualTo(user.fullName);
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        User user = data.recruiter();
        Map<String, Object> body = valid(user.username);
        body.put("roles", List.of("wizard"));
        body.put("fullName", "Should Not Stick");

        problem(json(admin).body(body).when().put("/api/admin/users/" + user.id), 400, "roles", "wizard");

        User stored = read(user.id);
        assertThat(stored.fullName).isEqualTo(user.fullName);
        assertThat(stored.roles).isEqualTo("recruiter");
    }

    @Test
    void anAdminCannotRemoveTheirOwnAdminRole() {
        Map<String, Object> body = valid(admin.username);
        body.put("roles", List.of("recruiter"));

        problem(json(admin).body(body).when().put("/api/admin/users/" + admin.id), 409, "admin role");

        assertThat(read(admin.id).roles).isEqualTo("admin");
    }

    @Test
    void updatingAnUnknownUserIs404() {
        problem(json(admin).body(valid(newUsername())).when().put("/api/admin/users/" + Long.MAX_VALUE), 404, "User");
    }

    // --- deactivate and activate ---------------------------------------------------------------

    @Test
    void deactivatingAndActivatingFlipsActive() {
        User user = data.hiringManager();

        json(admin).when().post("/api/admin/users/" + user.id + "/deactivate").then().statusCode(200)
                .body("active", equalTo(false));
        assertThat(read(user.id).active).isFalse();

        json(admin).when().post("/api/admin/users/" + user.id + "/activate").then().statusCode(200)
                .body("active", equalTo(true));
        assertThat(read(user.id).active).isTrue();
    }

    @Test
    void anAdminCannotDeactivateThemselves() {
        problem(json(admin).when().post("/api/admin/users/" + admin.id + "/deactivate"), 409, "your own account");
        assertThat(read(admin.id).active).isTrue();
    }

    @Test
    void deactivatingAnUnknownUserIs404() {
        problem(json(admin).when().post("/api/admin/users/" + Long.MAX_VALUE + "/deactivate"), 404, "User");
    }

    // --- roles ---------------------------------------------------------------------------------

    @Test
    void adminEndpointsAreRefusedToRecruitersAndHiringManagers() {
        User target = data.recruiter();
        long before = users();

        for (User notAdmin : List.of(data.recruiter(), data.hiringManager())) {
            problem(json(notAdmin).when().get("/api/admin/users"), 403, "role");
            problem(json(notAdmin).when().get("/api/admin/users/" + target.id), 403);
            problem(json(notAdmin).body(valid(newUsername())).when().post("/api/admin/users"), 403);
            Map<String, Object> rename = valid(target.username);
            rename.put("fullName", "Hijacked");
            problem(json(notAdmin).body(rename).when().put("/api/admin/users/" + target.id), 403);
            problem(json(notAdmin).when().post("/api/admin/users/" + target.id + "/deactivate"), 403);
            problem(json(notAdmin).when().post("/api/admin/users/" + target.id + "/activate"), 403);
        }

        assertThat(users()).isEqualTo(before + 2);
        User stored = read(target.id);
        assertThat(stored.active).isTrue();
        assertThat(stored.fullName).isEqualTo(target.fullName);
    }

    // --- directory -----------------------------------------------------------------------------

    @Test
    void theDirectoryListsActiveUsersOptionallyByRole() {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        User gone = data.hiringManager();
        json(admin).when().post("/api/admin/users/" + gone.id + "/deactivate").then().statusCode(200);

        Api.as(recruiter).when().get("/api/users").then().statusCode(200)
                .body("username", hasItem(manager.username))
                .body("username", hasItem(recruiter.username))
                .body("username", not(hasItem(gone.username)));
        Api.as(recruiter).queryParam("role", "hiring-manager").when().get("/api/users").then().statusCode(200)
                .body("username", hasItem(manager.username))
                .body("username", not(hasItem(recruiter.username)))
                .body("username", not(hasItem(gone.username)))
                .body("find { it.username == '" + manager.username + "' }.fullName", equalTo(manager.fullName));
        Api.as(admin).when().get("/api/users").then().statusCode(200).body("username", hasItem(manager.username));
    }

    @Test
    void hiringManagersCannotListTheDirectory() {
        problem(Api.as(data.hiringManager()).when().get("/api/users"), 403, "role");
    }

    @Test
    void everyoneSeesThemselves() {
        for (User user : List.of(data.recruiter(), data.hiringManager(), admin)) {
            Api.as(user).when().get("/api/users/me").then().statusCode(200)
                    .body("id", equalTo(user.id.intValue()))
                    .body("username", equalTo(user.username))
                    .body("fullName", equalTo(user.fullName))
                    .body("roles", equalTo(user.roleList()));
        }
    }
}
