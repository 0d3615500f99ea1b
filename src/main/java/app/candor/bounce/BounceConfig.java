package app.candor.bounce;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * The mailbox delivery status notifications (bounces) arrive in ({@code candor.bounces.*}): the address letters are
 * sent from, or the return path, should deliver there. Without a host, no mailbox is read.
 */
@ConfigMapping(prefix = "candor.bounces")
public interface BounceConfig {

    /** The IMAP server; unset turns bounce reading off. */
    Optional<String> host();

    @WithDefault("993")
    int port();

    /** IMAP over TLS (imaps); false for plain IMAP (only on a trusted network, or in tests). */
    @WithDefault("true")
    boolean ssl();

    Optional<String> username();

    /** From the environment (CANDOR_BOUNCES_PASSWORD), never from a file in the image. */
    Optional<String> password();

    @WithDefault("INBOX")
    String folder();

    /** How often the mailbox is read ("off" disables it). */
    @WithDefault("2m")
    String checkEvery();

    /** Connect and read timeout for the IMAP server. */
    @WithDefault("PT30S")
    Duration timeout();
}
