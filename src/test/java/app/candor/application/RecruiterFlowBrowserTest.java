package app.candor.application;

import app.candor.support.DatabaseNeutral;
import app.candor.requisition.Requisition;
import app.candor.support.Browser;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The core flows as a person does them, in a real headless Chromium. */
@QuarkusTest
@DatabaseNeutral
class RecruiterFlowBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    PromisePolicy promises;

    @Test
    void recruiterCreatesRequisitionAddsCandidateAndMovesThemToInterview() throws Exception {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        String title = TestData.unique("Browser Engineer");
        String email = TestData.email();
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            assertThat(browser.path()).isEqualTo("/requisitions");

            browser.click(browser.driver.findElement(By.linkText("New requisition")));
            browser.submit("main form button[type=submit]");
            assertThat(browser.text(".errors")).as("an empty form is shown again with its error").contains("Title");

            browser.field("title").sendKeys(title);
            new Select(browser.field("hiringManagerId")).selectByValue(manager.id.toString());
            browser.submit("main form button[type=submit]");
            assertThat(browser.text(".flash")).contains("created");
            assertThat(browser.text("h1")).contains(title);

            browser.field("firstName").sendKeys("Grace");
            browser.field("lastName").sendKeys("Browser");
            browser.field("email").sendKeys(email);
            browser.field("salutation").sendKeys("Dr");
            browser.submit("#add-candidate button[type=submit]");
            assertThat(browser.text(".flash")).contains("Grace Browser added");
            assertThat(browser.text("section[aria-label='Applied']")).contains("Grace Browser");
            browser.screenshot("pipeline");

            browser.click(browser.driver.findElement(By.linkText("Grace Browser")));
            browser.openAction("move", "move");
            new Select(browser.field("stage")).selectByValue("INTERVIEW");
            browser.submit("#move button[type=submit]");

            LocalDate expected = promises.defaultFor(Stage.INTERVIEW);
            String shown = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).format(expected);
            assertThat(browser.text(".flash")).contains("Moved to Interview").contains(shown);
            assertThat(browser.text("#stage")).isEqualTo("Interview");
            assertThat(browser.text("#promise")).isEqualTo(shown);
            assertThat(browser.text("#timeline")).contains("Moved from Applied to Interview").contains(recruiter.username);
            browser.screenshot("application");
        }
    }

    @Test
    void backwardMoveWithoutNoteIsShownAgainWithTheError() throws Exception {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + application.id);
            browser.openAction("move", "move");
            new Select(browser.field("stage")).selectByValue("SCREENING");
            browser.submit("#move button[type=submit]");
            assertThat(browser.text(".errors")).contains("Note is required");
            assertThat(browser.text("#stage")).as("nothing changed").isEqualTo("Interview");
        }
    }

    @Test
    void hiringManagerSeesOnlyTheirRequisitionsReadOnly() throws Exception {
        User recruiter = data.recruiter();
        User manager = data.hiringManager();
        Requisition own = data.requisition(recruiter, manager);
        Requisition other = data.requisition(recruiter, data.hiringManager());
        Application application = data.application(own, recruiter);
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(manager.username, TestData.PASSWORD);
            assertThat(browser.text("main")).contains(own.title).doesNotContain(other.title);

            browser.go("/requisitions/" + own.id);
            assertThat(browser.driver.findElements(By.id("add-candidate"))).as("no add form for a hiring manager").isEmpty();
            browser.go("/applications/" + application.id);
            assertThat(browser.driver.findElements(By.id("move"))).as("no move form for a hiring manager").isEmpty();
            browser.screenshot("hiring-manager-application");

            browser.go("/requisitions/" + other.id);
            assertThat(browser.text("h1")).isEqualTo("Not found");
        }
    }
}
