package app.candor.notification;

import app.candor.application.Application;
import app.candor.system.Attention;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Clock;

/**
 * Turns what the features report ({@link Attention}) into notifications for the application's recruiter, in the
 * reporting transaction: what happened and its notice commit or roll back together. Nobody is told what they did.
 */
@ApplicationScoped
public class AttentionRecorder {

    private static final int MAX_TEXT = 500;

    @Inject
    Clock clock;

    void record(@Observes Attention attention) {
        Application a = Application.findById(attention.applicationId());
        if (a == null || a.recruiterId == null || a.recruiterId.equals(attention.actorUserId())) {
            return;
        }
        Notification n = new Notification();
        n.userId = a.recruiterId;
        n.kind = attention.kind();
        n.applicationId = a.id;
        String text = attention.text();
        n.text = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT - 1) + "…" : text;
        n.createdAt = clock.instant();
        n.persist();
        Log.debugf("Notification %s for user %d on application %d", n.kind, n.userId, a.id);
    }
}
