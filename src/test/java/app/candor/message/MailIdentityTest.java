package app.candor.message;

import app.candor.application.Application;
import app.candor.requisition.Requisition;
import app.candor.system.CandorConfig;
import app.candor.user.User;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21: letters go out in the company's name: its domain in the Message-ID, a person (or the team) in Reply-To. */
class MailIdentityTest {

    @Test
    void theMessageIdDomainIsTheSendersUnlessSet() {
        assertThat(MailIdentity.messageIdDomain(mail("Example Ltd <jobs@Example.COM>", null, null))).isEqualTo("example.com");
        assertThat(MailIdentity.messageIdDomain(mail("jobs@careers.example.org", null, null))).isEqualTo("careers.example.org");
        assertThat(MailIdentity.messageIdDomain(mail("Example Ltd <jobs@example.com>", "mail.example.net", null))).isEqualTo("mail.example.net");
        assertThat(MailIdentity.messageIdDomain(mail("Example Ltd <jobs@example.com>", "  ", null))).isEqualTo("example.com");
        assertThat(MailIdentity.messageIdDomain(mail("no address at all", null, null))).isEqualTo("candor.local");
    }

    @Test
    void aCandidatesReplyReachesTheSignerTheRecruiterOrTheTeamAddress() {
        User rita = user("rita@example.com");
        User bot = user(null);
        Application application = application(user("rob@example.com"));

        assertThat(MailIdentity.replyTo(mail("jobs@example.com", null, null), MessageKind.REJECTION, application, rita))
                .as("the recruiter who signed").isEqualTo("rita@example.com");
        assertThat(MailIdentity.replyTo(mail("jobs@example.com", null, null), MessageKind.REJECTION, application, bot))
                .as("a signer without an address: the requisition's recruiter").isEqualTo("rob@example.com");
        assertThat(MailIdentity.replyTo(mail("jobs@example.com", null, "Recruiting <team@example.com>"), MessageKind.OFFER, application, rita))
                .as("a configured team address wins").isEqualTo("Recruiting <team@example.com>");
        assertThat(MailIdentity.replyTo(mail("jobs@example.com", null, "team@example.com\r\nBcc: eve@example.org"), MessageKind.OFFER,
                application, rita)).as("never a second header").doesNotContain("\r", "\n");
        assertThat(MailIdentity.replyTo(mail("jobs@example.com", null, "team@example.com"), MessageKind.CLOSURE_DIGEST, null, rita))
                .as("team mail comes from Candor").isNull();
        assertThat(MailIdentity.replyTo(mail("jobs@example.com", null, null), MessageKind.REJECTION, application(bot), bot)).isNull();
    }

    private static User user(String email) {
        User u = new User();
        u.fullName = "Someone";
        u.email = email;
        return u;
    }

    private static Application application(User recruiter) {
        Application a = new Application();
        a.requisition = new Requisition();
        a.requisition.recruiter = recruiter;
        return a;
    }

    /** The mail settings with only these three answered. */
    private static CandorConfig.Mail mail(String from, String messageIdDomain, String replyTo) {
        return (CandorConfig.Mail) Proxy.newProxyInstance(CandorConfig.Mail.class.getClassLoader(), new Class<?>[] {CandorConfig.Mail.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "from" -> from;
                    case "messageIdDomain" -> Optional.ofNullable(messageIdDomain);
                    case "replyTo" -> Optional.ofNullable(replyTo);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
