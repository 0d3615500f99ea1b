package app.candor.system;

import app.candor.support.DatabaseNeutral;
import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, findings 1, 2, 5 (HSTS), 7 and 8 (login CSRF, logged key): nothing changes from another site, page
 * writes need the CSRF token whatever their Content-Type, browsers are never asked for Basic credentials, every
 * answer carries the security headers.
 */
@QuarkusTest
@DatabaseNeutral
class CrossSiteTest {

    static final String EVIL = "https://evil.example";

    @Inject
    TestData data;

    User admin;
    User recruiter;
    User victim;

    @BeforeEach
    void setUp() {
        admin = data.admin();
        recruiter = data.recruiter();
        victim = data.recruiter();
    }

    private static boolean active(User user) {
        return Api.db(() -> User.<User>findById(user.id).active);
    }

    private static String ownOrigin() {
        return "http://localhost:" + RestAssured.port;
    }

    // --- finding 1: CSRF whatever the Content-Type ----------------------------------------------

    @Test
    void aPagePostWithoutAFormAndTokenChangesNothingWhateverItsContentType() {
        PageSession session = PageSession.signIn(admin);
        session.get("/admin/users");
        String path = "/admin/users/" + victim.id + "/deactivate";

        assertThat(session.request().when().post(path).statusCode()).as("no body, no token").isEqualTo(400);
        assertThat(session.request().contentType("text/plain").body("x").when().post(path).statusCode()).isEqualTo(400);
        assertThat(session.request().contentType(ContentType.JSON).body("{}").when().post(path).statusCode()).isEqualTo(400);
        assertThat(session.postWithoutToken(path, Map.of()).statusCode()).isEqualTo(400);
        assertThat(active(victim)).isTrue();

        assertThat(session.post(path, Map.of()).statusCode()).as("the page's own form").isEqualTo(303);
        assertThat(active(victim)).isFalse();
    }

    @Test
    void signingOutNeedsTheTokenToo() {
        PageSession session = PageSession.signIn(admin);
        session.get("/admin/users");
        assertThat(session.request().when().post("/logout").statusCode()).isEqualTo(400);
        assertThat(session.get("/admin/users").statusCode()).as("still signed in").isEqualTo(200);
    }

    @Test
    void aSiblingSubdomainCannotPlantTheCsrfCookieInProduction() {
        // __Host-: browsers take it only with Secure and Path=/ and no Domain, so only Candor's own host sets it.
        var config = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        assertThat(config.getConfigValue("%prod.quarkus.rest-csrf.cookie-name").getValue()).startsWith("__Host-");
        assertThat(config.getConfigValue("%prod.quarkus.rest-csrf.cookie-force-secure").getValue()).isEqualTo("true");
        assertThat(config.getConfigValue("quarkus.rest-csrf.cookie-path").getValue()).isIn(null, "/");
        assertThat(config.getConfigValue("quarkus.rest-csrf.cookie-domain").getValue()).isNull();
    }

