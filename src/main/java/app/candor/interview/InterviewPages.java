package app.candor.interview;

import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationPageForms;
import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.candidate.Channel;
import app.candor.message.Preview;
import app.candor.message.PreviewPage;
import app.candor.message.PreviewPage.Fact;
import app.candor.message.PreviewPage.Hidden;
import app.candor.message.PreviewPage.MessagePreview;
import app.candor.system.BusinessCalendar;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
import app.candor.system.TemplateExtensions;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The interview forms of the application page (the section itself is part of that page): preview
 * the candidate's confirmation, schedule, cancel. A refused form shows the application page again
 * with the errors beside the fields and what was typed.
 */
@Path("/applications/{id}/interviews")
@Produces(MediaType.TEXT_HTML)
public class InterviewPages {

    @Inject
    InterviewService interviews;

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

    /** Where a reload of a refused form's address leads: the application page, at its interviews. */
    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public Response section(@PathParam("id") long id) {
        return page.reload(id, ApplicationAction.INTERVIEW);
    }

    /** Shows the confirmation exactly as the candidate would get it; writes nothing. */
    @POST
    @Path("preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("id") long id, @RestForm String startsAt, @RestForm String durationMinutes,
                            @RestForm String kind, @RestForm String location,
                            @RestForm List<String> interviewerName, @RestForm List<String> interviewerTitle,
                            @RestForm List<String> interviewerUser, @RestForm List<String> interviewerEmail) {
        Form form = InterviewForm.of(startsAt, durationMinutes, kind, location, interviewerName, interviewerTitle, interviewerUser,
                interviewerEmail);
        try {
            User me = currentUser.get();
            InterviewInput input = InterviewForm.input(form, calendar.zone());
            Preview preview = interviews.preview(id, input, me);
            return Response.ok(previewPage(applications.view(id, me), form, input, preview)).build();
        } catch (ProblemException e) {
            return refused(id, form, e);
        }
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response schedule(@PathParam("id") long id, @RestForm String startsAt, @RestForm String durationMinutes,
                             @RestForm String kind, @RestForm String location,
                             @RestForm List<String> interviewerName, @RestForm List<String> interviewerTitle,
                             @RestForm List<String> interviewerUser, @RestForm List<String> interviewerEmail) {
        Form form = InterviewForm.of(startsAt, durationMinutes, kind, location, interviewerName, interviewerTitle, interviewerUser,
                interviewerEmail);
        try {
            InterviewView scheduled = interviews.schedule(id, InterviewForm.input(form, calendar.zone()), currentUser.get());
            return Flash.redirect("/applications/" + id, scheduled.kind().label + " interview scheduled for "
                    + TemplateExtensions.human(scheduled.startsAt()) + " (" + calendar.zone().getId()
                    + "); the candidate's confirmation shows in the timeline.");
        } catch (ProblemException e) {
            return refused(id, form, e);
        }
    }

    @POST
    @Path("{interviewId}/cancel")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id, @PathParam("interviewId") long interviewId) {
        User me = currentUser.get();
        // A cancellation has no form of its own: its refusal shows above the interviews, no form open.
        return FormRefusal.attempt(() -> {
            if (interviews.view(interviewId, me).applicationId() != id) {
                throw ProblemException.notFound("Interview", interviewId);
            }
            InterviewView cancelled = interviews.cancel(interviewId, me);
            return Flash.redirect("/applications/" + id, "Interview on " + TemplateExtensions.human(cancelled.startsAt()) + " ("
                    + calendar.zone().getId() + ") cancelled; a candidate still expecting it is told (see the timeline).");
        }, e -> page.withForm(id, null, Form.empty().fail(e)));
    }

    /**
     * Moves an interview (new time, duration, how or where; the same people): the candidate gets the new details and
     * their calendar moves the event. A refusal shows the page with the reason above the interviews.
     */
    @POST
    @Path("{interviewId}/move")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @PathParam("interviewId") long interviewId, @RestForm String startsAt,
                         @RestForm String durationMinutes, @RestForm String kind, @RestForm String location) {
        User me = currentUser.get();
        // As a cancellation: the refusal shows above the interviews, no form open.
        return FormRefusal.attempt(() -> {
            InterviewView current = interviews.view(interviewId, me);
            if (current.applicationId() != id) {
                throw ProblemException.notFound("Interview", interviewId);
            }
            Form form = Form.empty().with("startsAt", startsAt).with("durationMinutes", durationMinutes).with("kind", kind)
                    .with("location", location).with("rows", 0);
            InterviewInput typed = InterviewForm.input(form, calendar.zone());
            InterviewInput input = new InterviewInput(typed.startsAt(), typed.durationMinutes(), typed.kind(), typed.location(),
                    interviews.peopleOf(interviewId, me));
            InterviewView moved = interviews.reschedule(interviewId, input, me);
            return Flash.redirect("/applications/" + id, "Interview moved to " + TemplateExtensions.human(moved.startsAt()) + " ("
                    + calendar.zone().getId() + "); the candidate's new details and calendar update show in the timeline.");
        }, e -> page.withForm(id, null, Form.empty().fail(e)));
    }

    private Response refused(long id, Form form, ProblemException e) {
        return FormRefusal.reshow(e, () -> page.withForm(id, ApplicationAction.INTERVIEW, form.fail(InterviewForm.onRows(e, form))));
    }

    private TemplateInstance previewPage(ApplicationView view, Form form, InterviewInput input, Preview preview) {
        boolean phone = preview.channel() == Channel.PHONE;
        int minutes = input.durationMinutes() == null ? InterviewService.DEFAULT_MINUTES : input.durationMinutes();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("When", TemplateExtensions.human(input.startsAt().toInstant()) + " (" + calendar.zone().getId() + "), "
                + minutes + " minutes"));
        facts.add(new Fact("How", input.kind().label));
        if (form.value("location").isBlank()) {
            facts.add(new Fact("Where", "—"));
        } else {
            facts.add(new Fact(input.kind() == InterviewKind.VIDEO ? "Meeting link" : "Where", form.value("location").strip()));
        }
        facts.add(new Fact("With", input.interviewers().stream().map(p -> p.name().strip() + ", " + p.title().strip())
                .collect(Collectors.joining("; "))));
        facts.add(new Fact("Goes out", previews.goesOut(phone, null)));
        if (!phone) {
            facts.add(new Fact("Calendar", "an invitation (invite.ics) for the candidate"
                    + (input.interviewers().stream().anyMatch(p -> p.email() != null) ? " and the interviewers with an address" : "")
                    + ", organised by the requisition's recruiter"));
        }

        List<Hidden> hidden = new ArrayList<>(List.of(new Hidden("startsAt", form.value("startsAt")),
                new Hidden("durationMinutes", Integer.toString(minutes)), new Hidden("kind", input.kind().name()),
                new Hidden("location", form.value("location"))));
        for (InterviewInput.InterviewerInput p : input.interviewers()) {
            hidden.add(new Hidden("interviewerName", p.name()));
            hidden.add(new Hidden("interviewerTitle", p.title()));
            hidden.add(new Hidden("interviewerUser", p.userId() == null ? "" : p.userId().toString()));
            hidden.add(new Hidden("interviewerEmail", p.email() == null ? "" : p.email()));
        }
        long id = view.id();
        MessagePreview page = new MessagePreview("Interview confirmation for " + view.candidate().name(), facts, preview, null, hidden,
                null, "/applications/" + id + "/interviews", phone ? "Schedule and create call task" : "Schedule and send confirmation",
                null);
        return previews.render(view, page);
    }
}
