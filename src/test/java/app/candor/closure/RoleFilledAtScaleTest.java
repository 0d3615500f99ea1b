package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.ClosureState;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.Eventually;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Filling a requisition with a thousand open applications: one request writes a thousand stage
 * changes and a thousand "role filled" letters (one per application, each for its own cause), every
 * application closes once its letter is sent, the hired candidate is left alone, and a second request
 * is refused and sends nothing. The bulk path logs how long the write took; timings are not asserted.
 */
@QuarkusTest
class RoleFilledAtScaleTest {

    static final int OPEN = 1_000;
    /** A thousand letters through the dispatcher (mock mailer) on a busy two-core machine. */
    static final Duration ALL_SENT = Duration.ofMinutes(3);

    @Inject
    TestData data;

    @Inject
    ApplicationService applications;

    @Test
    void fillingARoleWithAThousandOpenApplicationsRejectsEachKindlyOnceAndClosesThemAll() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application hired = data.applicationAt(requisition, recruiter, Stage.OFFER);
        applications.move(hired.id, new MoveInput(Stage.HIRED, null, null), recruiter);
        List<Long> open = new ArrayList<>();
        for (int batch = 0; batch < OPEN / 250; batch++) {
            // 250 candidates per transaction: setting up the thousand takes seconds, not minutes.
            open.addAll(QuarkusTransaction.requiringNew().call(() -> {
                List<Long> ids = new ArrayList<>();
                for (int i = 0; i < 250; i++) {
                    ids.add(data.application(requisition, recruiter).id);
                }
                return ids;
            }));
        }
        long hiredHistory = Api.db(() -> StageChange.count("application.id", hired.id));

        json(recruiter).body(Map.of("status", "FILLED")).when().post("/api/requisitions/" + requisition.id + "/status/preview")
                .then().statusCode(200)
                .body("recipients", equalTo(OPEN))
                .body("kind", equalTo("ROLE_FILLED"));
        assertThat(Api.db(() -> Message.count("requisition.id", requisition.id)))
                .as("the preview writes nothing").isEqualTo(0L);

        json(recruiter).body(Map.of("status", "FILLED", "note", "Offer accepted")).when().post("/api/requisitions/" + requisition.id + "/status")
                .then().statusCode(200)
                .body("notices", equalTo(OPEN))
                .body("requisition.status", equalTo("FILLED"));

        List<Message> letters = Api.db(() -> Message.<Message>list("requisition.id", requisition.id));
        assertThat(letters).as("one letter per open application, none for the hired one").hasSize(OPEN);
        Set<String> causes = new HashSet<>();
        for (Message m : letters) {
            assertThat(m.kind).as(() -> "kind of message " + m.id).isEqualTo(MessageKind.ROLE_FILLED);
            causes.add(m.cause);
        }
        Set<Long> told = new HashSet<>(Api.db(() -> Message.getEntityManager()
                .createQuery("select m.application.id from Message m where m.requisition.id = ?1", Long.class)
                .setParameter(1, requisition.id).getResultList()));
        assertThat(causes).as("a cause of its own for each letter").hasSize(OPEN);
        assertThat(told).as("exactly the open applications are told").isEqualTo(new HashSet<>(open));
        assertThat(Api.db(() -> StageChange.count("application.requisition.id = ?1 and toStage = ?2 and note = ?3",
                requisition.id, Stage.REJECTED, "Role filled")))
                .as("a history entry per application").isEqualTo((long) OPEN);
        assertThat(Api.db(() -> Application.count("requisition.id = ?1 and stage = ?2", requisition.id, Stage.REJECTED)))
                .isEqualTo((long) OPEN);

        Eventually.await("all " + OPEN + " letters sent", ALL_SENT,
                () -> Api.db(() -> Message.count("requisition.id = ?1 and state = ?2", requisition.id, MessageState.SENT)),
                sent -> sent == OPEN);
        assertThat(Api.db(() -> Message.count("requisition.id = ?1 and attempts <> 1", requisition.id)))
                .as("each sent once").isEqualTo(0L);
        assertThat(Api.db(() -> Application.count("requisition.id = ?1 and stage = ?2 and closure.state = ?3",
                requisition.id, Stage.REJECTED, ClosureState.CLOSED)))
                .as("every told candidate has closure").isEqualTo((long) OPEN);
        Application sample = Api.db(() -> Application.<Application>findById(open.get(0)));
        assertThat(sample.closure.closedAt()).isNotNull();
        assertThat(sample.closure.closedLate()).as("told before the promised date").isFalse();

        Application stillHired = Api.db(() -> Application.<Application>findById(hired.id));
        assertThat(stillHired.stage).isEqualTo(Stage.HIRED);
        assertThat(Api.db(() -> StageChange.count("application.id", hired.id)))
                .as("the hire's history is untouched").isEqualTo(hiredHistory);

        Api.problem(json(recruiter).body(Map.of("status", "FILLED")).when().post("/api/requisitions/" + requisition.id + "/status"),
                409, "already FILLED");
        Mails.drain();
        assertThat(Api.db(() -> Message.count("requisition.id", requisition.id)))
                .as("nothing more is written or sent").isEqualTo(OPEN);
        assertThat(Api.db(() -> Message.count("requisition.id = ?1 and state <> ?2", requisition.id, MessageState.SENT)))
                .isZero();
    }
}
