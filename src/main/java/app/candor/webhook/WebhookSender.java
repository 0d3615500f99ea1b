package app.candor.webhook;

import app.candor.candidate.Candidate;
import app.candor.message.Backoff;
import app.candor.system.BusinessCalendar;
import app.candor.system.WhileStarted;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Delivers the webhook outbox after commit: claims due deliveries with a lease (a conditional update, so that several
 * replicas never send the same delivery at once), POSTs each signed body with no transaction open, and records the
 * answer. A 2xx is delivered. A 4xx (other than 408, 425 and 429) or a redirect is a refusal: that delivery fails for
 * good. A 5xx, a timeout or a connection failure is retried with exponential backoff and jitter until
 * {@code candor.webhooks.max-attempts}. After {@code candor.webhooks.disable-after} deliveries in a row failed for
 * good, the endpoint is disabled with the reason on its page. At least once: a crash after the receiver answered
 * and before the answer was recorded sends again, with the same event id.
 */
@ApplicationScoped
public class WebhookSender {

    static final String DUE_SQL = "select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
            + " where d.state = 'PENDING' and d.due_at <= ?1 and (d.lease_until is null or d.lease_until < ?1) and e.active = true"
            + " order by d.due_at, d.id limit ?2";
    static final String CLAIM_SQL = "update webhook_delivery set lease_owner = ?1, lease_until = ?2"
            + " where id = ?3 and state = 'PENDING' and (lease_until is null or lease_until < ?4)";

    @Inject
    WebhookConfig config;

    @Inject
    EntityManager em;

    @Inject
    BusinessCalendar calendar;

    @Inject
    ObjectMapper json;

    @Inject
    ActiveEndpoints endpoints;

    private final String owner = "webhooks-" + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean started;
    private volatile boolean stopping;
    private ExecutorService thread;
    private HttpClient http;

    @PostConstruct
    void init() {
        thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "candor-webhooks");
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    void onStart(@Observes StartupEvent event) {
        started = true;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
        thread.shutdown();
    }

    @PreDestroy
    void destroy() {
        stopping = true;
        thread.shutdownNow();
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookOutbox.WebhooksQueued event) {
        wake();
    }

    @Scheduled(every = "${candor.webhooks.poll-every:5s}", delayed = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhileStarted.class)
    void poll() {
        wake();
    }

