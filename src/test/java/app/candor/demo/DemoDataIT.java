package app.candor.demo;

import app.candor.support.PackagedApp;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data as a newcomer meets it: the packaged app started with the embedded profile (a fresh H2 file, demo/DemoData
 * seeded at the first start), read back through the API. It obeys the closure rules because it is made through the same
 * services: promises on business days (the embedded profile's Monday to Friday, no holidays), every application's
 * history ending in the stage and promise it has, closures on time or late as their promises say, told records for the
 * closed ones, and a first sweep that finds the two passed promises and the one due the next business day.
 * (An IT rather than a test profile: the demo needs a database of its own, and a profile costs each pass an
 * application build at test discovery.) Runs on the H2 build, whose jar has the embedded profile.
 */
class DemoDataIT {

    private static final String PASSWORD = DemoData.DEMO_PASSWORD;

    @TempDir
    Path directory;

    private PackagedApp app;

    @BeforeEach
    void requireH2() {
        PackagedApp.requireH2Build("DemoDataIT");
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theDemoDataKeepsTheClosureRules() {
        // Without the schedules: the sweep below must be the first (the scheduled one would run 20 s after the start).
        app = PackagedApp.start("demo", Map.of("QUARKUS_PROFILE", "embedded", "QUARKUS_SCHEDULER_ENABLED", "false"),
                Path.of("target", "embedded-it", "demo.log"), directory);
        PackagedApp.awaitReady(app);

        List<JsonPath> all = new ArrayList<>();
        for (long requisition : app.json("rita", PASSWORD).get("/api/requisitions").then().statusCode(200).extract().jsonPath()
                .getList("id", Long.class)) {
            List<Long> ids = app.json("rita", PASSWORD).get("/api/requisitions/" + requisition + "/applications").then().statusCode(200)
                    .extract().jsonPath().getList("stages.applications.flatten().id", Long.class);
            for (long id : ids) {
                all.add(application(id));
            }
        }
        assertThat(all).hasSizeGreaterThanOrEqualTo(17);
        int closed = 0;
        int late = 0;
        for (JsonPath a : all) {
            long id = a.getLong("id");
            String due = a.getString("closure.due");
            if (due != null) {
                assertThat(LocalDate.parse(due).getDayOfWeek()).as("promise of application %d (%s) is a business day", id, due)
                        .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            }
            List<Map<String, Object>> history = a.getList("history");
            assertThat(history).as("history of application %d", id).isNotEmpty();
            Map<String, Object> last = history.get(history.size() - 1);  // in the order of the changes (time, then id)
            assertThat(last.get("to")).as("history of application %d ends in its stage", id).isEqualTo(a.getString("stage"));
            assertThat(last.get("promisedDecisionDate")).as("history of application %d ends in its promise", id)
                    .isEqualTo(a.getString("promisedDecisionDate"));
            if ("CLOSED".equals(a.getString("closure.state"))) {
                closed++;
                assertThat(a.getString("closure.toldHow")).as("closed demo application %d records how it was told", id).isNotNull();
                if ("CLOSED_LATE".equals(a.getString("closure.watch"))) {
                    late++;
                }
            }
        }
        assertThat(closed).isEqualTo(10);
        assertThat(late).isEqualTo(2);

        JsonPath sweep = app.json("admin", PASSWORD).post("/api/closure/sweep").then().statusCode(200).extract().jsonPath();
        assertThat(sweep.getInt("overdue")).as("newly overdue at the first sweep: grace and alan").isEqualTo(2);
        assertThat(sweep.getInt("dueSoon")).as("newly due soon at the first sweep: ada").isEqualTo(1);
        assertThat(byEmail(all, "grace@example.test").getString("closure.watch")).isEqualTo("OVERDUE");
        assertThat(byEmail(all, "alan@example.test").getString("closure.watch")).isEqualTo("OVERDUE");
        assertThat(byEmail(all, "alan@example.test").getString("closure.chasedAt")).isNotNull();
        assertThat(byEmail(all, "ada@example.test").getString("closure.watch")).isEqualTo("DUE_SOON");
    }

    private JsonPath application(long id) {
        return app.json("rita", PASSWORD).get("/api/applications/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath byEmail(List<JsonPath> all, String email) {
        return all.stream().filter(a -> email.equals(a.getString("candidate.email"))).findFirst().orElseThrow();
    }
}
