package app.candor.closure;

import app.candor.application.Application;
import app.candor.application.Stage;
import app.candor.application.StageChange;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same outcome submitted twice (a double click, a retried request, two tabs): one 201, one
 * 409, one message row, one e-mail, one stage change. The same for a call marked done twice and a
 * role cancelled twice.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class DoubleSubmitTest {

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    User recruiter;
    Requisition requisition;

    @BeforeEach
    void setUp() {
        smtp.start();
        recruiter = data.recruiter();
        requisition = data.requisition(recruiter, data.hiringManager());
    }

    private Response submit(long applicationId, Map<String, ?> body) {
        return json(recruiter).body(body).when().post("/api/applications/" + applicationId + "/outcome");
    }

    private void assertRecordedOnce(Application a, Stage stage) {
        List<Message> messages = Api.db(() -> Message.<Message>list("application.id", a.id));
        assertThat(messages).as("one message row").hasSize(1);
        long moves = Api.db(() -> StageChange.count("application.id = ?1 and toStage = ?2", a.id, stage));
        assertThat(moves).as("one stage change to " + stage).isEqualTo(1);
        Message sent = Mails.awaitState(messages.get(0).id, MessageState.SENT);
        assertThat(sent.attempts).isEqualTo(1);
        String address = Api.db(() -> Application.<Application>findById(a.id).candidate.email);
        Mails.awaitOne(smtp, address);
        assertThat(Api.db(() -> Application.<Application>findById(a.id).stage)).isEqualTo(stage);
    }

    @Test
    void aSecondSubmitOfTheSameRejectionIsRefusedWithConflictAndSendsNothing() {
        Application a = data.applicationAt(requisition, recruiter, Stage.INTERVIEW);
        Map<String, Object> rejection = Map.of("outcome", "REJECTED", "reasonId", 3);

        submit(a.id, rejection).then().statusCode(201);
        Api.problem(submit(a.id, rejection), 409, "already");

        assertRecordedOnce(a, Stage.REJECTED);
    }

    /** Sends {@code request} twice at the same moment from two threads; returns both answers. */
    private static List<Response> race(Callable<Response> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                calls.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return request.call();
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> call : calls) {
                responses.add(call.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One answer is {@code created}, the other a 409 Problem that says it was already done. */
    private static void assertOneWinsOneConflicts(List<Response> responses, int created, String... conflictMentions) {
        List<Integer> statuses = responses.stream().map(Response::statusCode).sorted().toList();
        assertThat(statuses)
                .as(() -> responses.stream().map(Response::asString).toList().toString())
                .isEqualTo(List.of(created, 409));
        Api.problem(responses.stream().filter(x -> x.statusCode() == 409).findFirst().orElseThrow(), 409, conflictMentions);
    }

    @Test
    void twoConcurrentOffersForTheSameApplicationGiveOneCreatedAndOneConflict() throws Exception {
        for (int round = 0; round < 5; round++) {
            Application a = data.applicationAt(requisition, recruiter, Stage.FINAL_INTERVIEW);

            List<Response> responses = race(() -> submit(a.id, Map.of("outcome", "OFFER")));

            assertOneWinsOneConflicts(responses, 201, "already");
            assertRecordedOnce(a, Stage.OFFER);
        }
    }

    @Test
    void twoConcurrentCallDonesSendOneWrittenConfirmation() throws Exception {
        CandidateInput caller = new CandidateInput(null, "Pat", "Phone", true, TestData.email(), "+44 20 7946 0002",
                Channel.PHONE, "en");
        Application a = data.application(requisition, recruiter, caller);
        long task = submit(a.id, Map.of("outcome", "OFFER")).then().statusCode(201).extract().jsonPath().getLong("id");

        List<Response> responses = race(() -> json(recruiter).body(Map.of("note", "Happy to accept"))
                .when().post("/api/messages/" + task + "/call-done"));

        assertOneWinsOneConflicts(responses, 200, "CALL_DONE", "not a pending call");
        List<Message> confirmations = Api.db(() -> Message.<Message>list("application.id = ?1 and channel = ?2", a.id, Channel.EMAIL));
        assertThat(confirmations).hasSize(1);
        assertThat(Mails.awaitState(confirmations.get(0).id, MessageState.SENT).attempts).isEqualTo(1);
        Mails.awaitOne(smtp, caller.email());
    }

    @Test
    void twoConcurrentCancellationsOfARoleNotifyEachCandidateOnce() throws Exception {
        Application a = data.application(requisition, recruiter);
        Application b = data.applicationAt(requisition, recruiter, Stage.SCREENING);

        List<Response> responses = race(() -> json(recruiter).body(Map.of("status", "CANCELLED"))
                .when().post("/api/requisitions/" + requisition.id + "/status"));

        assertOneWinsOneConflicts(responses, 200, "already CANCELLED");
        for (Application app : List.of(a, b)) {
            List<Message> notices = Api.db(() -> Message.<Message>list("application.id", app.id));
            assertThat(notices).hasSize(1);
            Mails.awaitState(notices.get(0).id, MessageState.SENT);
            Mails.awaitOne(smtp, Api.db(() -> Application.<Application>findById(app.id).candidate.email));
            assertThat(Api.db(() -> StageChange.count("application.id = ?1 and toStage = ?2", app.id, Stage.ROLE_CLOSED)))
                    .isEqualTo(1);
        }
    }
}
