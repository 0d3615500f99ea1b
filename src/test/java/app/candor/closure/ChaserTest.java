package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static app.candor.closure.BoardFixtures.at;
import static app.candor.closure.BoardFixtures.promise;
import static app.candor.closure.BoardFixtures.row;
import static app.candor.closure.BoardFixtures.rows;
import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * Chasers: a recruiter logs that a candidate got in touch; the application is chased from the oldest
 * one still waiting until the next letter to the candidate or a "called back" answers them. Hiring
 * managers read them and cannot log them; a closed application takes none.
 */
@QuarkusTest
class ChaserTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    User recruiter;
    User manager;
    Requisition requisition;
    Application application;
    String chasers;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        requisition = data.requisition(recruiter, manager);
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        chasers = "/api/applications/" + application.id + "/chasers";
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Map<String, Object> chaser(String channel, String note, Instant receivedAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("channel", channel);
        body.put("note", note);
        if (receivedAt != null) {
            body.put("receivedAt", receivedAt.toString());
        }
        return body;
    }

    private Instant chasedAt() {
        return Api.db(() -> Application.<Application>findById(application.id).chasedAt);
    }

    @Test
    void aLoggedChaserMarksTheApplicationChasedFromTheOldestOneWaiting() {
        Instant yesterday = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        JsonPath logged = json(recruiter).body(chaser("PHONE", "Called to ask about the panel", yesterday))
                .when().post(chasers).then().statusCode(201).extract().jsonPath();
        assertThat(logged.getString("channel")).isEqualTo("PHONE");
        assertThat(logged.getString("note")).isEqualTo("Called to ask about the panel");
        assertThat(logged.getString("receivedAt")).isEqualTo(yesterday.toString());
        assertThat(logged.getString("loggedBy")).isEqualTo(recruiter.username);
        assertThat(logged.getBoolean("waiting")).isTrue();
        assertThat(chasedAt()).isEqualTo(yesterday);

        // A later one leaves the application chased since yesterday; one without a time came in now.
        Instant before = Instant.now().truncatedTo(ChronoUnit.MICROS);
        json(recruiter).body(chaser("EMAIL", null, null)).when().post(chasers).then().statusCode(201);
        assertThat(chasedAt()).isEqualTo(yesterday);
        // One logged late, from the day before: now the oldest waiting.
        Instant twoDaysAgo = yesterday.minus(Duration.ofDays(1));
        json(recruiter).body(chaser("EMAIL", "", twoDaysAgo)).when().post(chasers).then().statusCode(201);
        assertThat(chasedAt()).isEqualTo(twoDaysAgo);

        List<Map<String, Object>> list = json(recruiter).when().get(chasers).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(list).hasSize(3);
        assertThat(list.get(0).get("channel")).as("newest first").isEqualTo("EMAIL");
        assertThat(Instant.parse((String) list.get(0).get("receivedAt"))).isAfterOrEqualTo(before);
        assertThat(list.get(2).get("note")).as("an empty note is no note").isNull();
        assertThat(list).allMatch(c -> Boolean.TRUE.equals(c.get("waiting")));
    }

    @Test
    void refusedChasersSayWhyAndWriteNothing() {
        long before = TestData.count(Chaser.class);
        Api.problem(json(recruiter).body(chaser("PHONE", null, Instant.now().plus(Duration.ofHours(1)))).when().post(chasers),
                400, "receivedAt", "future");
        Api.problem(json(recruiter).body(chaser("PHONE", Api.repeat('x', 2001), null)).when().post(chasers), 400, "note", "2000");
        assertThat(Api.errorFields(Api.problem(json(recruiter).body(chaser(null, null, null)).when().post(chasers), 400, "channel")))
                .containsExactly("channel");
        Api.problem(json(recruiter).body(chaser("FAX", null, null)).when().post(chasers), 400, "channel");

        // Hired: the candidate had their answer in person; the application is closed.
        Application hired = data.applicationAt(requisition, recruiter, Stage.OFFER);
        json(recruiter).body(Map.of("stage", "HIRED")).when().post("/api/applications/" + hired.id + "/stage").then().statusCode(200);
        Api.problem(json(recruiter).body(chaser("EMAIL", null, null)).when().post("/api/applications/" + hired.id + "/chasers"),
                409, "closed", "already been told");

        assertThat(TestData.count(Chaser.class)).isEqualTo(before);
        assertThat(chasedAt()).isNull();
    }

    @Test
    void hiringManagersReadTheChasersOfTheirRequisitionsButCannotLogThem() {
        json(recruiter).body(chaser("EMAIL", "Wrote in", null)).when().post(chasers).then().statusCode(201);
        User other = data.hiringManager();

        assertThat(json(manager).when().get(chasers).then().statusCode(200).extract().jsonPath().getList("$")).hasSize(1);
        Api.problem(json(other).when().get(chasers), 404);
        Api.problem(json(manager).body(chaser("EMAIL", null, null)).when().post(chasers), 403);
        Api.problem(json(manager).when().post(chasers + "/answered"), 403);
        // An admin may log one too (a chaser reaching the front desk).
        json(data.admin()).body(chaser("PHONE", "Rang reception", null)).when().post(chasers).then().statusCode(201);
        assertThat(json(recruiter).when().get(chasers).then().extract().jsonPath().getList("$")).hasSize(2);
    }

    @Test
    void theNextLetterToTheCandidateAnswersTheWaitingChasers() {
        json(recruiter).body(chaser("EMAIL", "Any news?", null)).when().post(chasers).then().statusCode(201);
        assertThat(chasedAt()).isNotNull();

        LocalDate later = Api.db(() -> Application.<Application>findById(application.id).promisedDecisionDate).plusDays(7);
        json(recruiter).body(Map.of("promisedDecisionDate", later.toString(), "personalNote", "Thank you for asking."))
                .when().post("/api/applications/" + application.id + "/delay").then().statusCode(201);

        assertThat(chasedAt()).as("answered by the delay letter").isNull();
        JsonPath list = json(recruiter).when().get(chasers).then().extract().jsonPath();
        assertThat(list.getBoolean("[0].waiting")).isFalse();
        assertThat(list.getString("[0].answeredBy")).isEqualTo(recruiter.username);
        assertThat(list.getString("[0].answeredAt")).isNotNull();
    }

    @Test
    void aRecruiterMarksTheChasersAnsweredAfterCallingBack() {
        json(recruiter).body(chaser("PHONE", null, null)).when().post(chasers).then().statusCode(201);
        json(recruiter).body(chaser("EMAIL", null, null)).when().post(chasers).then().statusCode(201);

        JsonPath answered = json(recruiter).when().post(chasers + "/answered").then().statusCode(200).extract().jsonPath();
        assertThat(answered.getInt("answered")).isEqualTo(2);
        assertThat(chasedAt()).isNull();
        assertThat(json(recruiter).when().get(chasers).then().extract().jsonPath().getList("waiting", Boolean.class))
                .containsExactly(false, false);
        assertThat(json(recruiter).when().post(chasers + "/answered").then().statusCode(200).extract().jsonPath().getInt("answered"))
                .as("nothing left waiting").isZero();
    }

    @Test
    void aChaserOnAnOverdueApplicationTopsTheBoard() {
        LocalDate friday = BoardFixtures.aFriday();
        clock.set(at(friday, 10));
        User rita = data.recruiter();
        Requisition role = data.requisition(rita, manager);
        long olderPromise = data.application(role, rita).id;
        long chased = data.application(role, rita).id;
        promise(olderPromise, friday.minusDays(10));
        promise(chased, friday.minusDays(1));
        assertThat(rows(json(rita).when().get("/api/board").then().statusCode(200).extract().jsonPath()))
                .containsExactly(row(BoardSection.OVERDUE, olderPromise), row(BoardSection.OVERDUE, chased));

        json(rita).body(chaser("PHONE", "Third call this week", null)).when().post("/api/applications/" + chased + "/chasers")
                .then().statusCode(201);

        assertThat(rows(json(rita).when().get("/api/board").then().statusCode(200).extract().jsonPath()))
                .containsExactly(row(BoardSection.OVERDUE_CHASED, chased), row(BoardSection.OVERDUE, olderPromise));
    }

    @Test
    void onTheApplicationPageARecruiterLogsAChaserAndMarksItAnsweredAndAHiringManagerOnlyReads() {
        PageSession session = PageSession.signIn(recruiter);
        String page = "/applications/" + application.id;
        session.get(page).then().statusCode(200).body(containsString("href=\"" + page + "?action=chaser#action-panel\""),
                not(containsString("id=\"log-chaser\"")), not(containsString("id=\"chased-waiting\"")));
        session.get(page + "?action=chaser").then().statusCode(200).body(containsString("id=\"log-chaser\""));

        Response refused = session.post(page + "/chasers", Map.of("channel", "PHONE", "receivedAt", "2999-01-01T09:00", "note", "Kept <note>"));
        refused.then().statusCode(400).body(containsString("class=\"errors\""), containsString("must not be in the future"),
                containsString("Kept &lt;note&gt;"));
        assertThat(chasedAt()).isNull();

        Response logged = session.post(page + "/chasers", Map.of("channel", "PHONE", "receivedAt", "", "note", "Rang twice"));
        logged.then().statusCode(303).header("Location", containsString(page + "#chasers"));
        assertThat(chasedAt()).isNotNull();
        session.get(page).then().statusCode(200).body(containsString("Rang twice"), containsString("id=\"chased-waiting\""),
                containsString("id=\"chasers-answered\""));

        session.post(page + "/chasers/answered", Map.of()).then().statusCode(303);
        assertThat(chasedAt()).isNull();

        PageSession hm = PageSession.signIn(manager);
        hm.get(page).then().statusCode(200).body(containsString("Rang twice"), not(containsString("id=\"log-chaser\"")));
        hm.post(page + "/chasers", Map.of("channel", "EMAIL")).then().statusCode(403);
    }
}
