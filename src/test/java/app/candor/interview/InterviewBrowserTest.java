package app.candor.interview;

import app.candor.support.DatabaseNeutral;
import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.Browser;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Scheduling an interview as a person does it: fill in the form, preview, schedule, cancel; in a real headless Chromium. */
@QuarkusTest
@DatabaseNeutral
class InterviewBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void aRecruiterPreviewsSchedulesAndCancelsAnInterview() throws Exception {
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        String at = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).withHour(14).withMinute(30).withSecond(0).withNano(0).toString();
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/applications/" + application.id);
            assertThat(browser.text("#interviews")).contains("No interviews yet.");
            browser.openAction("interview", "schedule-interview");

            // Typing into a datetime-local input depends on the browser's locale; set its value as a picker would.
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1]", browser.field("startsAt"), at);
            new Select(browser.field("kind")).selectByValue("VIDEO");
            browser.find("#f-interviewer-2-name").sendKeys("Grace Hopper");
            browser.find("#f-interviewer-2-title").sendKeys("Head of Platform");
            browser.submit("#preview-interview");
            assertThat(browser.text(".errors")).as("a video interview without its link is refused").contains("meeting link");
            assertThat(browser.field("startsAt").getAttribute("value")).as("what was typed stays").isEqualTo(at);
            assertThat(browser.find("#f-interviewer-2-name").getAttribute("value")).isEqualTo("Grace Hopper");

            browser.field("location").sendKeys("https://meet.example.test/browser");
            browser.submit("#preview-interview");
            assertThat(browser.text("h1")).startsWith("Preview: Interview confirmation");
            assertThat(browser.text("#text-part")).contains("Grace Hopper, Head of Platform").contains("https://meet.example.test/browser");
            browser.screenshot("interview-preview");

            browser.submit("#confirm");
            assertThat(browser.text(".flash")).startsWith("Video interview scheduled for ");
            assertThat(browser.text("#interviews table")).contains("Grace Hopper, Head of Platform").contains("Scheduled");
            assertThat(browser.text("#timeline")).contains("Interview confirmation");
            ((JavascriptExecutor) browser.driver).executeScript("document.getElementById('interviews').scrollIntoView()");
            browser.screenshot("interview-scheduled");

            browser.submit("#interviews a.cancel-interview");
            assertThat(browser.text("#confirm-cancel")).as("cancelling is confirmed first").contains("The candidate is told at once");
            browser.submit("#confirm-cancel button[type=submit]");
            assertThat(browser.text(".flash")).contains("cancelled");
            assertThat(browser.text("#interviews table")).contains("Cancelled");
        }
    }
}
