package app.candor.message;

import app.candor.candidate.Channel;
import app.candor.system.MailMode;
import app.candor.user.Role;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo mode only (the mock mailer): the mails Candor "sent" since the start, as the recipients got
 * them, links included, so that the candidate's side (status, withdraw, feedback) can be tried
 * without a mail server. With real mail (always in production) there is nothing here: 404.
 */
@Path("/demo/inbox")
@ApplicationScoped
public class DemoInbox {

    static final Pattern LINK = Pattern.compile("https?://\\S+/c/(withdraw|status|feedback)\\?t=\\S+");

    @Inject
    MailMode mailMode;

    @Inject
    Instance<MockMailbox> mailbox;

    public record Link(String purpose, String url) {
    }

    public record Received(String to, String subject, Instant sentAt, String text, List<Link> links) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(List<Received> mails);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    @Transactional
    public TemplateInstance show() {
        if (!mailMode.isMock() || !mailbox.isResolvable()) {
            throw new NotFoundException();
        }
        // One list, newest first: the latest letters sent by e-mail, each found in the mock (which keeps mails per
        // recipient) by its Message-ID. Newest by id, not by sentAt: a clock moved ahead (the tests' business clock)
        // would keep old letters on top.
        List<Message> letters = Message.<Message>find("state = ?1 and channel = ?2 order by id desc",
                MessageState.SENT, Channel.EMAIL).page(0, 50).list();
        Map<String, Mail> byMessageId = new HashMap<>();
        letters.stream().map(m -> m.recipient).distinct().forEach(to -> mailbox.get().getMailsSentTo(to)
                .forEach(mail -> mail.getHeaders().getOrDefault("Message-ID", List.of()).forEach(id -> byMessageId.put(id, mail))));
        List<Received> mails = new ArrayList<>();
        for (Message letter : letters) {
            Mail mail = byMessageId.get(letter.messageIdHeader);
            if (mail != null) { // sent before this start of Candor: the mock forgot it
                mails.add(received(letter.recipient, letter.sentAt, mail));
            }
        }
        return Templates.inbox(mails);
    }

    private static Received received(String to, Instant sentAt, Mail m) {
        String text = m.getText() == null ? "" : m.getText();
        List<Link> links = new ArrayList<>();
        Matcher matcher = LINK.matcher(text);
        while (matcher.find()) {
            links.add(new Link(matcher.group(1), matcher.group()));
        }
        return new Received(to, m.getSubject(), sentAt, text, links);
    }
}
