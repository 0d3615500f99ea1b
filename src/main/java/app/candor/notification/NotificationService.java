package app.candor.notification;

import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** A user's "needs your attention" list: read it, open one (marked read), mark all read. */
@ApplicationScoped
public class NotificationService {

    /** The list shows this many, newest first; older ones are still counted while unread. */
    static final int SHOWN = 200;

    @Inject
    Clock clock;

    public record Item(long id, String kind, long applicationId, String text, Instant at, boolean unread) {
    }

    @Transactional
    public List<Item> list(User viewer) {
        return Notification.newestFor(viewer.id, SHOWN).stream()
                .map(n -> new Item(n.id, n.kind.label, n.applicationId, n.text, n.createdAt, n.readAt == null)).toList();
    }

    @Transactional
    public long unread(User viewer) {
        return Notification.unread(viewer.id);
    }

    /** Marks one of the viewer's notifications read and answers its application; 404 for anyone else's. */
    @Transactional
    public long open(long id, User viewer) {
        Notification n = Notification.<Notification>findByIdOptional(id).filter(x -> x.userId.equals(viewer.id))
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
        if (n.readAt == null) {
            n.readAt = clock.instant();
        }
        return n.applicationId;
    }

    @Transactional
    public int markAllRead(User viewer) {
        return Notification.markAllRead(viewer.id, clock.instant());
    }
}
