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
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.TemplateExtensions;
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

import java.util.List;

/**
 * The "decision delayed" form of the application page: a later promised date and an apology to the
 * candidate, previewed first. A refused form shows the application page again with it open.
 */
@Path("/applications/{id}/delay")
@Produces(MediaType.TEXT_HTML)
public class DelayPages {

    @Inject
    DelayService delays;

    @Inject
    ApplicationService applications;

    @Inject
    ApplicationPageForms page;

    @Inject
    PreviewPage previews;

    @Inject
    CurrentUser currentUser;

    /** Where a reload of a refused form's address leads. */
    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public Response form(@PathParam("id") long id) {
        return page.reload(id, ApplicationAction.DELAY);
    }

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("id") long id, @RestForm String promisedDecisionDate, @RestForm String personalNote) {
        Form form = Form.empty().with("promisedDecisionDate", promisedDecisionDate).with("personalNote", personalNote);
        return FormRefusal.attempt(() -> {
            DelayInput input = new DelayInput(form.dateValue("promisedDecisionDate"), personalNote);
            Preview preview = delays.preview(id, input, currentUser.get());
            return Response.ok(previewPage(id, form, input, preview, null)).build();
        }, e -> page.withForm(id, ApplicationAction.DELAY, form.fail(e)));
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delay(@PathParam("id") long id, @RestForm String promisedDecisionDate, @RestForm String personalNote,
                          @RestForm String previewedNote) {
        Form form = Form.empty().with("promisedDecisionDate", promisedDecisionDate).with("personalNote", personalNote);
        return FormRefusal.attempt(() -> {
            DelayInput input = new DelayInput(form.dateValue("promisedDecisionDate"), personalNote);
            if (!PreviewPage.previewed(personalNote, previewedNote)) {
                Preview preview = delays.preview(id, input, currentUser.get());
                return Response.ok(previewPage(id, form, input, preview, PreviewPage.NOTE_CHANGED)).build();
            }
            Message m = delays.delay(id, input, currentUser.get());
            return Flash.redirect("/applications/" + id, "Decision now promised by " + TemplateExtensions.human(input.promisedDecisionDate())
                    + ". " + previews.told(m, "Apology"));
        }, e -> page.withForm(id, ApplicationAction.DELAY, form.fail(e)));
    }

    private TemplateInstance previewPage(long id, Form form, DelayInput input, Preview preview, String notice) {
        ApplicationView view = applications.view(id, currentUser.get());
        boolean phone = preview.channel() == Channel.PHONE;
        List<Fact> facts = List.of(
                new Fact("Decision promised by", TemplateExtensions.human(view.promisedDecisionDate()) + " \u2192 "
                        + TemplateExtensions.human(input.promisedDecisionDate())),
                new Fact("Goes out", previews.goesOut(phone, null)));
        List<Hidden> hidden = List.of(new Hidden("promisedDecisionDate", input.promisedDecisionDate().toString()));
        MessagePreview p = new MessagePreview("Decision delayed for " + view.candidate().name(), facts, preview,
                form.value("personalNote"), hidden, "/applications/" + id + "/delay/preview", "/applications/" + id + "/delay",
                phone ? "Move the date and create call task" : "Move the date and send", notice);
        return previews.render(view, p);
    }
}
