package app.candor.user;

import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Browser;
import app.candor.support.KeycloakResource;
import app.candor.support.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole single sign-on flow in a real browser against a real Keycloak: the sign-in page's button, Keycloak's
 * own sign-in form, back in Candor with the role the group maps to, the user row made at first sign-in, a hiring
 * manager seeing only their requisitions, someone in no Candor group refused, a deactivated user refused, and
 * sign-out ending the Keycloak session too (the next sign-in asks for the password again).
 */
@QuarkusTest
@TestProfile(SingleSignOnProfile.class)
class SingleSignOnBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    UserService users;

    @BeforeEach
    void keycloak() {
        KeycloakResource.assumeRunning();
    }

    @Test
    void recruiterSignsInThroughKeycloakAndOutOfBoth() throws Exception {
        try (Browser browser = Browser.open(base.toString())) {
            signInWithKeycloak(browser, "rachel", "rachel-pass");
            assertThat(browser.path()).isEqualTo("/requisitions");
            assertThat(browser.text("header .who")).isEqualTo("Rachel Recruiter");
            User rachel = find("rachel");
            assertThat(rachel.roleList()).containsExactly(Role.RECRUITER);
            assertThat(rachel.email).isEqualTo("rachel@example.com");

            try {
                browser.submit("header form.signout button");
            } catch (RuntimeException e) {
                browser.screenshot("sso-sign-out");
                throw new AssertionError("sign-out did not come back from Keycloak; now at " + browser.driver.getCurrentUrl(), e);
            }
            assertThat(browser.path()).isEqualTo("/login");
            browser.go("/requisitions");
            assertThat(browser.path()).as("signed out of Candor").isEqualTo("/login");
            browser.submit("#sso");
            assertThat(browser.driver.findElements(By.id("username")))
                    .as("signed out of Keycloak too: it asks for the password again").isNotEmpty();
        }
    }

    @Test
    void hiringManagerSeesOnlyTheirRequisitions() throws Exception {
        try (Browser browser = Browser.open(base.toString())) {
            signInWithKeycloak(browser, "mona", "mona-pass");
            User mona = find("mona");
            assertThat(mona.roleList()).containsExactly(Role.HIRING_MANAGER);
            User recruiter = data.recruiter();
            Requisition hers = data.requisition(recruiter, mona, TestData.unique("Mona's role"));
            Requisition other = data.requisition(recruiter, data.hiringManager(), TestData.unique("Someone else's role"));

            browser.go("/requisitions");
            assertThat(browser.text("main")).contains(hers.title).doesNotContain(other.title);
            browser.go("/requisitions/" + other.id);
            assertThat(browser.text("main")).doesNotContain(other.title);
            browser.go("/admin/users");
            assertThat(browser.driver.getPageSource()).doesNotContain(recruiter.username);
        }
    }

    @Test
    void adminLandsOnTheUsers() throws Exception {
        try (Browser browser = Browser.open(base.toString())) {
            signInWithKeycloak(browser, "ada", "ada-pass");
            assertThat(browser.path()).isEqualTo("/admin/users");
            assertThat(find("ada").roleList()).containsExactly(Role.ADMIN);
        }
    }

    @Test
    void someoneInNoCandorGroupIsRefusedWithAPage() throws Exception {
        try (Browser browser = Browser.open(base.toString())) {
            signInWithKeycloak(browser, "olga", "olga-pass");
            assertThat(browser.text("main")).contains("no Candor role");
            assertThat(Api.db(() -> User.count("username", "olga"))).isZero();
        }
    }

    @Test
    void aDeactivatedUserIsRefusedAtTheNextRequest() throws Exception {
        try (Browser browser = Browser.open(base.toString())) {
            signInWithKeycloak(browser, "mona", "mona-pass");
            assertThat(browser.path()).isEqualTo("/requisitions");
            User admin = data.admin();
            users.setActive(find("mona").id, false, admin.username);
            try {
                browser.go("/requisitions");
                assertThat(browser.text("main")).contains("deactivated");
            } finally {
                users.setActive(find("mona").id, true, admin.username);
            }
        }
    }

    private static void signInWithKeycloak(Browser browser, String username, String password) {
        browser.go("/login");
        browser.submit("#sso");
        new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> !d.findElements(By.id("username")).isEmpty());
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        browser.submit("#kc-login");
    }

    private static User find(String username) {
        return Api.db(() -> User.findByUsername(username).orElseThrow());
    }
}
