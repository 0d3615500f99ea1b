package app.candor.notification;

import app.candor.user.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The header's unread count ({@code inject:attention.unread}), read once per request and only for recruiters. */
@Named("attention")
@RequestScoped
public class UnreadCount {

    @Inject
    CurrentUser currentUser;

    @Inject
    NotificationService notifications;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = currentUser.isSignedIn() && currentUser.isRecruiter() ? notifications.unread(currentUser.get()) : 0L;
        }
        return unread;
    }
}
