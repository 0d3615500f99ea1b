package app.candor.link;

import app.candor.application.Application;
import app.candor.system.CandorConfig;
import app.candor.system.PublicUrl;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Candidate link tokens: 256 random bits from {@link SecureRandom}, minted when a mail leaves (one per
 * purpose the mail links to), stored only as a SHA-256 hash, and looked up by that hash. Tokens carry
 * the prefix {@value #PREFIX} so that a stray one is easy to find (the log test scans for it).
 */
@ApplicationScoped
public class LinkTokens {

    public static final String PREFIX = "cnd_";
    private static final int BYTES = 32;

    private final SecureRandom random = new SecureRandom();

    @Inject
    CandorConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    /** The link as it is written into a letter: the token is a placeholder until the mail leaves. */
    public String letterUrl(LinkPurpose purpose) {
        return publicUrl.base() + "/c/" + purpose.path + "?t=" + purpose.placeholder();
    }

    /** The letter's parts with a fresh token in place of each placeholder. */
    public record Filled(String html, String text) {
    }

    /**
     * Mints a token for each purpose the letter links to, in the caller's transaction, and puts it into
     * both parts. Only the hash is stored; the tokens exist in the returned text alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Filled fill(Application application, long messageId, String html, String text) {
        Map<LinkPurpose, String> tokens = new EnumMap<>(LinkPurpose.class);
        for (LinkPurpose purpose : LinkPurpose.values()) {
            String placeholder = purpose.placeholder();
            if (html.contains(placeholder) || text.contains(placeholder)) {
                tokens.put(purpose, mint(application, purpose, messageId));
            }
        }
        for (Map.Entry<LinkPurpose, String> e : tokens.entrySet()) {
            html = html.replace(e.getKey().placeholder(), e.getValue());
            text = text.replace(e.getKey().placeholder(), e.getValue());
        }
        return new Filled(html, text);
    }

    String mint(Application application, LinkPurpose purpose, Long messageId) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        CandidateLink link = new CandidateLink();
        link.tokenHash = hash(token);
        link.application = application;
        link.purpose = purpose;
        link.messageId = messageId;
        link.createdAt = now;
        link.expiresAt = now.plus(config.links().lifetime());
        link.persist();
        return token;
    }

    /** The link for {@code token}, if the token is well-formed, known, for this purpose, not expired, and its candidate not anonymised. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<CandidateLink> resolve(String token, LinkPurpose purpose) {
        if (token == null || !token.startsWith(PREFIX) || token.length() != PREFIX.length() + 43
                || !token.substring(PREFIX.length()).matches("[A-Za-z0-9_-]+")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return CandidateLink.findByHash(hash(token))
                .filter(link -> link.purpose == purpose)
                .filter(link -> link.expiresAt.isAfter(now))
                // An anonymised candidate's links say nothing any more (retention, erasure): the calm page, as a dead link.
                .filter(link -> link.application.candidate.anonymisedAt == null);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
