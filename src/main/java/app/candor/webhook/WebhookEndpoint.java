package app.candor.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;

/** A receiver of Candor's events, registered by an admin, with a signing secret of its own. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_endpoint_seq")
    @SequenceGenerator(name = "webhook_endpoint_seq", sequenceName = "webhook_endpoint_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = 2000)
    public String url;

    /** The HMAC-SHA256 key of the signatures; never logged, shown to admins only. */
    @Column(nullable = false, length = 200)
    public String secret;

    @Column(length = 200)
    public String description;

    /** Whether events carry the candidate's name, e-mail and phone; otherwise ids only. */
    @Column(name = "personal_data", nullable = false)
    public boolean personalData;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "disabled_reason", length = 1000)
    public String disabledReason;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "permanent_failures", nullable = false)
    public int permanentFailures;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    public static List<WebhookEndpoint> listAll(boolean activeOnly) {
        return activeOnly ? list("active = true order by id") : list("order by id");
    }
}
