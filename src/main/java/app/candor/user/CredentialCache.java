package app.candor.user;

import app.candor.system.CandorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Passwords that recently passed bcrypt, so that HTTP Basic does not pay bcrypt (about 90 ms at cost 10)
 * on every API call. As Elasticsearch's and Shiro's realms do: per username, an HMAC-SHA256 of the password
 * under a random key that never leaves this process (the password itself is never kept), compared in
 * constant time, with an expiry. Only successes are remembered: a wrong password always pays bcrypt.
 * <p>
 * An entry also holds the user's row as it was verified (password hash, roles). {@link CachingIdentityProvider}
 * re-reads the row on every hit and drops the entry unless hash and roles are unchanged and the user is
 * active, so a change made by any path, on any replica, takes effect on the next request.
 */
@ApplicationScoped
public class CredentialCache {

    /** What a verification saw: the stored hash and roles it was checked against, and the identity it gave. */
    public record Verified(String passwordHash, String roles, Principal principal, Set<String> roleSet, Map<String, Object> attributes) {
    }

    private record Entry(byte[] mac, Verified verified, Instant expires) {
    }

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    /** Bumped by every {@link #forget}: a verification that raced with a change does not put back what it saw. */
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final SecretKeySpec key;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    public CredentialCache() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public boolean enabled() {
        return config.auth().credentialCacheTtl().compareTo(Duration.ZERO) > 0;
    }

    /** What this password was verified against, if it was, recently; otherwise empty (and the caller pays bcrypt). */
    public Optional<Verified> lookup(String username, char[] password) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry e = entries.get(username);
        if (e == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(e.expires)) {
            entries.remove(username, e);
            return Optional.empty();
        }
        return MessageDigest.isEqual(e.mac, mac(username, password)) ? Optional.of(e.verified) : Optional.empty();
    }

    /** Taken before a verification starts; {@link #remember} ignores the result if anything was forgotten since. */
    public long stamp() {
        return changes.get();
    }

    /** Counts a verification that had to run bcrypt (tests see the cache at work through it). */
    void missed() {
        misses.incrementAndGet();
    }

    public long misses() {
        return misses.get();
    }

    public void remember(String username, char[] password, Verified verified, long stamp) {
        if (!enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= config.auth().credentialCacheSize()) {
            entries.values().removeIf(e -> !now.isBefore(e.expires));
            if (entries.size() >= config.auth().credentialCacheSize()) {
                return; // bounded: when full of live entries, a newcomer simply keeps paying bcrypt
            }
        }
        Entry entry = new Entry(mac(username, password), verified, now.plus(config.auth().credentialCacheTtl()));
        entries.put(username, entry);
        if (changes.get() != stamp) {
            // a user changed while this one was being verified: it may have been this user, so keep nothing
            entries.remove(username, entry);
        }
    }

    /** Drops what is remembered for this user: their password, roles or active flag changed. */
    public void forget(String username) {
        changes.incrementAndGet();
        entries.remove(username);
    }

    public void forgetAll() {
        changes.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private byte[] mac(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            byte[] raw = new byte[bytes.remaining()];
            bytes.get(raw);
            try {
                return mac.doFinal(raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
                if (bytes.hasArray()) {
                    Arrays.fill(bytes.array(), (byte) 0); // the encoder's copy of the password
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
