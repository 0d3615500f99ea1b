package app.candor.message;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A bulk notice writes its letters a chunk at a time, each chunk flushed and let go before the next (Outbox.enqueueAll):
 * they must still be rows of the notice's one transaction (seen by its later queries, all gone when a later chunk
 * fails), each with its own Message-ID header, queued once.
 */
@QuarkusTest
class BulkOutboxTest {

    /** More than one of Outbox's chunks. */
    static final int APPLICATIONS = Outbox.BULK_CHUNK + 50;

    @Inject
    TestData data;

    @Inject
    Outbox outbox;

    @Inject
    MessageComposer composer;

    User recruiter;
    List<Long> ids;
    String causes;

    @BeforeEach
    void setUp() {
        recruiter = data.recruiter();
        Requisition role = data.requisition(recruiter, data.hiringManager());
        ids = QuarkusTransaction.requiringNew().call(() -> {
            List<Long> created = new ArrayList<>();
            for (int i = 0; i < APPLICATIONS; i++) {
                created.add(data.application(role, recruiter).id);
            }
            return created;
        });
        causes = "bulk-outbox-test:" + UUID.randomUUID() + ":";
    }

    @Test
    void theLettersAreRowsOfTheNoticesTransactionEachWithItsOwnMessageId() {
        // Read inside the notice's transaction: as written, before the dispatcher (woken by the commit) sends any.
        List<Letter> letters = QuarkusTransaction.requiringNew().call(() -> {
            Outbox.Bulk written = outbox.enqueueAll(ids, letter(Integer.MAX_VALUE), recruiter);
            assertThat(written.messages()).isEqualTo(APPLICATIONS);
            return Message.<Message>list("cause like ?1 order by id", causes + "%").stream()
                    .map(m -> new Letter(m.id, m.application.id, m.state, m.dueAt != null, m.messageIdHeader)).toList();
        });
        assertThat(letters).as("the transaction's own query sees its letters").hasSize(APPLICATIONS);
        assertThat(letters).allSatisfy(m -> {
            assertThat(m.state()).isEqualTo(MessageState.QUEUED);
            assertThat(m.due()).isTrue();
            assertThat(m.messageIdHeader()).startsWith("<candor-" + m.id() + "@");
        });
        assertThat(letters.stream().map(Letter::applicationId).toList()).containsExactlyInAnyOrderElementsOf(ids);

        // Committed: the same letters, once each (their states move on as the dispatcher sends them).
        List<Long> committed = Api.db(() -> Message.<Message>list("cause like ?1 order by id", causes + "%").stream()
                .map(m -> m.id).toList());
        assertThat(committed).isEqualTo(letters.stream().map(Letter::id).toList());
    }

    record Letter(long id, long applicationId, MessageState state, boolean due, String messageIdHeader) {
    }

    @Test
    void aNoticeThatFailsInItsSecondChunkLeavesNoLetter() {
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                outbox.enqueueAll(ids, letter(Outbox.BULK_CHUNK + 10), recruiter)))
                .isInstanceOf(IllegalStateException.class).hasMessage("stopped in the second chunk");
        assertThat(Api.db(() -> Message.count("cause like ?1", causes + "%"))).as("letters left by the rolled-back notice").isZero();
    }

    /** Each application's role-filled letter, with a cause of this test; throws at the {@code failAt}-th (0-based). */
    private Function<Application, Outbox.Item> letter(int failAt) {
        MessageComposer.Bulk bulk = composer.bulk();
        AtomicInteger n = new AtomicInteger();
        return a -> {
            if (n.getAndIncrement() == failAt) {
                throw new IllegalStateException("stopped in the second chunk");
            }
            return new Outbox.Item(a, bulk.compose(a, recruiter, new MessageComposer.Content(MessageKind.ROLE_FILLED, null, null, false)),
                    causes + a.id);
        };
    }
}
