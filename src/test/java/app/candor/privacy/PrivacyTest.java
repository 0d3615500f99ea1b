package app.candor.privacy;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.closure.Chaser;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.InjectGreenMail;
import app.candor.support.IntegrationsProfile;
import app.candor.support.Links;
import app.candor.support.Mails;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static app.candor.support.Api.as;
import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, data protection: retention after the configured period (with the business clock moved on), its dry run
 * and log, two runs at once, erasure on request (open applications closed as withdrawn without a letter) and the
 * access export, as JSON and as a page. Mail goes over real SMTP to GreenMail, so the letters carry real links.
 */
@QuarkusTest
@TestProfile(IntegrationsProfile.class)
class PrivacyTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @Inject
    Retention retention;

    @InjectGreenMail
    GreenMail greenMail;

    User recruiter;
    User admin;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        admin = data.admin();
        requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Analyst"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Application candidate(Requisition r, String first, String last, String email) {
        return data.application(r, recruiter, new CandidateInput("Ms", first, last, false, email, "+44 20 7946 0101", Channel.EMAIL, "en"));
    }

    private void chaser(Application a, String note) {
        json(recruiter).body(Map.of("channel", "PHONE", "note", note)).when().post("/api/applications/" + a.id + "/chasers")
                .then().statusCode(201);
    }

    /** Rejects with a personal note, waits until the letter went out and closed the application; returns the letter's text. */
    private String rejectAndTell(Application a, String email) {
        long id = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1, "personalNote", "Dear Ada, it was close."))
                .when().post("/api/applications/" + a.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
        Mails.awaitState(id, MessageState.SENT);
        Eventually.await("application " + a.id + " closed", Mails.DELIVERY, () -> reload(a).closure.isClosed());
        return Received.of(Eventually.await("the letter to " + email, Mails.DELIVERY,
                () -> greenMail.findReceivedMessages(u -> u.getEmail().equalsIgnoreCase(email), m -> true).toList(),
                l -> !l.isEmpty()).get(0)).text();
    }

    private static Application reload(Application a) {
        return Api.db(() -> Application.<Application>findById(a.id));
    }

    private static Candidate candidateOf(Application a) {
        return Api.db(() -> Candidate.<Candidate>find("select c from Application a join a.candidate c where a.id = ?1", a.id).firstResult());
    }

    private List<Integer> dueIds() {
        return as(admin).when().get("/api/admin/retention/dry-run").then().statusCode(200).extract().jsonPath()
                .getList("candidates.candidateId", Integer.class);
    }

    @Test
    void retentionAnonymisesCandidatesClosedLongerThanThePeriodAndKeepsTheCounts() {
        String adaEmail = TestData.email();
        Application ada = candidate(requisition, "Ada", "Lovelace", adaEmail);
        chaser(ada, "Ada Lovelace phoned about her application");
        String letter = rejectAndTell(ada, adaEmail);
        assertThat(letter).as("the privacy notice (candor.privacy.notice-url)")
                .contains("How we handle your personal data (privacy notice): https://candor.example.test/privacy");
        String status = Links.of(letter, "status");
        PageSession visitor = PageSession.candidate();
        assertThat(visitor.get(Links.pathOf(status)).statusCode()).isEqualTo(200);
        Application open = candidate(requisition, "Bob", "Stillopen", TestData.email());
        Boolean closedLate = reload(ada).closure.closedLate();
        long adaId = candidateOf(ada).id;

        assertThat(dueIds()).as("closed today: kept").doesNotContain((int) adaId);

        clock.set(Instant.now().plus(Duration.ofDays(200))); // past the default six months
        assertThat(dueIds()).as("the dry run lists her").contains((int) adaId).doesNotContain(candidateOf(open).id.intValue());
        assertThat(candidateOf(ada).lastName).as("a dry run changes nothing").isEqualTo("Lovelace");

        Retention.Run run = retention.run();
        assertThat(run.candidates()).isGreaterThanOrEqualTo(1);

        Candidate gone = candidateOf(ada);
        assertThat(gone.firstName + " " + gone.lastName).isEqualTo("Anonymised candidate");
        assertThat(gone.email).isEqualTo("anonymised-" + adaId + "@invalid");
        assertThat(gone.phone).isNull();
        assertThat(gone.salutation).isNull();
        assertThat(gone.anonymisedWhy).isEqualTo("RETENTION");
        List<Message> messages = Api.db(() -> Message.<Message>list("application.id", ada.id));
        assertThat(messages).isNotEmpty().allSatisfy(m -> {
            assertThat(m.bodyText).isEmpty();
            assertThat(m.bodyHtml).isEmpty();
            assertThat(m.recipient).isEqualTo(Anonymiser.REMOVED);
            assertThat(m.subject).isEqualTo(Anonymiser.REMOVED);
            assertThat(m.personalNote).isNull();
        });
        assertThat(messages).extracting(m -> m.state).contains(MessageState.SENT);
        assertThat(Api.db(() -> Chaser.<Chaser>list("application.id", ada.id))).hasSize(1).allSatisfy(c -> assertThat(c.note).isNull());
        assertThat(Api.db(() -> StageChange.<StageChange>list("application.id", ada.id))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.note).isNull());
        Application kept = reload(ada);
        assertThat(kept.stage).as("the application and its closure stay for the statistics").isEqualTo(Stage.REJECTED);
        assertThat(kept.closure.isClosed()).isTrue();
        assertThat(kept.closure.closedLate()).isEqualTo(closedLate);
        assertThat(candidateOf(open).lastName).as("an open application keeps its candidate").isEqualTo("Stillopen");

        String runs = as(admin).when().get("/api/admin/retention/runs").then().statusCode(200).extract().asString();
        assertThat(JsonPath.from(runs).getInt("[0].candidates")).isEqualTo(run.candidates());
        assertThat(runs).doesNotContain("Lovelace").doesNotContain(adaEmail);

        assertThat(retention.run().candidates()).as("nobody twice").isZero();

        clock.reset();
        Response dead = visitor.get(Links.pathOf(status));
        assertThat(dead.statusCode()).isEqualTo(404);
        assertThat(dead.asString()).contains("This link cannot be used").doesNotContain("Lovelace");
    }

    @Test
    void twoRunsAtOnceAnonymiseEachCandidateOnce() throws Exception {
        for (int i = 0; i < 4; i++) {
            Application a = data.applicationAt(requisition, recruiter, Stage.REJECTED);
            Eventually.await("closed", Mails.DELIVERY, () -> reload(a).closure.isClosed());
        }
        clock.set(Instant.now().plus(Duration.ofDays(200)));
        int due = as(admin).when().get("/api/admin/retention/dry-run").then().statusCode(200).extract().jsonPath().getInt("total");
        assertThat(due).isGreaterThanOrEqualTo(4);
        CompletableFuture<Retention.Run> first = CompletableFuture.supplyAsync(retention::run);
        CompletableFuture<Retention.Run> second = CompletableFuture.supplyAsync(retention::run);
        assertThat(first.get().candidates() + second.get().candidates()).isEqualTo(due);
        assertThat(as(admin).when().get("/api/admin/retention/dry-run").then().statusCode(200).extract().jsonPath().getInt("total")).isZero();
    }

    @Test
    void erasureClosesOpenApplicationsAsWithdrawnWithoutALetterAndTheRecruiterSeesWhy() {
        String email = TestData.email();
        Application open = candidate(requisition, "Grace", "Hopper", email);
        chaser(open, "Grace Hopper asked where things stand");
        Requisition other = data.requisition(recruiter, data.hiringManager(), TestData.unique("Engineer"));
        Application scheduled = candidate(other, "Grace", "Hopper", email);
        String sendAt = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).withNano(0).toString();
        long rejection = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 2, "sendAt", sendAt))
                .when().post("/api/applications/" + scheduled.id + "/outcome").then().statusCode(201).extract().jsonPath().getLong("id");
        long candidateId = candidateOf(open).id;
        long lettersBefore = Api.db(() -> Message.count("candidate.id", candidateId));

        json(recruiter).when().post("/api/admin/candidates/" + candidateId + "/erasure").then().statusCode(403);
        JsonPath result = json(admin).when().post("/api/admin/candidates/" + candidateId + "/erasure").then().statusCode(200)
                .extract().jsonPath();
        assertThat(result.getInt("applicationsClosed")).isEqualTo(2);

        for (Application a : List.of(open, scheduled)) {
            Application now = reload(a);
            assertThat(now.stage).isEqualTo(Stage.WITHDRAWN);
            assertThat(now.closure.isClosed()).isTrue();
            assertThat(now.closure.toldNote()).isEqualTo(Erasure.NOTE);
            List<String> notes = json(recruiter).when().get("/api/applications/" + a.id).then().statusCode(200).extract().jsonPath()
                    .getList("history.note", String.class);
            assertThat(notes).as("the recruiter sees why").contains(Erasure.NOTE);
        }
        assertThat(Mails.message(rejection).state).as("the scheduled rejection is never sent").isEqualTo(MessageState.CANCELLED);
        assertThat(Api.db(() -> Message.count("candidate.id", candidateId))).as("no letter about it").isEqualTo(lettersBefore);
        Candidate gone = Api.db(() -> Candidate.<Candidate>findById(candidateId));
        assertThat(gone.lastName).isEqualTo("candidate");
        assertThat(gone.anonymisedWhy).isEqualTo("ERASURE");
        assertThat(Api.db(() -> Chaser.<Chaser>list("application.id", open.id))).allSatisfy(c -> assertThat(c.note).isNull());

        Api.problem(json(admin).when().post("/api/admin/candidates/" + candidateId + "/erasure"), 409, "already");
        Api.problem(json(recruiter).body(Map.of("firstName", "Grace", "lastName", "Hopper", "email", email, "preferredChannel", "EMAIL",
                "language", "en", "firstNameTerms", false)).when().put("/api/candidates/" + candidateId), 409, "removed");
        assertThat(Api.db(() -> Candidate.<Candidate>findById(candidateId)).lastName).as("nothing written back").isEqualTo("candidate");
        Api.problem(json(admin).when().post("/api/admin/candidates/987654321/erasure"), 404);
    }

    @Test
    void theAccessExportHoldsEverythingAboutTheCandidateAsJsonAndAsAPage() {
        String email = TestData.email();
        Application a = candidate(requisition, "Ada", "Byron", email);
        chaser(a, "Called on Monday");
        rejectAndTell(a, email);
        long candidateId = candidateOf(a).id;

        as(recruiter).when().get("/api/admin/candidates/" + candidateId + "/export").then().statusCode(403);
        Response download = as(admin).when().get("/api/admin/candidates/" + candidateId + "/export");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.header("Content-Disposition")).startsWith("attachment").contains(".json");
        JsonPath doc = download.jsonPath();
        assertThat(doc.getString("candidate.email")).isEqualTo(email);
        assertThat(doc.getString("candidate.lastName")).isEqualTo("Byron");
        assertThat(doc.getString("candidate.phone")).isEqualTo("+44 20 7946 0101");
        assertThat(doc.getList("applications")).hasSize(1);
        assertThat(doc.getList("applications[0].history.to", String.class)).contains("APPLIED", "REJECTED");
        assertThat(doc.getList("applications[0].letters.kind", String.class)).contains("REJECTION");
        assertThat(doc.getString("applications[0].letters.find { it.kind == 'REJECTION' }.bodyText")).contains("it was close");
        assertThat(doc.getList("applications[0].chasers.note", String.class)).containsExactly("Called on Monday");
        assertThat(doc.getList("applications[0].links.purpose", String.class)).contains("STATUS");
        assertThat(doc.getString("applications[0].closure.state")).isEqualTo("CLOSED");

        PageSession page = PageSession.signIn(admin);
        Response shown = page.get("/admin/privacy/candidates/" + candidateId);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.asString()).contains("Byron").contains(email).contains("Called on Monday").contains("Rejection · Email")
                .doesNotContain("REJECTION").contains("/admin/privacy/candidates/" + candidateId + "/export.json");
        assertThat(PageSession.signIn(recruiter).get("/admin/privacy/candidates/" + candidateId).statusCode()).isEqualTo(403);

        // Erasure from the page: a form with the CSRF token, then the page again with a flash.
        Response erased = page.post("/admin/privacy/candidates/" + candidateId + "/erase", Map.of());
        assertThat(erased.statusCode()).isEqualTo(303);
        String after = page.get("/admin/privacy/candidates/" + candidateId).asString();
        assertThat(after).contains("(Erasure)").contains("anonymised").doesNotContain("Byron").doesNotContain(email)
                .doesNotContain("Called on Monday").doesNotContain("Erase their personal data");
        assertThat(PageSession.signIn(admin).get("/admin/privacy?q=Byron").asString()).doesNotContain("candidates/" + candidateId + "\"");
    }
}
