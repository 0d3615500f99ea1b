package app.candor.applicationpage;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/**
 * The application page without a browser: the action bar opens one form at a time through {@code ?action=}
 * (what a person without JavaScript uses), a refused form comes back open and focused on its error summary,
 * and the timeline shows what happened, newest first.
 */
@QuarkusTest
class ApplicationPageTest {

    @Inject
    TestData data;

    User recruiter;
    User manager;
    Application application;
    String page;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager);
        application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        page = "/applications/" + application.id;
    }

    @Test
    void theActionBarOpensOneFormAtATimeWithoutJavaScript() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page).then().statusCode(200)
                .body(containsString("class=\"skip-link\" href=\"#main\""), containsString("id=\"main\""),
                        containsString("/webjars/htmx.org/2.0.4/dist/htmx.min.js"),
                        containsString("href=\"" + page + "?action=move#action-panel\""),
                        containsString("href=\"" + page + "?action=outcome#action-panel\""),
                        containsString("href=\"" + page + "?action=delay#action-panel\""),
                        containsString("href=\"" + page + "?action=interview#action-panel\""),
                        containsString("href=\"" + page + "?action=chaser#action-panel\""),
                        containsString("href=\"" + page + "?action=note#action-panel\""),
                        not(containsString("<form method=\"post\" action=\"" + page + "/stage")),
                        not(containsString("id=\"outcome\"")), not(containsString("id=\"schedule-interview\"")),
                        containsString("id=\"timeline\""));

        String move = session.get(page + "?action=move").then().statusCode(200).extract().asString();
        assertThat(move).contains("id=\"move\"").contains("aria-current=\"true\"").doesNotContain("id=\"outcome\"")
                .doesNotContain("id=\"delay\"").doesNotContain("id=\"log-chaser\"");
        assertThat(session.get(page + "?action=outcome").asString()).contains("id=\"outcome\"").doesNotContain("id=\"move\"");
        assertThat(session.get(page + "?action=interview").asString()).contains("id=\"schedule-interview\"");
        assertThat(session.get(page + "?action=nonsense").asString()).as("an unknown action opens nothing")
                .doesNotContain("id=\"move\"").contains("id=\"timeline\"");
    }

    @Test
    void aRefusedFormComesBackOpenAndFocusedOnItsErrorSummary() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page + "?action=move");
        long history = TestData.count(StageChange.class);

        String refused = session.post(page + "/stage", Map.of("stage", "SCREENING", "note", "", "promisedDecisionDate", "", "toldHow", ""))
                .then().statusCode(400).extract().asString();
        assertThat(refused).contains("id=\"move\"")
                .contains("<div class=\"errors\" role=\"alert\" id=\"errors\" tabindex=\"-1\" autofocus>")
                .contains("action=\"" + page + "/stage#errors\"")
                .as("the summary has the focus, not the first field").doesNotContain("required autofocus");
        assertThat(TestData.count(StageChange.class)).as("nothing changed").isEqualTo(history);

        // A reload of the refused form's address leads back to the page with the form open.
        session.request().get(page + "/stage").then().statusCode(303)
                .header("Location", containsString(page + "?action=move#action-panel"));
    }

    @Test
    void theTimelineShowsNotesChasersAndMovesNewestFirst() {
        PageSession session = PageSession.signIn(recruiter);
        session.get(page + "?action=note");
        session.post(page + "/notes", Map.of("note", "")).then().statusCode(400).body(containsString("write the note"));
        session.post(page + "/notes", Map.of("note", "Strong on systems design; ask about <on-call>"))
                .then().statusCode(303).header("Location", containsString(page));
        session.get(page + "?action=chaser");
        session.post(page + "/chasers", Map.of("channel", "PHONE", "receivedAt", "", "note", "Asked when we decide"))
                .then().statusCode(303);

        String shown = session.get(page).then().statusCode(200).extract().asString();
        String timeline = shown.substring(shown.indexOf("id=\"timeline\""));
        assertThat(timeline).contains("Strong on systems design; ask about &lt;on-call&gt;")
                .contains("The candidate chased by phone").contains("Asked when we decide")
                .contains("Moved from Applied to Interview").contains("Added as a candidate");
        assertThat(timeline.indexOf("Moved from Applied to Interview")).as("newest first")
                .isGreaterThan(timeline.indexOf("Strong on systems design"));
        assertThat(timeline.indexOf("Added as a candidate")).isGreaterThan(timeline.indexOf("Moved from Applied to Interview"));
        assertThat(shown).as("a waiting chaser is at the top").contains("id=\"chased-waiting\"");
        assertThat(Api.db(() -> StageChange.listFor(Application.findById(application.id))).get(2).note)
                .isEqualTo("Strong on systems design; ask about <on-call>");
    }

    @Test
    void aHiringManagerSeesTheTimelineButNoActions() {
        PageSession session = PageSession.signIn(manager);
        session.get(page + "?action=move").then().statusCode(200)
                .body(containsString("id=\"timeline\""), not(containsString("id=\"actions\"")), not(containsString("id=\"move\"")));
        session.request().contentType("application/x-www-form-urlencoded").formParam("note", "x").post(page + "/notes")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(400), org.hamcrest.Matchers.is(403)));
    }

    @Test
    void htmxIsServedFromItsWebjar() {
        given().get("/webjars/htmx.org/2.0.4/dist/htmx.min.js").then().statusCode(200).body(containsString("htmx"));
    }
}
