package app.candor.demo;

import app.candor.application.Application;
import app.candor.application.ClosureState;
import app.candor.application.StageChange;
import app.candor.closure.ClosureSweep;
import app.candor.application.ClosureWatch;
import app.candor.support.Api;
import app.candor.support.OwnDatabaseProfile;
import app.candor.system.BusinessCalendar;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded profile's demo data (demo/DemoData), seeded into a database of its own: it obeys the closure
 * rules because it is made through the same services: promises on business days, every application's history
 * ending in the promise it has, closures on time or late as their promises say, told records for the closed ones.
 */
@QuarkusTest
@TestProfile(DemoDataTest.Demo.class)
class DemoDataTest {

    public static class Demo extends OwnDatabaseProfile {
        public Demo() {
            super("candor-demo", "candor.demo-data", "true");
        }
    }

    @Inject
    BusinessCalendar calendar;

    @Inject
    ClosureSweep sweep;

    private static Application byEmail(String email) {
        return Api.db(() -> Application.<Application>find("candidate.email", email).firstResult());
    }

    @Test
    void theDemoDataKeepsTheClosureRules() {
        List<Application> all = Api.db(() -> Application.<Application>listAll());
        assertThat(all).hasSizeGreaterThanOrEqualTo(17);
        for (Application a : all) {
            if (a.closure.due() != null) {
                assertThat(calendar.isBusinessDay(a.closure.due())).as("promise of application %d (%s) is a business day", a.id, a.closure.due())
                        .isTrue();
            }
            List<StageChange> history = Api.db(() -> StageChange.listFor(Application.findById(a.id)));
            StageChange last = history.stream().max(Comparator.comparing((StageChange ch) -> ch.changedAt).thenComparing(ch -> ch.id)).orElseThrow();
            assertThat(last.toStage).as("history of application %d ends in its stage", a.id).isEqualTo(a.stage);
            assertThat(last.promisedDecisionDate).as("history of application %d ends in its promise", a.id).isEqualTo(a.promisedDecisionDate);
            if (a.closure.state() == ClosureState.CLOSED) {
                assertThat(a.closure.toldHow()).as("closed demo application %d records how it was told", a.id).isNotNull();
            }
        }
        List<Application> closed = all.stream().filter(a -> a.closure.state() == ClosureState.CLOSED).toList();
        assertThat(closed).hasSize(10);
        assertThat(closed.stream().filter(a -> a.closure.closedLate())).hasSize(2);

        sweep.sweep();
        assertThat(byEmail("grace@example.test").closure.flag()).isEqualTo(ClosureWatch.Flag.OVERDUE);
        assertThat(byEmail("alan@example.test").closure.flag()).isEqualTo(ClosureWatch.Flag.OVERDUE);
        assertThat(byEmail("alan@example.test").chasedAt).isNotNull();
        assertThat(byEmail("ada@example.test").closure.flag()).isEqualTo(ClosureWatch.Flag.DUE_SOON);
    }
}
