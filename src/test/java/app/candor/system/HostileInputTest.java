package app.candor.system;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.closure.Chaser;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.candor.support.Api.as;
import static app.candor.support.Api.errorFields;
import static app.candor.support.Api.json;
import static app.candor.support.Api.problem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The findings of issue 18, one by one (MalformedInputTest sends the whole corpus): each was a 500, a hang,
 * an empty refusal or input read as something else before.
 */
@QuarkusTest
class HostileInputTest {

    @Inject
    TestData data;

    private record Setup(User recruiter, Requisition requisition, Application application) {
    }

    private Setup setup() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        return new Setup(recruiter, requisition, data.applicationAt(requisition, recruiter, Stage.SCREENING));
    }

    @Test
    void aRepeatedJsonKeyIsA400NamingTheField() {
        Setup s = setup();
        Response r = json(s.recruiter()).body("{\"promisedDecisionDate\":\"2099-12-20\",\"personalNote\":\"a\",\"personalNote\":\"b\"}")
                .when().post("/api/applications/" + s.application().id + "/delay/preview");
        assertThat(errorFields(problem(r, 400, "personalNote", "more than once"))).containsExactly("personalNote");
    }

    @Test
    void numbersAreNotReadAsEnumsNorFractionsAsIdsAndNothingMoves() {
        Setup s = setup();
        String stage = "/api/applications/" + s.application().id + "/stage";
        problem(json(s.recruiter()).body("{\"stage\":\"6\"}").when().post(stage), 400, "stage", "REJECTED");
        problem(json(s.recruiter()).body("{\"stage\":6}").when().post(stage), 400, "stage");
        assertThat(Api.db(() -> Application.<Application>findById(s.application().id).stage)).isEqualTo(Stage.SCREENING);
        long other = data.application(data.requisition(s.recruiter(), data.hiringManager()), s.recruiter()).candidate.id;
        problem(json(s.recruiter()).body("{\"candidateId\":" + other + ".9}").when()
                .post("/api/requisitions/" + s.requisition().id + "/applications"), 400, "candidateId", "whole number");
        problem(json(s.recruiter()).body("{\"candidateId\":99999999999999999999999}").when()
                .post("/api/requisitions/" + s.requisition().id + "/applications"), 400, "candidateId", "out of range");
    }

    @Test
    void trailingGarbageAfterTheDocumentIsRefused() {
        Setup s = setup();
        long candidate = s.application().candidate.id;
        Response r = json(s.recruiter()).body("{\"firstName\":\"Ada\",\"lastName\":\"Byron\",\"email\":\"" + TestData.email() + "\"} x")
                .when().put("/api/candidates/" + candidate);
        problem(r, 400, "not valid JSON");
        assertThat(Api.db(() -> app.candor.candidate.Candidate.<app.candor.candidate.Candidate>findById(candidate).lastName)).isNotEqualTo("Byron");
    }

    @Test
    void controlCharactersAreRefusedInNamesAndNotes() {
        Setup s = setup();
        Response name = json(s.recruiter())
                .body(Map.of("firstName", "Ada", "lastName", "Name\r\nBcc: x@y.z,", "email", TestData.email()))
                .when().put("/api/candidates/" + s.application().candidate.id);
        assertThat(errorFields(problem(name, 400, "lastName"))).containsExactly("lastName");
        Response note = json(s.recruiter()).body(Map.of("promisedDecisionDate", "2099-01-01", "personalNote", "a\u0000b"))
                .when().post("/api/applications/" + s.application().id + "/delay/preview");
        assertThat(errorFields(problem(note, 400, "personalNote"))).containsExactly("personalNote");
        // line breaks and tabs are what a note is made of
        json(s.recruiter()).body(Map.of("channel", "EMAIL", "note", "First line\r\nsecond\tline"))
                .when().post("/api/applications/" + s.application().id + "/chasers").then().statusCode(201);
    }

    @Test
    void aChaserDatedInTheDistantPastIsRefused() {
        Setup s = setup();
        Response r = json(s.recruiter()).body(Map.of("channel", "PHONE", "receivedAt", "1900-01-01T09:00:00Z"))
                .when().post("/api/applications/" + s.application().id + "/chasers");
        problem(r, 400, "receivedAt", "365 days");
        assertThat(Api.db(() -> Chaser.count("application.id", s.application().id))).isZero();
    }

    @Test
    void httpLayerRefusalsUnderApiAreProblemDetails() {
        User recruiter = data.recruiter();
        Response anonymous = given().when().get("/api/requisitions");
        problem(anonymous, 401, "HTTP Basic");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic realm=");
        problem(as(recruiter).contentType("application/x-www-form-urlencoded").formParam("a", "b").when().post("/api/closure/sweep"),
                415, "JSON");
        problem(as(recruiter).when().get("/api/requisitions?x=" + "a".repeat(10_000)), 414, "8192");
        problem(as(recruiter).urlEncodingEnabled(false).when().get("/api/requisitions/1;x"), 400, "';'");
        problem(json(recruiter).body("\"" + "x".repeat(2 * 1024 * 1024 + 10) + "\"").when().post("/api/candidates"), 413, "larger");
    }

    @Test
    void aPathWithASemicolonIsAnsweredAtOnceNotLeftHanging() {
        MalformedInputTest.Answer page = MalformedInputTest.send(new MalformedInputTest.Case("matrix", "GET", "/requisitions;x", Map.of(), new byte[0]));
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(MalformedInputTest.send(new MalformedInputTest.Case("matrix", "GET", "/q/health;x", Map.of(), new byte[0])).status()).isEqualTo(400);
    }

    @Test
    void unreadableFormsOnTheCandidatePagesAreA400Page() {
        for (String page : List.of("/c/withdraw", "/c/feedback")) {
            Response badEscape = PageSession.anonymous().contentType("application/x-www-form-urlencoded").body("t=x&note=%ZZ").when().post(page);
            assertThat(badEscape.statusCode()).as(page + " with %ZZ").isEqualTo(400);
            assertThat(badEscape.contentType()).startsWith("text/html");
            String many = java.util.stream.IntStream.range(0, 1100).mapToObj(i -> "f" + i + "=1").collect(java.util.stream.Collectors.joining("&"));
            Response tooMany = PageSession.anonymous().contentType("application/x-www-form-urlencoded").body(many).when().post(page);
            assertThat(tooMany.statusCode()).as(page + " with 1100 fields").isEqualTo(400);
            assertThat(tooMany.asString()).contains("too many fields");
        }
    }

    @Test
    void aPagePostWithoutAFormOrWithABrokenMultipartIsRefusedWithAPage() {
        Setup s = setup();
        PageSession session = PageSession.signIn(s.recruiter());
        session.get("/requisitions/" + s.requisition().id);
        String cookies = session.cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        MalformedInputTest.Answer none = MalformedInputTest.send(new MalformedInputTest.Case("no Content-Type", "POST",
                "/applications/" + s.application().id + "/chasers/answered", Map.of("Cookie", cookies), new byte[0]));
        assertThat(none.status()).as("refused by CrossSiteGuard: a page write is a form with its token").isEqualTo(400);
        assertThat(none.contentType()).startsWith("text/html");
        String body = "csrf-token=" + session.csrfToken() + "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nunfinished";
        MalformedInputTest.Answer broken = MalformedInputTest.send(new MalformedInputTest.Case("broken multipart", "POST",
                "/requisitions/" + s.requisition().id + "/import",
                Map.of("Cookie", cookies, "Content-Type", "multipart/form-data; boundary=xyz"), body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.contentType()).startsWith("text/html");
    }

    @Test
    void theApiDocumentDescribesTheApiNotThePagesTemplates() {
        String doc = as(data.recruiter()).when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertThat(doc).doesNotContain("TemplateInstance", "EngineImpl").contains("/api/applications/{id}/stage");
        assertThat(doc).doesNotContain("\"/applications/{id}\"", "\"/c/withdraw\"");
    }

    @Test
    void aCallScriptNumbersItsStepsWithoutGapsWithAndWithoutANote() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        CandidateInput caller = new CandidateInput("Mr", "Alan", "Turing", false, TestData.email(), "+44 20 7946 0002", Channel.PHONE, "en");
        Application a = data.application(requisition, recruiter, caller);
        String path = "/api/applications/" + a.id + "/outcome/preview";
        String without = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 6)).when().post(path).then().statusCode(200)
                .extract().jsonPath().getString("callScript");
        assertThat(without).contains("\n2. ", "\n3. Thank them", "\n4. Tell them").doesNotContain("\n5. ");
        String with = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 6, "personalNote", "We enjoyed meeting you."))
                .when().post(path).then().statusCode(200).extract().jsonPath().getString("callScript");
        assertThat(with).contains("\n3. Add your note", "\n4. Thank them", "\n5. Tell them");
    }
}
