package app.candor.closure;

import app.candor.application.Application;
import app.candor.message.Leases;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.message.MessageState;
import app.candor.requisition.Requisition;
import app.candor.support.Mails;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instant a lease runs out (Leases): from {@code lease_until = now} on, a message is no dispatcher's any more, so it
 * can be claimed, and a newer letter that makes it stale cancels it. With "run out" as {@code lease_until < now}, at that
 * instant it was neither: ClosureModelTest saw such a "role on hold" letter go out after the newer "role cancelled".
 */
@QuarkusTest
class LeaseBoundaryTest {

    /** Due long after any test runs: the dispatcher never claims it by itself. */
    private static final Instant NEVER_DUE = Instant.parse("2099-01-01T00:00:00Z");

    @Inject
    TestData data;

    @Inject
    Supersession supersession;

    @Test
    void aLeaseEndingNowIsNoLongerHeldItsLetterIsClaimableAndANewerLetterCancelsIt() {
        User recruiter = data.recruiter();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application application = data.application(requisition, recruiter);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

        long claimable = onHoldLetter(application, now);
        try {
            int claimed = QuarkusTransaction.requiringNew().call(() -> Message.getEntityManager().createNativeQuery(Leases.CLAIM_SQL)
                    .setParameter(1, "dispatcher-next").setParameter(2, now.plusSeconds(120)).setParameter(3, claimable)
                    .setParameter(4, now).executeUpdate());
            assertThat(claimed).as("a letter whose lease ends now, claimed").isEqualTo(1);
        } finally {
            // Not left queued and leased: the tests after this one wait for delivery to drain (Mails.drain).
            QuarkusTransaction.requiringNew().run(() -> Message.update("state = ?1, leaseOwner = null, leaseUntil = null, dueAt = null"
                    + " where id = ?2", MessageState.CANCELLED, claimable));
        }

        long stale = onHoldLetter(application, now);
        int cancelled = QuarkusTransaction.requiringNew().call(() -> supersession.forApplication(Application.findById(application.id),
                MessageKind.ROLE_CANCELLED, now, recruiter.username));
        assertThat(cancelled).as("letters a newer one made stale, cancelled").isEqualTo(1);
        assertThat(QuarkusTransaction.requiringNew().call(() -> Message.<Message>findById(stale).state))
                .as("the letter whose lease ends now").isEqualTo(MessageState.CANCELLED);
    }

    /** A queued "role on hold" letter held by another instance until {@code leaseUntil}. */
    private static long onHoldLetter(Application application, Instant leaseUntil) {
        return Mails.letterRow(application.id, MessageKind.ROLE_ON_HOLD, MessageState.QUEUED, leaseUntil, m -> {
            m.dueAt = NEVER_DUE;
            m.leaseOwner = "dispatcher-other";
            m.leaseUntil = leaseUntil;
        });
    }
}
