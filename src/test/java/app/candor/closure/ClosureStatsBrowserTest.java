package app.candor.closure;

import app.candor.support.ClosureRows;
import app.candor.support.DatabaseNeutral;
import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.requisition.Requisition;
import app.candor.support.Browser;
import app.candor.support.MutableClock;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A recruiter opens "How we are doing" in a real browser: the chart is drawn from the page's data, the tables say the same. */
@QuarkusTest
@DatabaseNeutral
class ClosureStatsBrowserTest {

    /** Wednesday of ISO week 25 of 2031; twelve weeks back is week 14, starting Monday 31 March. */
    static final Instant NOW = Instant.parse("2031-06-18T10:00:00Z");
    static final LocalDate FIRST_MONDAY = LocalDate.parse("2031-03-31");
    static final int[] ON_TIME = {3, 4, 2, 5, 4, 6, 3, 5, 6, 4, 7, 2};
    static final int[] LATE = {2, 1, 2, 1, 2, 0, 1, 1, 0, 1, 1, 1};

    @TestHTTPResource("/")
    URL base;

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void closed(Requisition requisition, User recruiter, Instant at, int days, boolean late) {
        Application a = data.application(requisition, recruiter);
        QuarkusTransaction.requiringNew().run(() -> Application.update(
                "createdAt = ?1, closure.state = ?2, closure.closedAt = ?3, closure.closedLate = ?4 where id = ?5",
                at.minus(Duration.ofDays(days)), ClosureState.CLOSED, at, late, a.id));
    }

    private void overdue(Requisition requisition, User recruiter) {
        Application a = data.application(requisition, recruiter);
        QuarkusTransaction.requiringNew().run(() -> ClosureRows.due(LocalDate.parse("2031-06-13"), a.id));
    }

    @Test
    void theChartIsDrawnFromThePageDataAndTheTablesShowTheSameNumbers() throws Exception {
        clock.set(NOW);
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        User manager = data.hiringManager();
        Requisition backend = data.requisition(recruiter, manager, TestData.unique("Senior Backend Engineer"));
        Requisition hostile = data.requisition(recruiter, manager, "</script><script>window.pwned=1</script>");
        int closed = 0;
        int onTime = 0;
        for (int week = 0; week < 12; week++) {
            Instant tuesday = FIRST_MONDAY.plusWeeks(week).plusDays(1).atTime(9, 0).toInstant(ZoneOffset.UTC);
            for (int i = 0; i < ON_TIME[week] + LATE[week]; i++) {
                boolean late = i >= ON_TIME[week];
                // Mostly the backend role; days to closure 4, 9, 14, 19 in turn.
                closed(i % 4 == 3 ? hostile : backend, recruiter, tuesday.plus(Duration.ofHours(i)), 4 + 5 * (i % 4), late);
                closed++;
                onTime += late ? 0 : 1;
            }
        }
        overdue(backend, recruiter);
        overdue(backend, recruiter);
        overdue(hostile, recruiter);

        try (Browser browser = Browser.open(base.toString())) {
            browser.signIn(recruiter.username, TestData.PASSWORD);
            browser.go("/board/stats");
            JavascriptExecutor js = (JavascriptExecutor) browser.driver;
            new WebDriverWait(browser.driver, Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(js.executeScript(
                    "return typeof Chart !== 'undefined' && Chart.getChart(document.getElementById('closure-chart')) !== undefined;")));

            assertThat(js.executeScript("return Chart.getChart(document.getElementById('closure-chart')).data.labels;"))
                    .asList().as("dated labels").hasSize(12).startsWith("Week of 31 Mar").endsWith("Week of 16 Jun");
            List<?> onTimeBars = (List<?>) js.executeScript("return Chart.getChart(document.getElementById('closure-chart')).data.datasets[1].data;");
            assertThat(onTimeBars).map(n -> ((Number) n).intValue()).containsExactly(3, 4, 2, 5, 4, 6, 3, 5, 6, 4, 7, 2);
            List<?> rates = (List<?>) js.executeScript("return Chart.getChart(document.getElementById('closure-chart')).data.datasets[0].data;");
            assertThat(((Number) rates.get(5)).doubleValue()).as("week 19: 6 of 6 on time").isEqualTo(100.0);
            assertThat(((Number) rates.get(0)).doubleValue()).as("week 14: 3 of 5 on time").isEqualTo(60.0);
            Number painted = (Number) js.executeScript(
                    "const c = document.getElementById('closure-chart'); const p = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                            + " let n = 0; for (let i = 3; i < p.length; i += 4) { if (p[i] > 0) n++; } return n;");
            assertThat(painted.intValue()).as("pixels drawn on the canvas").isGreaterThan(5_000);
            assertThat(js.executeScript("return typeof window.pwned;")).as("a requisition title never runs as script").isEqualTo("undefined");

            long percent = Math.round(onTime * 100.0 / closed);
            assertThat(browser.text("#closure-on-time")).isEqualTo(percent + "% (" + onTime + " of " + closed + " closures)");
            assertThat(browser.text("#closure-median")).as("days 4, 9, 14, 19 in turn; the median is 9").isEqualTo("9.0");
            assertThat(browser.text("#closure-overdue")).isEqualTo("3");
            assertThat(browser.text("#closure-by-recruiter tbody")).isEqualTo(recruiter.fullName + " " + closed + " " + onTime + " " + percent + "% 3");
            assertThat(browser.text("#closure-weekly tbody")).contains("2031-W19 Mon 5 May 2031 6 6 0 100%")
                    .contains("2031-W14 Mon 31 Mar 2031 5 3 2 60%");
            browser.driver.manage().window().setSize(new Dimension(1280, 1500)); // chart and tables in one picture
            browser.screenshot("closure-stats");
        }
    }
}
