package app.candor.message;

import app.candor.candidate.CandidateAddressChanged;
import app.candor.candidate.Channel;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;

/** Mail that has not left yet goes to a candidate's corrected address; sent mail keeps the one it went to. */
@ApplicationScoped
public class UnsentMailFollowsAddress {

    @Inject
    Clock clock;

    /** In the transaction that corrected the address. */
    void redirect(@Observes CandidateAddressChanged changed) {
        var c = changed.candidate();
        int redirected = Message.update("recipient = ?1, updatedAt = ?2 where candidate = ?3 and channel = ?4 and state in ?5",
                c.email, clock.instant(), c, Channel.EMAIL, List.of(MessageState.QUEUED, MessageState.SCHEDULED));
        if (redirected > 0) {
            Log.infof("Candidate %d: %d unsent messages now go to the new address", c.id, redirected);
        }
    }
}
