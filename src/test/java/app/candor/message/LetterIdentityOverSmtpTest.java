package app.candor.message;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.requisition.Requisition;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.system.CandorConfig;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: a letter goes out in the company's name and a person's: Reply-To is the recruiter who signed it, the
 * Message-ID carries the sender's domain, and a German greeting with an academic title reads as Germans write it.
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class LetterIdentityOverSmtpTest {

    @Inject
    TestData data;

    @Inject
    MessageComposer composer;

    @Inject
    CandorConfig config;

    @InjectMailServer
    MailServer smtp;

    @Test
    void aRejectionRepliesToTheRecruiterCarriesTheSendersDomainAndGreetsFrauDrMeitner() {
        smtp.start();
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Physikerin"));
        CandidateInput lise = new CandidateInput("Ms Dr", "Lise", "Meitner", false, TestData.email(), null, Channel.EMAIL, "de");
        Application a = data.application(requisition, recruiter, lise);

        long id = json(recruiter).body(Map.of("outcome", "REJECTED", "reasonId", 1)).when().post("/api/applications/" + a.id + "/outcome")
                .then().statusCode(201).extract().jsonPath().getLong("id");

        Message sent = Mails.awaitState(id, MessageState.SENT);
        Received mail = Mails.awaitOne(smtp, lise.email());
        assertThat(mail.text()).startsWith("Guten Tag Frau Dr. Meitner,");
        assertThat(mail.html()).contains("<p>Guten Tag Frau Dr. Meitner,</p>");
        assertThat(mail.headers("Reply-To")).containsExactly(recruiter.email);
        assertThat(sent.replyTo).as("kept with the letter").isEqualTo(recruiter.email);
        String domain = MailIdentity.domainOf(config.mail().from());
        assertThat(mail.headers("Message-ID")).containsExactly("<candor-" + id + "@" + domain + ">");
    }

    @ParameterizedTest(name = "{0} / {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "Ms Dr    | de | Guten Tag Frau Dr. Meitner,",
            "Frau Dr. | de | Guten Tag Frau Dr. Meitner,",
            "Mr Prof  | de | Guten Tag Herr Prof. Meitner,",
            "Ms       | de | Guten Tag Frau Meitner,",
            "Frau     | de | Guten Tag Frau Meitner,",
            "Dr       | de | Guten Tag Dr. Lise Meitner,",
            "Mx       | de | Guten Tag Lise Meitner,",
            "Mx Dr    | de | Guten Tag Dr. Lise Meitner,",
            "Baronin  | de | Guten Tag Baronin Meitner,",
            "Ms Dr    | en | Dear Dr Meitner,",
            "Dr       | en | Dear Dr Meitner,",
            "Ms       | en | Dear Ms Meitner,",
            "Prof.    | en | Dear Prof. Meitner,",
            "Mx       | en | Dear Mx Meitner,"})
    void formalGreetings(String salutation, String language, String greeting) {
        Candidate c = new Candidate();
        c.salutation = salutation;
        c.firstName = "Lise";
        c.lastName = "Meitner";
        c.email = "lise@example.test";
        c.language = language;
        c.preferredChannel = Channel.EMAIL;
        Application a = new Application();
        a.candidate = c;
        a.requisition = new Requisition();
        a.requisition.title = "Physicist";
        User sender = new User();
        sender.fullName = "Rita Recruiter";
        Composed letter = composer.compose(a, sender, new MessageComposer.Content(MessageKind.DECISION_DELAYED, null,
                java.time.LocalDate.of(2031, 3, 3), false));
        assertThat(letter.text()).startsWith(greeting);
        assertThat(List.of(letter.html())).singleElement().asString().contains("<p>" + greeting + "</p>");
    }
}
