package app.candor.message;

import app.candor.application.Application;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.requisition.Requisition;
import app.candor.support.TestData;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bulk notice renders its role's letter once and puts each candidate's greeting in: the letters must be
 * exactly those the composer writes one by one, for every kind of greeting, names that need escaping in
 * HTML, both languages and both channels.
 */
@QuarkusTest
class BulkLettersTest {

    @Inject
    TestData data;

    @Inject
    MessageComposer composer;

    @Test
    void aBulkNoticeWritesEveryCandidateTheSameLetterAsTheComposerDoesOneByOne() {
        User recruiter = data.recruiter("Rita <Recruiter> & \"Co\"", "Talent Partner");
        Requisition role = data.requisition(recruiter, data.hiringManager(), "Engineer <Backend> & 'Ops'");
        List<Long> ids = new ArrayList<>();
        for (CandidateInput c : List.of(
                new CandidateInput("Ms", "Ada", "Lovelace", false, TestData.email(), null, Channel.EMAIL, "en"),
                new CandidateInput(null, "Bob <b>", "O'Brien & \"Sons\"", false, TestData.email(), null, Channel.EMAIL, "en"),
                new CandidateInput(null, "Chloé", "Zhang", true, TestData.email(), null, Channel.EMAIL, "en"),
                new CandidateInput("Dr", "Dieter", "Müller <&>", false, TestData.email(), null, Channel.EMAIL, "de"),
                new CandidateInput(null, "Eve", "Phone", true, TestData.email(), "+44 20 7946 0001", Channel.PHONE, "en"),
                new CandidateInput(null, "Fritz", "Anruf", false, TestData.email(), "+49 30 1234567", Channel.PHONE, "de"))) {
            ids.add(data.application(role, recruiter, c).id);
        }

        int compared = QuarkusTransaction.requiringNew().call(() -> {
            MessageComposer.Bulk bulk = composer.bulk();
            int letters = 0;
            for (MessageKind kind : List.of(MessageKind.ROLE_FILLED, MessageKind.ROLE_CANCELLED, MessageKind.ROLE_ON_HOLD,
                    MessageKind.ROLE_REOPENED)) {
                LocalDate newDate = kind == MessageKind.ROLE_REOPENED ? LocalDate.of(2031, 3, 14) : null;
                for (Long id : ids) {
                    Application a = Application.findById(id);
                    MessageComposer.Content content = new MessageComposer.Content(kind, null, newDate, false);
                    Composed one = composer.compose(a, recruiter, content);
                    Composed inBulk = bulk.compose(a, recruiter, content);
                    assertThat(inBulk).as(() -> kind + " for application " + a.id).isEqualTo(one);
                    assertThat(inBulk.html()).doesNotContain(MessageComposer.GREETING);
                    assertThat(inBulk.text()).doesNotContain(MessageComposer.GREETING);
                    letters++;
                }
            }
            return letters;
        });
        assertThat(compared).isEqualTo(24);
    }
}