    @Test
    void aFormFromAnOlderPageStillWorksAfterOtherPagesWereRead() {
        PageSession session = PageSession.signIn(admin);
        String cookie = session.get("/admin/users").getCookie("candor-csrf"); // the form's token
        Response later = session.request().when().get("/admin/users/new"); // another tab reads a page
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.getCookie("candor-csrf")).as("the token cookie stays as it is").isIn(null, cookie);
        assertThat(session.post("/admin/users/" + victim.id + "/deactivate", Map.of()).statusCode()).isEqualTo(303);
    }

    // --- finding 2: the API from another site ------------------------------------------------

    @Test
    void theApiRefusesWritesFromAnotherSiteAndTextPlainImports() {
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        String path = "/api/requisitions/" + requisition.id + "/applications/import";
        String csv = "first_name,last_name,email\nAda,Lovelace," + TestData.email() + "\n";
        long before = TestData.count(Application.class);

        Api.problem(Api.csv(recruiter).header("Origin", EVIL).body(csv).when().post(path), 403, "Cross-site");
        Api.problem(Api.csv(recruiter).header("Sec-Fetch-Site", "cross-site").body(csv).when().post(path), 403);
        Api.problem(Api.csv(recruiter).header("Sec-Fetch-Site", "same-site").body(csv).when().post(path), 403);
        Api.problem(Api.csv(recruiter).header("Origin", "null").body(csv).when().post(path), 403);
        Api.problem(Api.csv(recruiter).header("Origin", ownOrigin()).header("Sec-Fetch-Site", "cross-site").body(csv).when().post(path), 403);
        Api.as(recruiter).contentType("text/plain").body(csv).when().post(path).then().statusCode(415);
        assertThat(TestData.count(Application.class)).isEqualTo(before);

        Api.json(admin).when().post("/api/admin/users/" + victim.id + "/deactivate").then().statusCode(200);
        Api.problem(Api.as(admin).header("Origin", EVIL).when().post("/api/admin/users/" + victim.id + "/activate"), 403);
        assertThat(active(victim)).isFalse();

        Api.csv(recruiter).header("Origin", ownOrigin()).header("Sec-Fetch-Site", "same-origin").body(csv)
                .when().post(path).then().statusCode(200);
        assertThat(TestData.count(Application.class)).isEqualTo(before + 1);
    }

    @Test
    void browsersAreNeverAskedForBasicCredentials() {
        Response fromPage = given().header("Sec-Fetch-Mode", "cors").header("Sec-Fetch-Site", "same-origin")
                .when().get("/api/users/me");
        assertThat(fromPage.statusCode()).isEqualTo(401);
        assertThat(fromPage.header("WWW-Authenticate")).as("no Basic challenge a browser would act on").isNull();
        Response navigated = given().accept("text/html,application/xhtml+xml").when().get("/api/requisitions");
        assertThat(navigated.statusCode()).isEqualTo(401);
        assertThat(navigated.header("WWW-Authenticate")).isNull();
        assertThat(given().accept(ContentType.JSON).when().get("/api/users/me").header("WWW-Authenticate"))
                .as("API clients (curl, scripts) still learn the scheme").startsWithIgnoringCase("basic realm=");
    }

    // --- finding 8: login CSRF ---------------------------------------------------------------------

    @Test
    void theSignInFormRefusesPostsFromAnotherSite() {
        for (Map.Entry<String, String> header : Map.of("Origin", EVIL, "Sec-Fetch-Site", "cross-site").entrySet()) {
            Response login = given().redirects().follow(false).header(header.getKey(), header.getValue()).contentType(ContentType.URLENC)
                    .formParam("j_username", recruiter.username).formParam("j_password", TestData.PASSWORD)
                    .when().post("/j_security_check");
            assertThat(login.statusCode()).as(header.getKey()).isEqualTo(403);
            assertThat(login.getCookie("candor-session")).isNull();
        }
        Response own = given().redirects().follow(false).header("Origin", ownOrigin()).contentType(ContentType.URLENC)
                .formParam("j_username", recruiter.username).formParam("j_password", TestData.PASSWORD)
                .when().post("/j_security_check");
        assertThat(own.getCookie("candor-session")).isNotNull();
    }

    // --- findings 5 and 7: headers ---------------------------------------------------------------

    @Test
    void everyPageIsUnframeableUnsniffedAndSignedInPagesAreNotCached() {
        Application application = data.application(data.requisition(recruiter, data.hiringManager()), recruiter);
        PageSession session = PageSession.signIn(recruiter);
        for (Response page : new Response[]{PageSession.anonymous().get("/login"), session.get("/applications/" + application.id),
                session.get("/requisitions"), Api.as(recruiter).get("/api/users/me")}) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("default-src 'none'")
                    .doesNotContain("unsafe");
            assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        }
        assertThat(PageSession.anonymous().get("/c/status?t=cnd_nothing").header("Content-Security-Policy"))
                .as("the candidate pages keep theirs").contains("default-src 'none'").doesNotContain("script-src");
    }

    @Test
    void overHttpsFromTheProxyTheSessionCookieIsSecureAndHstsIsOn() {
        Response login = given().redirects().follow(false).header("X-Forwarded-Proto", "https").contentType(ContentType.URLENC)
                .formParam("j_username", recruiter.username).formParam("j_password", TestData.PASSWORD)
                .when().post("/j_security_check");
        assertThat(login.getDetailedCookie("candor-session").isSecured()).isTrue();
        assertThat(login.getDetailedCookie("candor-sid").isSecured()).isTrue();
        assertThat(login.header("Strict-Transport-Security")).startsWith("max-age=");
        assertThat(PageSession.anonymous().get("/login").header("Strict-Transport-Security")).as("plain HTTP: no HSTS").isNull();
    }

    @Test
    void noSessionKeyIsPrintedInTheLog() throws Exception {
        Path log = Path.of("target/quarkus-test.log");
        assertThat(log).exists();
        assertThat(Files.readString(log)).doesNotContain("using temporary key");
    }
}
