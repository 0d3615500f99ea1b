package app.candor.user;

import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * API tokens: made by their owner (or an admin for a service account), shown once and kept only as a hash,
 * used with {@code Authorization: Bearer} on /api and /q/metrics within their scope, refused once expired or
 * revoked, and their last use noted at most once a minute.
 */
@QuarkusTest
class ApiTokenTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    private static JsonPath create(User as, String name, String scope, Integer days) {
        return Api.json(as).body(Map.of("name", name, "scope", scope, "expiresInDays", days == null ? 30 : days))
                .when().post("/api/tokens").then().statusCode(201).header("Cache-Control", "no-store").extract().jsonPath();
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token).accept(ContentType.JSON);
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsKept() {
        User recruiter = data.recruiter();
        JsonPath created = create(recruiter, "ATS sync", "read-only", 30);
        String secret = created.getString("secret");
        assertThat(secret).startsWith("candor_").hasSizeGreaterThanOrEqualTo("candor_".length() + 43); // 256 bits in base64url
        assertThat(created.getString("scope")).isEqualTo("read-only");

        String listed = Api.json(recruiter).when().get("/api/tokens").then().statusCode(200).extract().asString();
        assertThat(listed).contains("ATS sync").doesNotContain(secret).contains(secret.substring(0, 11));

        List<?> rows = Api.db(() -> em.createNativeQuery("select token_hash, token_hint, name from api_token where id = :id")
                .setParameter("id", created.getLong("id")).getResultList());
        Object[] row = (Object[]) rows.get(0);
        assertThat(row[0]).isEqualTo(ApiTokenSecret.hash(secret));
        assertThat(String.valueOf(row[0]) + row[1] + row[2]).doesNotContain(secret.substring(11));
    }

    @Test
    void aReadOnlyTokenReadsButCannotWrite() {
        User recruiter = data.recruiter();
        String token = create(recruiter, "reader", "read-only", 30).getString("secret");
        bearer(token).when().get("/api/requisitions").then().statusCode(200);
        Response write = bearer(token).contentType(ContentType.JSON)
                .body(Map.of("title", "Refused", "hiringManagerId", data.hiringManager().id)).when().post("/api/requisitions");
        Api.problem(write, 403, "read-only");
        bearer(token).when().get("/q/metrics").then().statusCode(403);
    }

    @Test
    void aWriteTokenActsAsItsOwner() {
        User recruiter = data.recruiter();
        String token = create(recruiter, "writer", "write", 30).getString("secret");
        String title = TestData.unique("Token role");
        bearer(token).contentType(ContentType.JSON).body(Map.of("title", title, "hiringManagerId", data.hiringManager().id))
                .when().post("/api/requisitions").then().statusCode(201);
        Api.problem(bearer(token).contentType(ContentType.JSON).body(Map.of("name", "x", "scope", "write"))
                .when().post("/api/tokens"), 403, "not with another token");
    }

    @Test
    void aMetricsTokenReadsOnlyTheMetricsAndOnlyAdminsMakeThem() {
        User admin = data.admin();
        User serviceAccount = data.recruiter();
        Api.problem(Api.json(serviceAccount).body(Map.of("name", "prometheus", "scope", "metrics", "expiresInDays", 30))
                .when().post("/api/tokens"), 403, "Only admins");
        String token = Api.json(admin).body(Map.of("name", "prometheus", "scope", "metrics", "expiresInDays", 30))
                .when().post("/api/admin/users/" + serviceAccount.id + "/tokens").then().statusCode(201).extract().path("secret");
        String metrics = bearer(token).accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("candor_").doesNotContain(token);
        Api.problem(bearer(token).when().get("/api/requisitions"), 403, "metrics");
    }

    @Test
    void expiredAndRevokedTokensAreRefused() {
        User recruiter = data.recruiter();
        String expiring = create(recruiter, "short", "read-only", 1).getString("secret");
        JsonPath revocable = create(recruiter, "revocable", "read-only", 30);
        bearer(expiring).when().get("/api/requisitions").then().statusCode(200);

        clock.set(Instant.now().plus(Duration.ofDays(1)).plusSeconds(60));
        Api.problem(bearer(expiring).when().get("/api/requisitions"), 401, "API token");
        clock.reset();

        String revoked = revocable.getString("secret");
        bearer(revoked).when().get("/api/requisitions").then().statusCode(200);
        Api.json(recruiter).when().delete("/api/tokens/" + revocable.getLong("id")).then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("revoked"));
        Api.problem(bearer(revoked).when().get("/api/requisitions"), 401);
        Api.problem(bearer("candor_made-up-token-that-was-never-issued").when().get("/api/requisitions"), 401);
        // someone else's token is not theirs to revoke
        Api.problem(Api.json(data.recruiter()).when().delete("/api/tokens/" + revocable.getLong("id")), 404);
    }

    @Test
    void lastUseIsNotedAtMostOnceAMinute() {
        User recruiter = data.recruiter();
        JsonPath created = create(recruiter, "busy client", "read-only", 30);
        String token = created.getString("secret");
        assertThat(lastUsed(recruiter, created.getLong("id"))).isNull();
        Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS); // the database keeps microseconds
        clock.set(t0);
        bearer(token).when().get("/api/requisitions").then().statusCode(200);
        String first = lastUsed(recruiter, created.getLong("id"));
        assertThat(Instant.parse(first)).isEqualTo(t0);
        clock.set(t0.plusSeconds(30));
        bearer(token).when().get("/api/requisitions").then().statusCode(200);
        assertThat(lastUsed(recruiter, created.getLong("id"))).as("not written again within the minute").isEqualTo(first);
        clock.set(t0.plusSeconds(90));
        bearer(token).when().get("/api/requisitions").then().statusCode(200);
        assertThat(Instant.parse(lastUsed(recruiter, created.getLong("id")))).isEqualTo(t0.plusSeconds(90));
    }

    private static String lastUsed(User owner, long id) {
        List<Map<String, Object>> tokens = Api.json(owner).when().get("/api/tokens").then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> token = tokens.stream().filter(t -> ((Number) t.get("id")).longValue() == id).findFirst().orElseThrow();
        return (String) token.get("lastUsedAt");
    }

    @Test
    void badInputIsRefusedAndNothingMade() {
        User recruiter = data.recruiter();
        long before = TestData.count(ApiToken.class);
        Api.problem(Api.json(recruiter).body(Map.of("name", "", "scope", "write")).when().post("/api/tokens"), 400);
        Api.problem(Api.json(recruiter).body(Map.of("name", "x", "scope", "everything")).when().post("/api/tokens"), 400);
        Api.problem(Api.json(recruiter).body(Map.of("name", "x", "scope", "write", "expiresInDays", 10_000)).when().post("/api/tokens"), 400);
        assertThat(TestData.count(ApiToken.class)).isEqualTo(before);
    }

    @Test
    void theAccountPageShowsANewTokenOnceAndRevokesIt() {
        User manager = data.hiringManager();
        PageSession page = PageSession.signIn(manager);
        page.get("/account/tokens").then().statusCode(200);
        Response created = page.post("/account/tokens", Map.of("name", "my script", "scope", "read-only", "expiresInDays", "7"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.header("Cache-Control")).contains("no-store");
        Matcher m = Pattern.compile("id=\"token-secret\">(candor_[A-Za-z0-9_-]+)<").matcher(created.asString());
        assertThat(m.find()).as("the new token on the page").isTrue();
        String secret = m.group(1);
        bearer(secret).when().get("/api/requisitions").then().statusCode(200);

        String list = page.get("/account/tokens").then().statusCode(200).extract().asString();
        assertThat(list).contains("my script").doesNotContain(secret).doesNotContain("token-secret");
        assertThat(list).as("used just now").doesNotContain("class=\"last-used\">never");
        long id = Api.db(() -> ApiToken.<ApiToken>listOwnedBy(manager.id).get(0).id);
        page.post("/account/tokens/" + id + "/revoke", Map.of()).then().statusCode(303);
        bearer(secret).when().get("/api/requisitions").then().statusCode(401);
        // a hiring manager cannot make a metrics token, nor open another user's tokens
        assertThat(page.post("/account/tokens", Map.of("name", "m", "scope", "metrics", "expiresInDays", "7")).statusCode()).isEqualTo(403);
        assertThat(page.get("/admin/users/" + data.recruiter().id + "/tokens").statusCode()).isEqualTo(403);
    }
}
