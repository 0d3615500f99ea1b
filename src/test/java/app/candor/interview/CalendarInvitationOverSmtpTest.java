package app.candor.interview;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.support.Api;
import app.candor.support.InjectMailServer;
import app.candor.support.MailProfile;
import app.candor.support.MailServer;
import app.candor.support.Mails;
import app.candor.support.Received;
import app.candor.support.TestData;
import app.candor.user.User;
import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Attendee;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static app.candor.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: interview letters carry an iCalendar part over real SMTP (GreenMail), parsed back with biweekly: one UID
 * for the interview's life, SEQUENCE raised by the move and the cancellation, METHOD:CANCEL at the end; organised by
 * the requisition's recruiter, attended by the candidate and the interviewers with an address. (The time in the
 * company's zone with its VTIMEZONE: InterviewCalendarTest; the mail tests run in UTC.)
 */
@QuarkusTest
@TestProfile(MailProfile.class)
class CalendarInvitationOverSmtpTest {

    @Inject
    TestData data;

    @InjectMailServer
    MailServer smtp;

    @Test
    void theInvitationMovesAndIsCancelledInTheCandidatesCalendar() {
        smtp.start();
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        User manager = data.hiringManager();
        Requisition requisition = data.requisition(recruiter, manager, TestData.unique("Backend Engineer"));
        CandidateInput ada = new CandidateInput("Ms", "Ada", "Lovelace", false, TestData.email(), null, Channel.EMAIL, "en");
        Application a = data.application(requisition, recruiter, ada);
        OffsetDateTime first = OffsetDateTime.now(ZoneOffset.UTC).plusDays(10).withHour(8).withMinute(0).withSecond(0).withNano(0);
        List<Map<String, Object>> people = List.of(Map.of("userId", manager.id),
                Map.of("name", "Grace Hopper", "title", "Head of Platform", "email", "grace@example.test"),
                Map.of("name", "Alan Turing", "title", "Principal Engineer"));

        long interview = json(recruiter).body(Map.of("startsAt", first.toString(), "kind", "VIDEO", "location", "https://meet.example.test/abc",
                        "interviewers", people))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(201)
                .body("interviewers[0].name", org.hamcrest.Matchers.equalTo(manager.fullName))
                .body("interviewers[0].email", org.hamcrest.Matchers.equalTo(manager.email))
                .extract().jsonPath().getLong("id");

        Received invited = Mails.awaitOne(smtp, ada.email());
        assertThat(invited.partTypes()).contains("text/plain", "text/html", "text/calendar");
        Received.Part part = invited.part("text/calendar");
        assertThat(part.contentType()).containsIgnoringCase("method=REQUEST");
        ICalendar request = Biweekly.parse(part.content()).first();
        assertThat(request.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent event = request.getEvents().get(0);
        String uid = event.getUid().getValue();
        assertThat(uid).startsWith("candor-interview-" + interview + "@");
        assertThat(event.getSequence().getValue()).isZero();
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(first.toInstant());
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(first.toInstant().plusSeconds(3600));
        assertThat(part.content()).as("in the company's zone, UTC here").contains("DTSTART:").doesNotContain("VTIMEZONE");
        assertThat(event.getOrganizer().getEmail()).isEqualTo(recruiter.email);
        assertThat(event.getAttendees()).extracting(Attendee::getEmail)
                .containsExactlyInAnyOrder(ada.email(), manager.email, "grace@example.test");
        assertThat(event.getLocation().getValue()).isEqualTo("https://meet.example.test/abc");
        Message stored = Api.db(() -> Message.<Message>find("application.id = ?1 and kind = ?2", a.id, MessageKind.INTERVIEW_INVITATION)
                .firstResult());
        assertThat(stored.calendar).as("stored with the letter, sent as stored").isEqualTo(part.content());
        assertThat(invited.headers("Reply-To")).containsExactly(recruiter.email);

        OffsetDateTime moved = first.plusDays(1).plusHours(2);
        json(recruiter).body(Map.of("startsAt", moved.toString(), "kind", "VIDEO", "location", "https://meet.example.test/abc",
                "interviewers", people)).when().put("/api/interviews/" + interview).then().statusCode(200);
        Received rescheduled = Mails.awaitExactly(smtp, ada.email(), 2).get(1);
        ICalendar update = Biweekly.parse(rescheduled.part("text/calendar").content()).first();
        assertThat(update.getMethod().getValue()).isEqualTo("REQUEST");
        VEvent updated = update.getEvents().get(0);
        assertThat(updated.getUid().getValue()).as("the same event").isEqualTo(uid);
        assertThat(updated.getSequence().getValue()).isEqualTo(1);
        assertThat(updated.getDateStart().getValue().toInstant()).isEqualTo(moved.toInstant());

        json(recruiter).when().post("/api/interviews/" + interview + "/cancel").then().statusCode(200);
        Received cancelled = Mails.awaitExactly(smtp, ada.email(), 3).get(2);
        Received.Part cancelPart = cancelled.part("text/calendar");
        assertThat(cancelPart.contentType()).containsIgnoringCase("method=CANCEL");
        ICalendar cancel = Biweekly.parse(cancelPart.content()).first();
        assertThat(cancel.getMethod().getValue()).isEqualTo("CANCEL");
        VEvent gone = cancel.getEvents().get(0);
        assertThat(gone.getUid().getValue()).isEqualTo(uid);
        assertThat(gone.getSequence().getValue()).isEqualTo(2);
        assertThat(gone.getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(gone.getDateStart().getValue().toInstant()).isEqualTo(moved.toInstant());
    }

    @Test
    void onlyActiveHiringManagersAndRecruitersCanBeChosen() {
        User recruiter = data.recruiter("Rita Recruiter", "Talent Partner");
        User admin = data.admin();
        Requisition requisition = data.requisition(recruiter, data.hiringManager());
        Application a = data.application(requisition, recruiter);
        long before = TestData.count(Message.class);
        json(recruiter).body(Map.of("startsAt", Instant.now().plusSeconds(86_400 * 3).atOffset(ZoneOffset.UTC).toString(), "kind", "PHONE",
                        "interviewers", List.of(Map.of("userId", admin.id))))
                .when().post("/api/applications/" + a.id + "/interviews").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("interviewers[0].userId"));
        assertThat(TestData.count(Message.class)).isEqualTo(before);
    }
}
