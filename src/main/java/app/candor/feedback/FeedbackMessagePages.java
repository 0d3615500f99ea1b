package app.candor.feedback;

import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.message.Preview;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import io.quarkus.qute.CheckedTemplate;
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

/**
 * Sending interview feedback to the candidate from the pages: Candor proposes the text (shareable
 * parts only), the recruiter edits it, previews the letter exactly as it will go out, and sends it.
 */
@Path("/applications/{id}/feedback-message")
@Produces(MediaType.TEXT_HTML)
public class FeedbackMessagePages {

    @Inject
    FeedbackMessageService messages;

    @Inject
    ApplicationService applications;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(ApplicationView application, Form form, String proposed, Preview preview);
    }

    @GET
    @RolesAllowed(Role.RECRUITER)
    public TemplateInstance show(@PathParam("id") long id) {
        ApplicationView view = applications.view(id, currentUser.get());
        String proposed = messages.proposal(id, currentUser.get());
        return Templates.page(view, Form.empty().with("text", proposed), proposed, null);
    }

    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("id") long id, @RestForm String text) {
        Form form = Form.empty().with("text", text);
        ApplicationView view = applications.view(id, currentUser.get());
        return FormRefusal.attempt(() -> {
            FeedbackMessageService.Draft draft = messages.preview(id, new FeedbackMessageInput(text), currentUser.get());
            return Response.ok(Templates.page(view, form, draft.proposedText(), draft.preview())).build();
        }, e -> Templates.page(view, form.fail(e), null, null));
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("id") long id, @RestForm String text) {
        Form form = Form.empty().with("text", text);
        return FormRefusal.attempt(() -> {
            messages.send(id, new FeedbackMessageInput(text), currentUser.get());
            return Flash.redirect("/applications/" + id, "Feedback sent to the candidate; it shows in the timeline.");
        }, e -> {
            ApplicationView view = applications.view(id, currentUser.get());
            return Templates.page(view, form.fail(e), null, null);
        });
    }
}
