package app.candor.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A mail as GreenMail received it, taken apart: headers as sent, the parts, the decoded text and HTML. */
public record Received(MimeMessage message, String raw, String contentType, List<String> partTypes, String text, String html) {

    public static Received of(MimeMessage message) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            message.writeTo(bytes);
            String raw = bytes.toString(StandardCharsets.UTF_8);
            List<String> types = new ArrayList<>();
            String[] bodies = new String[2];
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                collect(multipart, types, bodies);
            } else {
                types.add(baseType(message.getContentType()));
                bodies[baseType(message.getContentType()).equals("text/html") ? 1 : 0] = String.valueOf(content);
            }
            return new Received(message, raw, message.getContentType(), types, bodies[0], bodies[1]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a received mail", e);
        }
    }

    private static void collect(Multipart multipart, List<String> types, String[] bodies) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof Multipart nested) {
                collect(nested, types, bodies);
                continue;
            }
            String type = baseType(part.getContentType());
            types.add(type);
            if (type.equals("text/plain")) {
                bodies[0] = String.valueOf(content);
            } else if (type.equals("text/html")) {
                bodies[1] = String.valueOf(content);
            }
        }
    }

    private static String baseType(String contentType) {
        return contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
    }

    /** The decoded content of the first part of this base type (e.g. "text/calendar"), with its full Content-Type; null without one. */
    public Part part(String type) {
        try {
            return message.getContent() instanceof Multipart multipart ? find(multipart, type) : null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A part of a received mail: its Content-Type header as sent and its content as text. */
    public record Part(String contentType, String content) {
    }

    private static Part find(Multipart multipart, String type) throws MessagingException, IOException {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            Object content = part.getContent();
            if (content instanceof Multipart nested) {
                Part found = find(nested, type);
                if (found != null) {
                    return found;
                }
            } else if (baseType(part.getContentType()).equals(type)) {
                String text = content instanceof java.io.InputStream in ? new String(in.readAllBytes(), StandardCharsets.UTF_8)
                        : String.valueOf(content);
                return new Part(part.getContentType(), text);
            }
        }
        return null;
    }

    /** Every value of a header, as received (folded lines unfolded). */
    public List<String> headers(String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? List.of() : Arrays.asList(values);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The To and Cc addresses in the headers. */
    public List<String> recipients() {
        try {
            jakarta.mail.Address[] all = message.getAllRecipients();
            return all == null ? List.of() : Arrays.stream(all)
                    .map(a -> a instanceof jakarta.mail.internet.InternetAddress ia ? ia.getAddress() : a.toString()).toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public String subject() {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The header block exactly as it went over the wire, up to the first empty line. */
    public String headerBlock() {
        int end = raw.indexOf("\r\n\r\n");
        return end < 0 ? raw : raw.substring(0, end + 2);
    }
}
