package app.candor.interview;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locking an interview's row while other requests lock it too. Hibernate 7.2 loads an entity with an eagerly
 * fetched collection under a lock by locking "follow-on" on H2, and that path keeps the rows it will lock in one
 * list shared by every session that uses the cached load plan: side by side, the sessions threw
 * ConcurrentModificationException (a 500 to PUT /api/interviews/{id}, found by MalformedInputTest) or could lock
 * another session's rows instead of their own.
 */
@QuarkusTest
class InterviewRowLockTest {

    @Inject
    TestData data;

    @Test
    void sessionsLockingTheSameInterviewSideBySideEachGetItLockedInTurn() throws Exception {
        User recruiter = data.recruiter();
        long id = scheduled(recruiter);
        assertThat(sideBySide(() -> Interview.findVisible(id, recruiter, true).calendarSequence++)).isEqualTo(sequence(id));
    }

    @Test
    void sessionsLockingTheUpcomingInterviewsSideBySideEachGetThemLockedInTurn() throws Exception {
        User recruiter = data.recruiter();
        long id = scheduled(recruiter);
        long applicationId = QuarkusTransaction.requiringNew().call(() -> Interview.<Interview>findById(id).application.id);
        Instant now = Instant.now();
        assertThat(sideBySide(() -> Interview.lockUpcoming(Application.findById(applicationId), now).get(0).calendarSequence++))
                .isEqualTo(sequence(id));
    }

    private long scheduled(User recruiter) {
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.application(requisition, recruiter);
        return json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(2), "PHONE", null, InterviewApiTest.PANEL))
                .when().post("/api/applications/" + application.id + "/interviews").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static int sequence(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Interview.<Interview>findById(id).calendarSequence);
    }

    /** Runs the read-modify-write in its own transaction, 25 times on each of 4 threads; how many ran. */
    private static int sideBySide(Runnable lockAndRaise) throws Exception {
        int threads = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> lockAndCount = () -> {
                    for (int r = 0; r < rounds; r++) {
                        QuarkusTransaction.requiringNew().run(lockAndRaise);
                    }
                    return rounds;
                };
                done.add(pool.submit(lockAndCount));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).isEqualTo(rounds);
            }
        } finally {
            pool.shutdownNow();
        }
        // every raise held the lock: none was lost to another, none failed on the version check
        return threads * rounds;
    }
}