    void wake() {
        if (started && !stopping && wakePending.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    wakePending.set(false);
                    deliverDue();
                });
            } catch (RejectedExecutionException e) {
                wakePending.set(false); // shutting down
            }
        }
    }

    /** Sends what is due until nothing is; returns how many attempts were made. Public for the tests. */
    public int deliverDue() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        int attempts = 0;
        try {
            List<Long> claimed;
            do {
                claimed = claim();
                for (Long id : claimed) {
                    if (stopping) {
                        return attempts; // the leases run out; another instance takes them
                    }
                    attempt(id);
                    attempts++;
                }
            } while (!claimed.isEmpty() && !stopping);
        } catch (RuntimeException e) {
            Log.error("Webhook delivery failed; the next round tries again", e);
        } finally {
            running.set(false);
        }
        return attempts;
    }

    private List<Long> claim() {
        Instant now = calendar.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> due = em.createNativeQuery(DUE_SQL).setParameter(1, now).setParameter(2, config.batchSize()).getResultList();
            List<Long> claimed = new ArrayList<>();
            for (Number id : due) {
                if (em.createNativeQuery(CLAIM_SQL).setParameter(1, owner).setParameter(2, now.plus(config.lease()))
                        .setParameter(3, id.longValue()).setParameter(4, now).executeUpdate() == 1) {
                    claimed.add(id.longValue());
                }
            }
            return claimed;
        });
    }

    private record Outgoing(long deliveryId, long endpointId, String url, String secret, String eventId, String type, String body) {
    }

    private void attempt(long deliveryId) {
        Outgoing out = QuarkusTransaction.requiringNew().call(() -> load(deliveryId));
        if (out == null) {
            return;
        }
        Integer status = null;
        String error = null;
        try {
            long t = calendar.now().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(out.url())).timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Candor-Webhooks")
                    .header("Candor-Event-Id", out.eventId())
                    .header("Candor-Event-Type", out.type())
                    .header(Signature.HEADER, Signature.header(out.secret(), t, out.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(out.body())).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (HttpTimeoutException e) {
            error = "No answer within " + config.timeout().toMillis() + " ms";
        } catch (IOException | IllegalArgumentException e) {
            error = "Not delivered: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // maybe delivered; the lease runs out and it goes again (at least once)
        }
        Integer s = status;
        String err = error;
        QuarkusTransaction.requiringNew().run(() -> record(out, s, err));
    }

    private Outgoing load(long deliveryId) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        if (d == null || d.state != WebhookDelivery.State.PENDING || !owner.equals(d.leaseOwner)) {
            return null;
        }
        WebhookEndpoint e = WebhookEndpoint.findById(d.endpointId);
        WebhookEvent event = WebhookEvent.findById(d.eventId);
        String body = event.body;
        if (e.personalData && event.candidateId != null) {
            body = withCandidate(body, Candidate.findById(event.candidateId));
        }
        return new Outgoing(d.id, e.id, e.url, e.secret, event.eventId, event.type, body);
    }

    /** The body with the candidate's details, for an endpoint that opted in (read now: an anonymised candidate sends none). */
    private String withCandidate(String body, Candidate c) {
        if (c == null) {
            return body;
        }
        try {
            ObjectNode root = (ObjectNode) json.readTree(body);
            ObjectNode candidate = ((ObjectNode) root.get("data")).putObject("candidate");
            candidate.put("id", c.id);
            if (c.anonymisedAt == null) {
                candidate.put("salutation", c.salutation);
                candidate.put("firstName", c.firstName);
                candidate.put("lastName", c.lastName);
                candidate.put("email", c.email);
                candidate.put("phone", c.phone);
            } else {
                candidate.put("anonymised", true);
            }
            return json.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException("webhook body", e);
        }
    }

    private void record(Outgoing out, Integer status, String error) {
        Instant now = calendar.now();
        WebhookDelivery d = WebhookDelivery.findById(out.deliveryId());
        if (d == null || !owner.equals(d.leaseOwner)) {
            return; // the lease ran out and another instance took it over
        }
        d.attempts++;
        d.leaseOwner = null;
        d.leaseUntil = null;
        d.updatedAt = now;
        d.lastStatus = status;
        boolean ok = status != null && status >= 200 && status < 300;
        boolean refused = status != null && !ok && status < 500 && status != 408 && status != 425 && status != 429;
        String why = error != null ? error : "HTTP " + status;
        if (ok) {
            d.state = WebhookDelivery.State.DELIVERED;
            d.deliveredAt = now;
            d.lastError = null;
            d.dueAt = null;
            em.createNativeQuery("update webhook_endpoint set permanent_failures = 0 where id = ?1 and permanent_failures <> 0")
                    .setParameter(1, out.endpointId()).executeUpdate();
        } else if (refused || d.attempts >= config.maxAttempts()) {
            d.state = WebhookDelivery.State.FAILED;
            d.dueAt = null;
            d.lastError = cut(refused ? why + " (refused by the receiver)" : why + " (gave up after " + d.attempts + " attempts)");
            failedForGood(out.endpointId(), d.lastError, now);
        } else {
            d.dueAt = now.plus(backoff(d.attempts));
            d.lastError = cut(why);
            Log.infof("Webhook delivery %d to endpoint %d not delivered (attempt %d), retrying at %s: %s", d.id, out.endpointId(),
                    d.attempts, d.dueAt, d.lastError);
        }
    }

    /** One more delivery failed for good; at {@code disable-after} in a row the endpoint is disabled, with why. */
    private void failedForGood(long endpointId, String why, Instant now) {
        em.createNativeQuery("update webhook_endpoint set permanent_failures = permanent_failures + 1 where id = ?1")
                .setParameter(1, endpointId).executeUpdate();
        String reason = cut("Disabled after " + config.disableAfter() + " deliveries in a row failed for good; the last: " + why);
        int disabled = em.createNativeQuery("update webhook_endpoint set active = false, disabled_reason = ?1, disabled_at = ?2,"
                        + " updated_at = ?2, version = version + 1 where id = ?3 and active = true and permanent_failures >= ?4")
                .setParameter(1, reason).setParameter(2, now).setParameter(3, endpointId).setParameter(4, config.disableAfter())
                .executeUpdate();
        if (disabled == 1) {
            endpoints.changed();
            Log.warnf("Webhook endpoint %d disabled: %s", endpointId, reason);
        }
    }

    /** Exponential: initial, 2x, 4x … capped at the maximum, each spread by ±20%. */
    Duration backoff(int attempts) {
        return new Backoff(config.initialBackoff(), config.maxBackoff()).after(attempts, ThreadLocalRandom.current().nextDouble());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
