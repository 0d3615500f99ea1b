package app.candor.closure;

import app.candor.application.Application;
import app.candor.candidate.Channel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A candidate chasing: an e-mail or a call that came in about their application, logged by the
 * recruiter. It waits for an answer until the next letter to the candidate goes out (or the recruiter
 * marks it answered after calling back). A chaser on an overdue application tops the closure board.
 */
@Entity
public class Chaser extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chaser_seq")
    @SequenceGenerator(name = "chaser_seq", sequenceName = "chaser_seq", allocationSize = 50)
    public Long id;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "application_id", nullable = false)
    public Application application;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 10)
    public Channel channel;

    @Size(max = 2000)
    @Column(length = 2000)
    public String note;

    @NotNull
    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Column(name = "logged_by", nullable = false, length = 64)
    public String loggedBy;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by", length = 64)
    public String answeredBy;

    public static List<Chaser> listForApplication(Application application) {
        return list("application = ?1 order by receivedAt desc, id desc", application);
    }

    /**
     * Marks every chaser of the application still waiting as answered, and the application as no
     * longer chased (on the loaded entity, so its own flush keeps the change). Returns how many.
     */
    public static int answerAll(Application application, Instant at, String by) {
        if (application.chasedAt == null) {
            return 0;
        }
        application.chasedAt = null;
        return update("answeredAt = ?1, answeredBy = ?2 where application = ?3 and answeredAt is null", at, by, application);
    }

    /** As {@link #answerAll(Application, Instant, String)}, for several applications in one update (a bulk write). */
    public static int answerAll(Collection<Application> applications, Instant at, String by) {
        if (applications.isEmpty()) {
            return 0;
        }
        applications.forEach(a -> a.chasedAt = null);
        return update("answeredAt = ?1, answeredBy = ?2 where application in ?3 and answeredAt is null", at, by, applications);
    }
}
