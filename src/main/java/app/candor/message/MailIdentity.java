package app.candor.message;

import app.candor.application.Application;
import app.candor.system.CandorConfig;
import app.candor.user.User;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose name a letter goes out in: the domain of its Message-ID and where a candidate's reply goes. One place
 * for both rules, so that the outbox (which stores them) and the header generator agree.
 */
public final class MailIdentity {

    /** The domain of a made-up sender; used only when the sender's address has none. */
    static final String FALLBACK_DOMAIN = "candor.local";

    /** The address part of "Name &lt;user@domain&gt;" or of a bare "user@domain": its domain. */
    private static final Pattern DOMAIN = Pattern.compile("@([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)\\s*>?\\s*$");

    private MailIdentity() {
    }

    /** The configured Message-ID domain, or the sender's. */
    public static String messageIdDomain(CandorConfig.Mail mail) {
        return mail.messageIdDomain().map(String::strip).filter(d -> !d.isEmpty()).orElseGet(() -> domainOf(mail.from()));
    }

    /** The domain of a mail address (with or without a display name), lower case; {@value #FALLBACK_DOMAIN} without one. */
    static String domainOf(String address) {
        if (address == null) {
            return FALLBACK_DOMAIN;
        }
        Matcher m = DOMAIN.matcher(address.strip());
        return m.find() ? m.group(1).toLowerCase(Locale.ROOT) : FALLBACK_DOMAIN;
    }

    /**
     * Where the candidate's reply to a letter goes: the team's address when one is configured, else the person who
     * signed it, else the requisition's recruiter; null for team mail (it comes from Candor, not from a person) and
     * when nobody has an address.
     */
    static String replyTo(CandorConfig.Mail mail, MessageKind kind, Application application, User sender) {
        if (!kind.toCandidate()) {
            return null;
        }
        if (mail.replyTo().isPresent() && !mail.replyTo().get().isBlank()) {
            return MailHeaders.oneLine(mail.replyTo().get());
        }
        if (sender != null && hasAddress(sender)) {
            return address(sender);
        }
        User recruiter = application == null ? null : application.requisition.recruiter;
        return recruiter != null && hasAddress(recruiter) ? address(recruiter) : null;
    }

    private static boolean hasAddress(User user) {
        return user.email != null && !user.email.isBlank();
    }

    /**
     * The bare address: the mail client writes a Reply-To header as given, and a display name with letters beyond
     * ASCII would need encoding it does not do.
     */
    private static String address(User user) {
        return MailHeaders.oneLine(user.email);
    }
}
