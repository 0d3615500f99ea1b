package app.candor.bounce;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetHeaders;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What a delivery status notification (RFC 3464, multipart/report) says: the Message-ID of the letter it is about
 * (from the returned message/rfc822 or text/rfc822-headers part), whether delivery failed, and why.
 */
public record Dsn(String originalMessageId, boolean failed, String status, String recipient, String diagnostic) {

    /** The report in {@code message}, if it is one and names the original Message-ID. */
    public static Optional<Dsn> read(Part message) throws MessagingException, IOException {
        if (!message.isMimeType("multipart/*")) {
            return Optional.empty();
        }
        Fields fields = new Fields();
        walk(message, fields);
        if (fields.messageId == null || fields.action == null) {
            return Optional.empty();
        }
        return Optional.of(new Dsn(fields.messageId.strip(), fields.action.strip().toLowerCase(Locale.ROOT).startsWith("failed"),
                fields.status == null ? null : fields.status.strip(), fields.recipient == null ? null : fields.recipient.strip(),
                fields.diagnostic == null ? null : fields.diagnostic.strip()));
    }

    private static final class Fields {
        String messageId;
        String action;
        String status;
        String recipient;
        String diagnostic;
    }

    private static void walk(Part part, Fields fields) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                walk(mp.getBodyPart(i), fields);
            }
        } else if (part.isMimeType("message/delivery-status")) {
            // The per-message fields, a blank line, then the per-recipient fields: read as header blocks.
            String text = text(part);
            for (String block : text.split("\\r?\\n\\s*\\r?\\n")) {
                InternetHeaders h = new InternetHeaders(new ByteArrayInputStream((block.strip() + "\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8)));
                fields.action = first(fields.action, h.getHeader("Action", null));
                fields.status = first(fields.status, h.getHeader("Status", null));
                fields.recipient = first(fields.recipient, h.getHeader("Final-Recipient", null));
                fields.diagnostic = first(fields.diagnostic, h.getHeader("Diagnostic-Code", null));
            }
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")) {
            // The returned letter, or its headers only: its Message-ID is ours.
            try (InputStream in = raw(part)) {
                InternetHeaders h = new InternetHeaders(in);
                fields.messageId = first(fields.messageId, h.getHeader("Message-ID", null));
            }
        }
    }

    /** The part's content, transfer-decoded, as bytes (whatever Java type Jakarta Mail would make of it). */
    private static InputStream raw(Part part) throws MessagingException, IOException {
        return part.getInputStream();
    }

    private static String text(Part part) throws MessagingException, IOException {
        try (InputStream in = raw(part)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    private static String first(String current, String next) {
        return current != null ? current : next;
    }
}
