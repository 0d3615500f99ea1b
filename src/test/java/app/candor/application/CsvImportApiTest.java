package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateService;
import app.candor.candidate.Channel;
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

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static app.candor.support.Api.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** POST /api/requisitions/{id}/applications/import: all or nothing, every problem by line number. */
@QuarkusTest
class CsvImportApiTest {

    @Inject
    TestData data;

    @Inject
    CandidateService candidates;

    User recruiter;
    User manager;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
    }

    private Response importCsv(long requisitionId, String csv) {
        return Api.csv(recruiter).body(csv).when().post("/api/requisitions/" + requisitionId + "/applications/import");
    }

    private Response importCsv(String csv) {
        return importCsv(requisition.id, csv);
    }

    private record Counts(long candidates, long applications, long history) {
        static Counts now() {
            return new Counts(TestData.count(Candidate.class), TestData.count(Application.class), TestData.count(StageChange.class));
        }
    }

    private static List<Application> applicationsIn(Requisition requisition) {
        return Api.db(() -> {
            List<Application> list = Application.listByRequisition(requisition);
            list.forEach(a -> a.candidate.email.length());
            return list;
        });
    }

    // --- good files ----------------------------------------------------------------------------

    @Test
    void aGoodFileImportsEveryRowAndReusesAnExistingCandidate() {
        Candidate existing = candidates.create(TestData.candidateInput(TestData.email()));
        String ada = TestData.email();
        String alan = TestData.email();
        Counts before = Counts.now();

        String csv = "first_name,last_name,email,phone,preferred_channel,salutation,first_name_terms,language\n"
                + "Ada,Lovelace," + ada + ",,EMAIL,Ms,no,en\n"
                + "Alan,Turing," + alan.toUpperCase(Locale.ROOT) + ",+44 20 7946 0002,phone,Mr,yes,EN\n"
                + "Test,Candidate," + existing.email.toUpperCase(Locale.ROOT) + ",,,,,\n";

        importCsv(csv).then().statusCode(200)
                .body("imported", equalTo(3))
                .body("newCandidates", equalTo(2))
                .body("existingCandidates", equalTo(1))
                .body("applicationIds", hasSize(3));

        Counts after = Counts.now();
        assertThat(after.candidates())
                .as("the existing candidate is reused, not duplicated").isEqualTo(before.candidates() + 2);
        assertThat(after.applications()).isEqualTo(before.applications() + 3);
        assertThat(after.history()).isEqualTo(before.history() + 3);

        List<Application> imported = applicationsIn(requisition);
        assertThat(imported).hasSize(3);
        assertThat(imported).allMatch(a -> a.stage == Stage.APPLIED && a.promisedDecisionDate != null);
        assertThat(imported).anyMatch(a -> a.candidate.id.equals(existing.id));

        Candidate turing = Api.db(() -> Candidate.findByEmail(alan).orElseThrow());
        assertThat(turing.preferredChannel).isEqualTo(Channel.PHONE);
        assertThat(turing.firstNameTerms).isTrue();
        assertThat(turing.language).isEqualTo("en");
        assertThat(turing.salutation).isEqualTo("Mr");
    }

    @Test
    void headerColumnsMayComeInAnyOrderAndCase() {
        String email = TestData.email();
        importCsv("Email, Last Name, FIRST_NAME\n" + email + ",Hopper,Grace\n").then().statusCode(200)
                .body("imported", equalTo(1));
        Candidate grace = Api.db(() -> Candidate.findByEmail(email).orElseThrow());
        assertThat(grace.firstName).isEqualTo("Grace");
        assertThat(grace.lastName).isEqualTo("Hopper");
    }

    @Test
    void aSemicolonSeparatedFileWithAByteOrderMarkImports() {
        String a = TestData.email();
        String b = TestData.email();
        Counts before = Counts.now();
        String csv = "\uFEFFfirst_name;last_name;email;salutation\r\n"
                + "Marianne;Brandt;" + a + ";Frau\r\n"
                + "Dieter;Rams;" + b + ";Herr\r\n";

        Api.as(recruiter).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/requisitions/" + requisition.id + "/applications/import")
                .then().statusCode(200).body("imported", equalTo(2)).body("newCandidates", equalTo(2));

        assertThat(TestData.count(Candidate.class)).isEqualTo(before.candidates() + 2);
        assertThat(Api.db(() -> Candidate.findByEmail(a).orElseThrow().lastName)).isEqualTo("Brandt");
        assertThat(Api.db(() -> Candidate.findByEmail(a).orElseThrow().salutation)).isEqualTo("Frau");
    }

    @Test
    void quotedFieldsMayHoldTheDelimiter() {
        String email = TestData.email();
        importCsv("first_name,last_name,email\n\"Mary, Jr.\",\"O'Brien\"," + email + "\n").then().statusCode(200)
                .body("imported", equalTo(1));
        assertThat(Api.db(() -> Candidate.findByEmail(email).orElseThrow().firstName)).isEqualTo("Mary, Jr.");
    }

    // --- bad files -----------------------------------------------------------------------------

    @Test
    void aFileWithBadRowsIsRefusedListingEachLineAndNothingIsWritten() {
        String good = TestData.email();
        String dup = TestData.email();
        Counts before = Counts.now();
        String csv = "first_name,last_name,email,preferred_channel\n"   // line 1
                + "Ada,Lovelace," + good + ",EMAIL\n"                   // line 2: good
                + "Alan,Turing,alan-at-example,EMAIL\n"                 // line 3: malformed e-mail
                + "Grace,Hopper," + TestData.email() + ",PIGEON\n"      // line 4: unknown channel
                + "Kurt,Goedel," + dup + ",\n"                          // line 5: good so far
                + "Kurt,Goedel," + dup.toUpperCase(Locale.ROOT) + ",\n"; // line 6: same e-mail as line 5

        JsonPath p = problem(importCsv(csv), 400, "nothing was imported", "Line 3");
        assertThat(Api.errorLines(p)).isEqualTo(List.of(3, 4, 6));
        assertThat(p.getString("errors[0].message")).as(p.prettify()).contains("email");
        assertThat(p.getString("errors[1].message")).as(p.prettify()).contains("PIGEON");
        assertThat(p.getString("errors[1].message")).as(p.prettify()).contains("preferred_channel");
        assertThat(p.getString("errors[2].message")).as(p.prettify()).contains("line 5");

        assertThat(Counts.now()).as("not even the good rows were written").isEqualTo(before);
        assertThat(Api.db(() -> Candidate.findByEmail(good))).isEmpty();
        assertThat(applicationsIn(requisition)).isEmpty();
    }

    @Test
    void missingRequiredValuesAreReportedPerLine() {
        Counts before = Counts.now();
        String csv = "first_name,last_name,email\n"
                + "," + "Lovelace," + TestData.email() + "\n"
                + "Alan,Turing,\n";

        JsonPath p = problem(importCsv(csv), 400);
        assertThat(Api.errorLines(p)).isEqualTo(List.of(2, 3));
        assertThat(p.getString("errors[0].message")).as(p.prettify()).contains("firstName");
        assertThat(p.getString("errors[1].message")).as(p.prettify()).contains("email");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aCandidateAlreadyInTheRequisitionIsReportedOnItsLine() {
        Application existing = data.application(requisition, recruiter);
        String email = Api.db(() -> Application.<Application>findById(existing.id).candidate.email);
        Counts before = Counts.now();

        JsonPath p = problem(importCsv("first_name,last_name,email\nNew,Person," + TestData.email() + "\nTest,Candidate," + email + "\n"),
                400, "Line 3");
        assertThat(Api.errorLines(p)).isEqualTo(List.of(3));
        assertThat(p.getString("errors[0].message")).as(p.prettify()).contains("already a candidate");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void anUnknownHeaderColumnIsRefusedOnLine1() {
        Counts before = Counts.now();

        JsonPath p = problem(importCsv("first_name,last_name,email,shoe_size\nAda,Lovelace," + TestData.email() + ",38\n"),
                400, "Line 1", "shoe_size");
        assertThat(Api.errorLines(p)).isEqualTo(List.of(1));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedOnLine1() {
        Counts before = Counts.now();

        JsonPath p = problem(importCsv("first_name,last_name\nAda,Lovelace\n"), 400, "Line 1", "email");
        assertThat(Api.errorLines(p)).isEqualTo(List.of(1));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void anEmptyFileIsRefused() {
        Counts before = Counts.now();

        JsonPath p = problem(importCsv(""), 400, "empty");
        assertThat(Api.errorLines(p)).isEqualTo(List.of(1));
        problem(importCsv("\n\n"), 400, "empty");
        problem(Api.as(recruiter).contentType("text/csv").when().post("/api/requisitions/" + requisition.id + "/applications/import"),
                400, "empty");

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aHeaderWithoutRowsIsRefused() {
        Counts before = Counts.now();
        problem(importCsv("first_name,last_name,email\n"), 400, "no candidate rows");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void brokenQuotingIsRefused() {
        Counts before = Counts.now();
        problem(importCsv("first_name,last_name,email\n\"Ada,Lovelace," + TestData.email() + "\n"), 400, "quotes");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aFileWithTooManyRowsIsRefusedAsAWhole() {
        StringBuilder csv = new StringBuilder("first_name,last_name,email\n");
        String prefix = TestData.unique("bulk");
        for (int i = 0; i < 2001; i++) {
            csv.append("A,B,").append(prefix).append('-').append(i).append("@example.test\n");
        }
        Counts before = Counts.now();

        JsonPath p = problem(importCsv(csv.toString()), 400, "2000");
        assertThat(Api.errorLines(p)).isEqualTo(List.of(2002));

        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void importingIntoAnUnknownRequisitionIs404() {
        Counts before = Counts.now();
        problem(importCsv(Long.MAX_VALUE, "first_name,last_name,email\nAda,Lovelace," + TestData.email() + "\n"), 404, "Requisition");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void hiringManagersCannotImportEvenIntoTheirOwnRequisition() {
        Counts before = Counts.now();
        Response r = Api.csv(manager).body("first_name,last_name,email\nAda,Lovelace," + TestData.email() + "\n")
                .when().post("/api/requisitions/" + requisition.id + "/applications/import");
        problem(r, 403, "role");
        assertThat(Counts.now()).isEqualTo(before);
    }

    @Test
    void aJsonBodyIsNotACsvFile() {
        Counts before = Counts.now();
        problem(Api.json(recruiter).body("{\"first_name\":\"Ada\"}")
                .when().post("/api/requisitions/" + requisition.id + "/applications/import"), 415);
        assertThat(Counts.now()).isEqualTo(before);
    }
}
