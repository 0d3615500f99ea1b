package app.candor.webhook;

import app.candor.system.BusinessCalendar;
import app.candor.system.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The admin's endpoints: register (with a fresh secret), enable, disable, rotate the secret; and each one's delivery log. */
@ApplicationScoped
public class WebhookEndpoints {

    private final SecureRandom random = new SecureRandom();

    @Inject
    BusinessCalendar calendar;

    @Inject
    ActiveEndpoints active;

    /** What an admin registers: where to, what for, and whether the receiver may have personal data. */
    public record Input(String url, String description, Boolean personalData) {
    }

    /** An endpoint as admins see it; {@code secret} only where they need it (its own page, the API's create and rotate). */
    public record View(long id, String url, String description, boolean personalData, boolean active, String disabledReason,
                       Instant disabledAt, int permanentFailures, Instant createdAt, String secret) {
        static View of(WebhookEndpoint e, boolean withSecret) {
            return new View(e.id, e.url, e.description, e.personalData, e.active, e.disabledReason, e.disabledAt, e.permanentFailures,
                    e.createdAt, withSecret ? e.secret : null);
        }
    }

    /** One line of an endpoint's delivery log. */
    public record DeliveryView(long id, String eventId, String type, String state, int attempts, Integer lastStatus, String lastError,
                               Instant createdAt, Instant deliveredAt, Instant nextAttemptAt) {
    }

    @Transactional
    public List<View> list() {
        return WebhookEndpoint.listAll(false).stream().map(e -> View.of(e, false)).toList();
    }

    @Transactional
    public View find(long id, boolean withSecret) {
        return View.of(get(id), withSecret);
    }

    @Transactional
    public View create(Input input) {
        String url = validUrl(input == null ? null : input.url());
        String description = input.description() == null || input.description().isBlank() ? null : input.description().strip();
        if (description != null && description.length() > 200) {
            throw ProblemException.invalidField("description", "must be at most 200 characters");
        }
        Instant now = calendar.now();
        WebhookEndpoint e = new WebhookEndpoint();
        e.url = url;
        e.description = description;
        e.personalData = Boolean.TRUE.equals(input.personalData());
        e.secret = newSecret();
        e.active = true;
        e.createdAt = now;
        e.updatedAt = now;
        e.persist();
        active.changed();
        Log.infof("Webhook endpoint %d registered (personal data: %s)", e.id, e.personalData);
        return View.of(e, true);
    }

    @Transactional
    public View setActive(long id, boolean on) {
        WebhookEndpoint e = get(id);
        e.active = on;
        e.updatedAt = calendar.now();
        if (on) {
            e.disabledReason = null;
            e.disabledAt = null;
            e.permanentFailures = 0;
        } else {
            e.disabledReason = "Disabled by an admin";
            e.disabledAt = e.updatedAt;
        }
        active.changed();
        Log.infof("Webhook endpoint %d %s", id, on ? "enabled" : "disabled by an admin");
        return View.of(e, false);
    }

    @Transactional
    public View rotateSecret(long id) {
        WebhookEndpoint e = get(id);
        e.secret = newSecret();
        e.updatedAt = calendar.now();
        return View.of(e, true);
    }

    @Transactional
    public List<DeliveryView> deliveries(long id, int limit) {
        get(id);
        return WebhookDelivery.listForEndpoint(id, limit).stream().map(d -> {
            WebhookEvent ev = WebhookEvent.findById(d.eventId);
            return new DeliveryView(d.id, ev.eventId, ev.type, d.state.name(), d.attempts, d.lastStatus, d.lastError, d.createdAt,
                    d.deliveredAt, d.state == WebhookDelivery.State.PENDING ? d.dueAt : null);
        }).toList();
    }

    private static WebhookEndpoint get(long id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Webhook endpoint", id));
    }

    static String validUrl(String raw) {
        if (raw == null || raw.isBlank()) {
            throw ProblemException.invalidField("url", "is required: the receiver's address, https://…");
        }
        String url = raw.strip();
        if (url.length() > 2000) {
            throw ProblemException.invalidField("url", "must be at most 2000 characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!uri.isAbsolute() || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
                throw ProblemException.invalidField("url", "must be an absolute http or https address without credentials");
            }
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("url", "is not a valid address");
        }
        return url;
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
