package app.candor.applicationpage;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Browser;
import app.candor.support.DatabaseNeutral;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application page in Chromium: the action bar swaps one form in without a page load (htmx), works the
 * same without JavaScript, a refused form takes the focus to its error summary, the keyboard starts at the skip
 * link, it fits a phone, and axe-core finds nothing serious or moderate.
 */
@QuarkusTest
@DatabaseNeutral
class ApplicationPageBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void movingWithTheActionBarSwapsInTheFormAndTheTimelineShowsTheMove() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + application.id);
            assertThat(browser.accessibilityProblems()).as("axe-core on the page").isEmpty();

            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
            assertThat(browser.driver.switchTo().activeElement().getText()).as("the first Tab reaches the skip link")
                    .isEqualTo("Skip to the content");

            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            js.executeScript("window.samePage = true");
            browser.find("#action-move").click();
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).until(d -> !d.findElements(org.openqa.selenium.By.id("move")).isEmpty());
            assertThat(js.executeScript("return window.samePage === true")).as("swapped in, no page load").isEqualTo(true);
            assertThat(browser.driver.getCurrentUrl()).contains("?action=move");
            assertThat(browser.focusedId()).as("the form's first field has the focus").isEqualTo("f-stage");
            assertThat(browser.accessibilityProblems()).as("axe-core with the move form open").isEmpty();

            new Select(browser.field("stage")).selectByValue("APPLIED");
            browser.submit("#move button[type=submit]");
            assertThat(browser.focusedId()).as("a refused move focuses its error summary").isEqualTo("errors");
            assertThat(browser.text("#errors")).contains("Note is required when moving backwards");
            assertThat(browser.accessibilityProblems()).as("axe-core on the refused form").isEmpty();
            browser.screenshot("correction-needs-note");

            new Select(browser.field("stage")).selectByValue("INTERVIEW");
            browser.submit("#move button[type=submit]");
            assertThat(browser.text(".flash")).contains("Moved to Interview");
            assertThat(browser.text("#timeline li.entry")).as("the newest entry first").contains("Moved from Screening to Interview");
            browser.screenshot("application-timeline");
        }
    }

    @Test
    void everyActionOpensWithoutJavaScript() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.SCREENING);
        try (Browser browser = Browser.withoutJavaScript(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + application.id);
            browser.submit("#action-note");
            assertThat(browser.driver.getCurrentUrl()).contains("?action=note");
            browser.field("note").sendKeys("Prefers mornings for interviews");
            browser.submit("#note button[type=submit]");
            assertThat(browser.text(".flash")).contains("Note added");
            assertThat(browser.text("#timeline li.entry")).contains("Prefers mornings for interviews");
        }
    }

    @Test
    void thePageFitsAPhone() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        try (Browser browser = Browser.phone(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + application.id + "?action=outcome");
            assertThat(browser.viewportWidth()).as("a phone's viewport").isEqualTo(390);
            assertThat(browser.sticksOut()).as("no sideways scrolling at 390 px").isEmpty();
            assertThat(browser.accessibilityProblems()).as("axe-core at 390 px").isEmpty();
            browser.screenshot("application-phone");
        }
    }
}
