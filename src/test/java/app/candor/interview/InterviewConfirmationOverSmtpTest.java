package app.candor.interview;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.requisition.Requisition;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The interview confirmation arrives over real SMTP (GreenMail) with every interviewer's name and title, in the candidate's language. */
@QuarkusTest
@TestProfile(MailProfile.class)
class InterviewConfirmationOverSmtpTest {

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    @Test
    void theConfirmationNamesEveryInterviewerWithTheirTitle() {
        smtp.start();
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        Requisition requisition = data.requisition(recruiter, data.hiringManager(), TestData.unique("Datenanalyst"));
        CandidateInput grete = new CandidateInput("Frau", "Grete", "Müller", false, TestData.email(), null, Channel.EMAIL, "de");
        Application a = data.application(requisition, recruiter, grete);
        List<Map<String, String>> panel = List.of(Map.of("name", "Grace Hopper", "title", "Head of Platform"),
                Map.of("name", "Alan Turing", "title", "Principal Engineer"), Map.of("name", "Ada Lovelace", "title", "Analyst"));

        json(recruiter).body(InterviewApiTest.interview(InterviewApiTest.inDays(4), "ON_SITE", "Hauptstraße 1, Berlin", panel))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201);

        Received mail = Mails.awaitOne(smtp, grete.email());
        assertThat(mail.subject()).startsWith(requisition.title + " bei Candor Demo Ltd: Ihr Gespräch am");
        for (String part : List.of(mail.text(), mail.html())) {
            assertThat(part).contains("Grace Hopper, Head of Platform").contains("Alan Turing, Principal Engineer")
                    .contains("Ada Lovelace, Analyst").contains("Hauptstraße 1, Berlin").contains("Sie treffen:").contains("vor Ort");
        }
        assertThat(mail.text()).startsWith("Guten Tag Frau Müller,");
    }
}
