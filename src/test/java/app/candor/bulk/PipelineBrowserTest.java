package app.candor.bulk;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Browser;
import app.candor.support.DatabaseNeutral;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline in Chromium: a card moves on with its "next stage" button from the keyboard, two candidates are
 * rejected together after one confirmation counting the letters, the header's search and attention count work,
 * on a desktop and at 390 px, with nothing serious or moderate for axe-core.
 */
@QuarkusTest
@DatabaseNeutral
class PipelineBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void aRecruiterMovesACardByKeyboardAndRejectsTwoCandidatesInOneGo() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application first = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Application second = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        Application third = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        json(recruiter).body(Map.of("channel", "EMAIL")).post("/api/applications/" + second.id + "/chasers").then().statusCode(201);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/requisitions/" + requisition.id);
            assertThat(browser.text("#card-" + second.id)).contains("Chased");
            assertThat(browser.accessibilityProblems()).as("axe-core on the pipeline").isEmpty();
            assertThat(browser.find("#status-change").getAttribute("open")).as("the status change stays closed").isNull();
            browser.find("#select-" + first.id).click();
            ((org.openqa.selenium.JavascriptExecutor) browser.driver).executeScript("document.getElementById('pipeline').scrollIntoView()");
            browser.screenshot("pipeline");
            browser.find("#select-" + first.id).click();

            browser.find("#next-" + third.id).sendKeys(Keys.SPACE);
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15))
                    .until(d -> !d.findElements(org.openqa.selenium.By.cssSelector(".flash")).isEmpty());
            assertThat(browser.text(".flash")).contains("Moved to Final interview");
            assertThat(browser.text("#column-FINAL_INTERVIEW")).contains(browser.text("#card-" + third.id + " .card-name"));

            browser.find("#select-" + first.id).click();
            browser.find("#select-" + second.id).click();
            new Select(browser.field("action")).selectByValue("REJECT");
            browser.submit("#bulk-submit");
            assertThat(browser.text("#errors")).as("a rejection needs its reason").contains("rejection reason");
            assertThat(browser.focusedId()).isEqualTo("errors");
            new Select(browser.field("reasonId")).selectByIndex(1);
            browser.submit("#bulk-preview");
            assertThat(browser.text("#letter-count")).isEqualTo("2");
            assertThat(browser.accessibilityProblems()).as("axe-core on the confirmation").isEmpty();
            browser.screenshot("bulk-confirmation");
            browser.submit("#bulk-confirm-button");
            assertThat(browser.text(".flash")).startsWith("2 candidates done; 2 letters go out.");
            assertThat(Api.db(() -> Application.<Application>findById(first.id).stage)).isEqualTo(Stage.REJECTED);
        }
    }

    @Test
    void searchAndTheAttentionListFromTheHeaderAtPhoneSize() throws Exception {
        User recruiter = data.recruiter();
        User colleague = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        String email = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        json(colleague).body(Map.of("channel", "PHONE", "note", "Wants an answer by Friday")).post("/api/applications/" + a.id + "/chasers")
                .then().statusCode(201);
        try (Browser browser = Browser.phone(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/requisitions/" + requisition.id);
            assertThat(browser.sticksOut()).as("the pipeline at 390 px").isEmpty();
            assertThat(browser.viewportWidth()).as("a phone's viewport").isEqualTo(390);
            assertThat(browser.accessibilityProblems()).as("axe-core on the pipeline at 390 px").isEmpty();

            assertThat(browser.text("#unread-count")).startsWith("1");
            browser.submit("#attention-link");
            assertThat(browser.text("#notifications")).contains("Wants an answer by Friday");
            assertThat(browser.sticksOut()).isEmpty();
            assertThat(browser.accessibilityProblems()).as("axe-core on the attention list").isEmpty();
            browser.screenshot("attention-phone");
            browser.submit("#notifications button[type=submit]");
            assertThat(browser.path()).isEqualTo("/applications/" + a.id);
            assertThat(browser.driver.findElements(org.openqa.selenium.By.id("unread-count"))).as("read").isEmpty();
            assertThat(browser.sticksOut()).as("the application page at 390 px").isEmpty();

            browser.go("/board");
            assertThat(browser.sticksOut()).as("the closure board at 390 px").isEmpty();
            assertThat(browser.accessibilityProblems()).as("axe-core on the board at 390 px").isEmpty();
            browser.screenshot("closure-board-phone");

            browser.field("q").sendKeys(email);
            browser.submit("form.header-search button[type=submit]");
            assertThat(browser.text("#search-results")).contains(requisition.title).contains("Interview");
            assertThat(browser.accessibilityProblems()).as("axe-core on the search").isEmpty();
        }
    }
}
