package app.candor.notification;

import app.candor.system.Attention;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;

/** One item of a user's "needs your attention" list: what happened on which application, and whether they read it. */
@Entity
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public Long userId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 20)
    public Attention.Kind kind;

    @Column(name = "application_id", nullable = false)
    public Long applicationId;

    @Column(nullable = false, length = 500)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    public static long unread(long userId) {
        return count("userId = ?1 and readAt is null", userId);
    }

    public static List<Notification> newestFor(long userId, int limit) {
        return find("userId = ?1 order by createdAt desc, id desc", userId).page(0, limit).list();
    }

    public static int markAllRead(long userId, Instant at) {
        return update("readAt = ?1 where userId = ?2 and readAt is null", at, userId);
    }
}
