package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.requisition.Requisition;
import app.candor.support.MutableClock;
import app.candor.support.PageSession;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static app.candor.closure.BoardFixtures.at;
import static app.candor.closure.BoardFixtures.promise;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The requisition page's pipeline filtered by stage and by what needs attention (GET parameters, the whole page). */
@QuarkusTest
class PipelineFilterTest {

    @Inject
    TestData data;

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void thePipelineShowsOneStageOrThoseNeedingAttentionAndRefusesUnknownValues() {
        LocalDate friday = BoardFixtures.aFriday();
        clock.set(at(friday, 10));
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        long calm = data.applicationAt(requisition, recruiter, Stage.SCREENING).id;
        promise(calm, friday.plusDays(20));
        long overdue = data.applicationAt(requisition, recruiter, Stage.INTERVIEW).id;
        promise(overdue, friday.minusDays(3));
        long chased = data.applicationAt(requisition, recruiter, Stage.SCREENING).id;
        promise(chased, friday.plusDays(20));
        QuarkusTransaction.requiringNew().run(() -> Application.update("chasedAt = ?1 where id = ?2", at(friday, 9), chased));
        PageSession session = PageSession.signIn(recruiter);
        String page = "/requisitions/" + requisition.id;

        session.get(page).then().statusCode(200).body(containsString("id=\"card-" + calm + "\""),
                containsString("id=\"card-" + overdue + "\""), containsString("id=\"card-" + chased + "\""),
                not(containsString("id=\"clear-pipeline-filter\"")));
        session.get(page + "?stage=SCREENING").then().statusCode(200)
                .body(containsString("id=\"card-" + calm + "\""), containsString("id=\"card-" + chased + "\""),
                        not(containsString("id=\"card-" + overdue + "\"")), not(containsString("id=\"column-INTERVIEW\"")),
                        containsString("<option value=\"SCREENING\" selected>"), containsString("id=\"clear-pipeline-filter\""));
        session.get(page + "?attention=overdue").then().statusCode(200)
                .body(containsString("id=\"card-" + overdue + "\""), not(containsString("id=\"card-" + calm + "\"")),
                        not(containsString("id=\"card-" + chased + "\"")));
        session.get(page + "?attention=any").then().statusCode(200)
                .body(containsString("id=\"card-" + overdue + "\""), containsString("id=\"card-" + chased + "\""),
                        not(containsString("id=\"card-" + calm + "\"")));
        session.get(page + "?stage=SCREENING&attention=chased").then().statusCode(200)
                .body(containsString("id=\"card-" + chased + "\""), not(containsString("id=\"card-" + calm + "\"")),
                        not(containsString("id=\"card-" + overdue + "\"")));

        session.get(page + "?stage=REJECTED").then().statusCode(400).body(containsString("stage"));
        session.get(page + "?attention=urgent").then().statusCode(400).body(containsString("attention"));
    }
}
