package app.candor.closure;

import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationPageForms;
import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.candidate.Channel;
import app.candor.message.Message;
import app.candor.message.Preview;
import app.candor.message.PreviewPage;
import app.candor.message.PreviewPage.Fact;
import app.candor.message.PreviewPage.Hidden;
import app.candor.message.PreviewPage.MessagePreview;
import app.candor.message.template.LetterTemplates;
import app.candor.system.BusinessCalendar;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome form of the application page: an offer or a rejection, shown exactly as it would go
 * out before anything is recorded or sent. A refused form shows the application page again with it open.
 */
@Path("/applications/{id}/outcome")
@Produces(MediaType.TEXT_HTML)
public class OutcomePages {

    @Inject
    OutcomeService outcomes;

    @Inject
    ApplicationService applications;

    @Inject
    ApplicationPageForms page;

    @Inject
    PreviewPage previews;

    @Inject
    CurrentUser currentUser;

    @Inject
    BusinessCalendar calendar;

    /** Where a reload of a refused form's address leads. */
    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public Response form(@PathParam("id") long id) {
        return page.reload(id, ApplicationAction.OUTCOME);
    }

    /** Shows the offer or rejection exactly as it would go out; writes nothing. */
    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("id") long id, @RestForm String outcome, @RestForm String reasonId,
                            @RestForm String personalNote, @RestForm String when, @RestForm String sendAt,
                            @RestForm String templateId) {
        Form form = outcomeForm(outcome, reasonId, personalNote, when, sendAt, templateId);
        return FormRefusal.attempt(() -> {
            OutcomeInput input = outcomeInput(form);
            Preview preview = outcomes.preview(id, input, currentUser.get());
            return Response.ok(previewPage(id, form, input, preview, null)).build();
        }, e -> page.withForm(id, ApplicationAction.OUTCOME, form.fail(e)));
    }

    /**
     * Records the outcome and writes the message. Should the note differ from the one last previewed,
     * nothing is sent: the preview is shown again with the new note, so what goes out is what was seen.
     */
    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") long id, @RestForm String outcome, @RestForm String reasonId,
                           @RestForm String personalNote, @RestForm String when, @RestForm String sendAt,
                           @RestForm String previewedNote, @RestForm String templateId) {
        Form form = outcomeForm(outcome, reasonId, personalNote, when, sendAt, templateId);
        return FormRefusal.attempt(() -> {
            OutcomeInput input = outcomeInput(form);
            if (!PreviewPage.previewed(personalNote, previewedNote)) {
                Preview preview = outcomes.preview(id, input, currentUser.get());
                return Response.ok(previewPage(id, form, input, preview, PreviewPage.NOTE_CHANGED)).build();
            }
            Message m = outcomes.record(id, input, currentUser.get());
            return Flash.redirect("/applications/" + id, previews.told(m, m.kind.label));
        }, e -> page.withForm(id, ApplicationAction.OUTCOME, form.fail(e)));
    }

    private TemplateInstance previewPage(long id, Form form, OutcomeInput input, Preview preview, String notice) {
        ApplicationView view = applications.view(id, currentUser.get());
        boolean rejection = input.outcome() == Outcome.REJECTED;
        boolean phone = preview.channel() == Channel.PHONE;
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Outcome", input.outcome().kind.label + ": the application moves to " + input.outcome().stage.label));
        if (rejection) {
            String reason = outcomes.reasons().stream().filter(r -> r.id.equals(input.reasonId())).map(r -> r.label)
                    .findFirst().orElse("—");
            facts.add(new Fact("Reason (internal, never quoted to the candidate)", reason));
            long chosen = input.templateId() == null ? outcomes.defaultRejectionLetter(view.requisition().id()) : input.templateId();
            facts.add(new Fact("Letter", outcomes.rejectionLetters(null, view.requisition().id()).stream().filter(c -> c.id() == chosen)
                    .map(LetterTemplates.Choice::name).findFirst().orElse("Standard letter")));
        }
        facts.add(new Fact("Goes out", previews.goesOut(phone, input.sendAt())));
        List<Hidden> hidden = List.of(new Hidden("outcome", input.outcome().name()),
                new Hidden("reasonId", input.reasonId() == null ? "" : input.reasonId().toString()),
                new Hidden("templateId", input.templateId() == null ? "" : input.templateId().toString()),
                new Hidden("when", input.sendAt() == null ? "now" : "later"),
                new Hidden("sendAt", input.sendAt() == null ? "" : form.value("sendAt")));
        String label = phone ? "Create call task" : input.sendAt() != null ? "Schedule " + input.outcome().kind.label.toLowerCase()
                : "Send " + input.outcome().kind.label.toLowerCase();
        MessagePreview p = new MessagePreview(input.outcome().kind.label + " for " + view.candidate().name(), facts, preview,
                form.value("personalNote"), hidden, "/applications/" + id + "/outcome/preview", "/applications/" + id + "/outcome",
                label, notice);
        return previews.render(view, p);
    }

    private static Form outcomeForm(String outcome, String reasonId, String personalNote, String when, String sendAt, String templateId) {
        return Form.empty().with("outcome", outcome).with("reasonId", reasonId).with("personalNote", personalNote)
                .with("templateId", templateId)
                .with("when", when == null || when.isBlank() ? "later" : when).with("sendAt", sendAt);
    }

    /** An offer ignores the reason and the time (it always goes at once); "send now" ignores the time. */
    private OutcomeInput outcomeInput(Form form) {
        Outcome outcome = Form.enumValue("outcome", form.value("outcome"), Outcome.class);
        boolean rejection = outcome == Outcome.REJECTED;
        Long reasonId = rejection ? form.longValue("reasonId") : null;
        OffsetDateTime sendAt = rejection && !"now".equals(form.value("when")) ? form.dateTimeValue("sendAt", calendar.zone()) : null;
        Long templateId = rejection ? form.longValue("templateId") : null;
        return new OutcomeInput(outcome, reasonId, form.value("personalNote"), sendAt, templateId);
    }
}
