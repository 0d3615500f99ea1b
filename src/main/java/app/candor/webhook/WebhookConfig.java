package app.candor.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Outbound webhooks ({@code candor.webhooks.*}): how they are delivered, retried and given up on. */
@ConfigMapping(prefix = "candor.webhooks")
public interface WebhookConfig {

    /** How often the sender looks for due deliveries besides being woken after each commit ("off" disables delivery). */
    @WithDefault("5s")
    String pollEvery();

    /** How long a receiver may take to answer one delivery; longer counts as a failed attempt (retried). */
    @WithDefault("PT10S")
    Duration timeout();

    /** Wait after the first failed attempt; doubled each time, with jitter, up to {@link #maxBackoff()}. */
    @WithDefault("PT30S")
    Duration initialBackoff();

    @WithDefault("PT1H")
    Duration maxBackoff();

    /** Attempts before a delivery that keeps failing (5xx, timeouts) is given up as FAILED. */
    @WithDefault("12")
    int maxAttempts();

    /**
     * Deliveries that failed for good in a row (a 4xx refusal, or all attempts used up) before the endpoint is disabled,
     * with the reason on its page. A delivery that succeeds starts the count again.
     */
    @WithDefault("5")
    int disableAfter();

    /** How long an instance holds a claimed delivery; after a crash another one takes it over then. */
    @WithDefault("PT2M")
    Duration lease();

    /** Deliveries claimed per round. */
    @WithDefault("20")
    int batchSize();

    /** How long an instance trusts its list of active endpoints (other replicas' changes show within this). */
    @WithDefault("PT10S")
    Duration endpointsCacheFor();
}
