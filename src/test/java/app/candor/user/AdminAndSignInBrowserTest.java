package app.candor.user;

import app.candor.support.Api;
import app.candor.support.Browser;
import app.candor.support.DatabaseNeutral;
import app.candor.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.net.URL;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In Chromium: deactivating a user is confirmed first and never offered on the admin's own row; a failed
 * sign-in keeps the username; the admin's pages have nothing serious or moderate for axe-core.
 */
@QuarkusTest
@DatabaseNeutral
class AdminAndSignInBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Test
    void deactivatingIsConfirmedAndNeverOfferedForOneself() throws Exception {
        User admin = data.admin();
        User victim = data.recruiter();
        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(admin.username, TestData.PASSWORD);
            browser.go("/admin/users");
            assertThat(browser.accessibilityProblems()).as("axe-core on the users page").isEmpty();
            // The list comes a page at a time; the search finds anyone.
            search(browser, admin.username);
            var ownRow = browser.driver.findElement(By.xpath("//tr[td/a[text()='" + admin.username + "']]"));
            assertThat(ownRow.getText()).contains("you").doesNotContain("Deactivate");

            search(browser, victim.username);
            var row = browser.driver.findElement(By.xpath("//tr[td/a[text()='" + victim.username + "']]"));
            browser.click(row.findElement(By.cssSelector("a.deactivate")));
            assertThat(browser.text("#confirm-deactivate")).contains("They are signed out at once");
            assertThat(browser.find("#user-search").getAttribute("value")).as("the search kept while confirming").isEqualTo(victim.username);
            assertThat(Api.db(() -> User.<User>findById(victim.id).active)).as("asking changes nothing").isTrue();
            browser.submit("#confirm-deactivate button[type=submit]");
            assertThat(browser.text(".flash")).contains("deactivated");
            assertThat(Api.db(() -> User.<User>findById(victim.id).active)).isFalse();
        }
    }

    private static void search(Browser browser, String text) {
        browser.find("#user-search").clear();
        browser.find("#user-search").sendKeys(text);
        browser.submit("form[role=search].actions button[type=submit]");
    }

    @Test
    void aFailedSignInKeepsTheUsername() throws Exception {
        User recruiter = data.recruiter();
        try (Browser browser = Browser.open(base.toString())) {
            browser.go("/login");
            browser.field("j_username").sendKeys(recruiter.username);
            browser.field("j_password").sendKeys("not-the-password");
            browser.submit("main form button[type=submit]");
            assertThat(browser.text(".errors")).contains("did not match");
            assertThat(browser.field("j_username").getAttribute("value")).isEqualTo(recruiter.username);
            assertThat(browser.focusedId()).as("only the password to type again").isEqualTo("j_password");
            assertThat(browser.accessibilityProblems()).as("axe-core on the sign-in page").isEmpty();
        }
    }
}
