package app.candor.feedback;

import app.candor.system.BusinessCalendar;
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

/** The feedback page of an interview: everyone on the team reads it; the requisition's hiring manager writes theirs here. */
@Path("/interviews/{id}/feedback")
@Produces(MediaType.TEXT_HTML)
public class InterviewFeedbackPages {

    @Inject
    InterviewFeedbackService feedback;

    @Inject
    CurrentUser currentUser;

    @Inject
    BusinessCalendar calendar;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance page(InterviewFeedbackService.Page page, Form form, Recommendation[] recommendations, String zone);
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public TemplateInstance show(@PathParam("id") long id) {
        InterviewFeedbackService.Page page = feedback.page(id, currentUser.get());
        Form form = Form.empty();
        if (page.mine() != null) {
            form.with("recommendation", page.mine().recommendation()).with("strengths", page.mine().strengths())
                    .with("concerns", page.mine().concerns()).with("shareable", page.mine().shareable());
        }
        return Templates.page(page, form, Recommendation.values(), calendar.zone().getId());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Role.HIRING_MANAGER)
    public Response save(@PathParam("id") long id, @RestForm String recommendation, @RestForm String strengths,
                         @RestForm String concerns, @RestForm String shareable, @RestForm String action) {
        Form form = Form.empty().with("recommendation", recommendation).with("strengths", strengths).with("concerns", concerns)
                .with("shareable", shareable);
        return FormRefusal.attempt(() -> {
            Recommendation chosen = recommendation == null || recommendation.isBlank() ? null
                    : Form.enumValue("recommendation", recommendation, Recommendation.class);
            InterviewFeedbackInput input = new InterviewFeedbackInput(chosen, strengths, concerns, shareable);
            InterviewFeedbackView saved = "submit".equals(action) ? feedback.saveAndSubmit(id, input, currentUser.get())
                    : feedback.save(id, input, currentUser.get());
            String message = "submit".equals(action) ? "Feedback submitted. The recruiter sees it now."
                    : saved.state() == InterviewFeedback.State.SUBMITTED ? "Feedback updated; what it said before is kept in its history."
                    : "Draft saved. Submit it when it is complete.";
            return Flash.redirect("/interviews/" + id + "/feedback", message);
        }, e -> {
            InterviewFeedbackService.Page page = feedback.page(id, currentUser.get());
            return Templates.page(page, form.fail(e), Recommendation.values(), calendar.zone().getId());
        });
    }
}
