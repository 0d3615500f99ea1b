package app.candor.closure;

import app.candor.support.DatabaseNeutral;
import app.candor.application.ApplicationService;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Browser;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URL;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.closure.BoardFixtures.promise;
import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recruiter works the closure board the way a person does: the overdue candidate is on top, its
 * action opens the application, the candidate's call is logged there, and back on the board the
 * candidate is in "Overdue and chased"; "Answered" on the board moves them back.
 */
@QuarkusTest
@DatabaseNeutral
class ClosureBoardBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    ApplicationService applications;

    private long candidate(Requisition requisition, User recruiter, String salutation, String first, String last, Channel channel) {
        return applications.addCandidate(requisition.id, new CandidateInput(salutation, first, last, false, TestData.email(),
                "+44 20 7946 0" + (100 + (int) (Math.random() * 800)), channel, "en"), recruiter).application().id;
    }

    @Test
    void recruiterFollowsTheOverdueRowLogsTheCandidatesCallAndFindsThemOverdueAndChased() throws Exception {
        User recruiter = data.recruiter("Rita Recruiter", "Senior Recruiter");
        Requisition backend = data.requisition(recruiter, data.hiringManager(), "Senior Backend Engineer");
        Requisition design = data.requisition(recruiter, data.hiringManager(), "Product Designer");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long ada = candidate(backend, recruiter, "Ms", "Ada", "Lovelace", Channel.EMAIL);
        promise(ada, today.minusDays(6));
        long grace = candidate(design, recruiter, "Ms", "Grace", "Hopper", Channel.EMAIL);
        promise(grace, today.minusDays(2));
        long alan = candidate(backend, recruiter, "Mr", "Alan", "Turing", Channel.EMAIL);
        promise(alan, today);
        long edsger = candidate(design, recruiter, "Mr", "Edsger", "Dijkstra", Channel.PHONE);
        json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when().post("/api/applications/" + edsger + "/outcome")
                .then().statusCode(201);
        long barbara = candidate(backend, recruiter, "Ms", "Barbara", "Liskov", Channel.EMAIL);
        BoardFixtures.bounced(barbara, MessageKind.DECISION_DELAYED, Instant.now());

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.click(browser.driver.findElement(By.linkText("Closure board")));
            assertThat(browser.path()).isEqualTo("/board");
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("tr.board-row"));
            assertThat(rows).extracting(r -> r.getAttribute("data-section"))
                    .containsExactly("OVERDUE", "OVERDUE", "DUE_SOON", "CALL_PENDING", "FAILED");
            assertThat(rows.get(0).getAttribute("data-application")).isEqualTo(Long.toString(ada));
            assertThat(rows.get(0).getText()).contains("Ada Lovelace").contains("Senior Backend Engineer").contains("over");
            assertThat(browser.text("#count-OVERDUE")).contains("2");
            // How we are doing, on the same page: the chart is drawn, and the table beside it counts her overdue candidates.
            org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser.driver;
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('closure-chart')) !== undefined;")));
            assertThat(browser.text("#closure-overdue")).isEqualTo("2");

            browser.click(rows.get(0).findElement(By.cssSelector("a.action-SEND_OUTCOME")));
            assertThat(browser.path()).isEqualTo("/applications/" + ada);
            assertThat(browser.driver.getCurrentUrl()).endsWith("?action=outcome#action-panel");
            assertThat(browser.driver.findElements(By.id("outcome"))).as("the outcome form is open").isNotEmpty();

            browser.openAction("chaser", "log-chaser");
            browser.find("#f-chaser-PHONE").click();
            browser.find("#f-chaser-note").sendKeys("Called: has another offer and needs an answer by Friday.");
            browser.submit("#log-chaser-submit");
            assertThat(browser.text(".flash")).startsWith("Chaser logged (a call");
            assertThat(browser.text("#chasers")).contains("waiting for a reply");
            assertThat(browser.text("#timeline")).contains("has another offer").contains("Waiting for a reply");
            browser.screenshot("application-chasers");

            browser.click(browser.driver.findElement(By.linkText("Closure board")));
            rows = browser.driver.findElements(By.cssSelector("tr.board-row"));
            assertThat(rows.get(0).getAttribute("data-section")).isEqualTo("OVERDUE_CHASED");
            assertThat(rows.get(0).getAttribute("data-application")).isEqualTo(Long.toString(ada));
            assertThat(browser.text("#section-OVERDUE_CHASED")).contains("Ada Lovelace").contains("by phone")
                    .as("the chaser's note on the board").contains("They asked: \u201cCalled: has another offer");
            assertThat(rows.get(0).findElements(By.cssSelector("button.action-ANSWERED"))).hasSize(1);
            browser.screenshot("closure-board");

            // Called her back: "Answered" on the board, and she is overdue (only) again.
            browser.click(rows.get(0).findElement(By.cssSelector("button.action-ANSWERED")));
            assertThat(browser.path()).isEqualTo("/board");
            assertThat(browser.text(".flash")).isEqualTo("The chaser is marked answered.");
            assertThat(browser.driver.findElements(By.id("section-OVERDUE_CHASED"))).isEmpty();
            assertThat(browser.find("tr.board-row").getAttribute("data-application")).isEqualTo(Long.toString(ada));
        }
    }
}
