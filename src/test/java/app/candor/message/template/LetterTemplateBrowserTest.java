package app.candor.message.template;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.message.Message;
import app.candor.message.MessageKind;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.net.URL;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21 in a browser: an admin edits the English rejection (a hostile line refused with its number, then a good
 * one), previews it with the sample candidate, saves it; a recruiter sends a rejection and it is the edited letter.
 */
@QuarkusTest
@DatabaseNeutral
class LetterTemplateBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void anAdminEditsPreviewsAndSavesTheRejectionAndTheNextRejectionIsWrittenFromIt() throws Exception {
        User admin = data.admin();
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        try {
            try (Browser browser = Browser.open(base.toString())) {
                browser.signIn(admin.username, TestData.PASSWORD);
                browser.go("/admin/letters");
                assertThat(browser.text("#template-REJECTION-en")).contains("built-in");
                browser.click(browser.find("#template-REJECTION-en a"));
                assertThat(browser.text("#placeholders")).contains("{candidate.greeting}").contains("{links}");

                WebElement subject = browser.field("subject");
                subject.clear();
                subject.sendKeys("{role}: thank you");
                WebElement body = browser.field("body");
                body.clear();
                body.sendKeys("{candidate.greeting}\n\nWe went another way.\n<script>alert(1)</script>");
                browser.submit("#save-template");
                assertThat(browser.text(".errors")).contains("line 4: markup is not allowed");

                body = browser.field("body");
                body.clear();
                body.sendKeys("{candidate.greeting}\n\nThank you for your time on {role}; we went another way.\n\n{links}\n\n{recruiter.name}");
                browser.submit("#preview-template");
                assertThat(browser.text("#template-preview #subject")).isEqualTo("Sample role: thank you");
                assertThat(browser.text("#template-preview #text-part")).startsWith("Dear Dr Meitner,")
                        .contains("Thank you for your time on Sample role; we went another way.");
                browser.screenshot("letter-template-preview");

                browser.submit("#save-template");
                assertThat(browser.text(".flash")).contains("version").contains("saved");
                assertThat(browser.text("#versions")).contains("(in force)").contains(admin.username);
            }

            try (Browser browser = Browser.open(base.toString())) {
                browser.signIn(recruiter.username, TestData.PASSWORD);
                browser.go("/applications/" + application.id + "?action=outcome");
                browser.find("#f-outcome-rejected").click();
                new Select(browser.field("reasonId")).selectByIndex(1);
                browser.find("#f-when-now").click();
                browser.submit("#outcome button[type=submit]");
                assertThat(browser.text("#subject")).isEqualTo(requisition.title + ": thank you");
                assertThat(browser.text("#text-part")).contains("Thank you for your time on " + requisition.title);
                browser.submit("#confirm");
                assertThat(browser.driver.findElements(By.cssSelector(".flash"))).isNotEmpty();
            }
            Message sent = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", application.id, MessageKind.REJECTION)
                    .singleResult());
            assertThat(sent.subject).isEqualTo(requisition.title + ": thank you");
            assertThat(sent.templateVersionId).isNotNull();
        } finally {
            json(admin).body("{\"version\":null}").when().post("/api/letter-templates/REJECTION/en/revert").then().statusCode(200);
        }
    }

    @Test
    void anEditorCreatesANamedRejectionPreviewsItForARealCandidateSavesItAndMakesItTheDefault() throws Exception {
        User editor = data.user(app.candor.user.Role.ADMIN, app.candor.user.Role.RECRUITER);
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        String name = TestData.unique("After final interview");
        Long id = null;
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(editor.username, TestData.PASSWORD);
            browser.go("/admin/letters");
            new Select(browser.field("kind")).selectByValue("REJECTION");
            browser.field("name").sendKeys(name);
            browser.submit("#create-named");
            assertThat(browser.path()).matches("/admin/letters/named/\\d+/en");
            id = Long.parseLong(browser.path().split("/")[4]);

            WebElement subject = browser.field("subject");
            subject.clear();
            subject.sendKeys("{role}: after your final interview");
            WebElement body = browser.field("body");
            body.clear();
            body.sendKeys("{candidate.greeting}\n\nThank you for the final interview.\n\n{recruiter.name}");
            browser.field("applicationId").sendKeys(String.valueOf(application.id));
            browser.submit("#preview-template");
            assertThat(browser.text("#template-preview #subject")).isEqualTo(requisition.title + ": after your final interview");
            assertThat(browser.text("#template-preview #text-part")).startsWith("Dear Ms Candidate,");

            browser.submit("#save-template");
            assertThat(browser.text(".flash")).contains("version 1 saved");
            browser.submit("#default-named button");
            assertThat(browser.text(".flash")).contains("preselected");
            assertThat(browser.text("#named-template")).contains("The default of its kind");
        } finally {
            if (id != null) {
                json(editor).when().post("/api/letter-templates/named/" + id + "/retire").then().statusCode(200);
            }
        }
    }
}
