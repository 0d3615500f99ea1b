package app.candor.requisitionpage;

import app.candor.application.Application;
import app.candor.application.ApplicationService;
import app.candor.application.CsvImport;
import app.candor.application.PipelineFilter;
import app.candor.application.PipelineView;
import app.candor.application.Stage;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.Channel;
import app.candor.closure.RoleNoticeService;
import app.candor.closure.StatusChangeInput;
import app.candor.feedback.InterviewFeedback;
import app.candor.feedback.InterviewFeedbackDue;
import app.candor.interview.Interview;
import app.candor.message.Message;
import app.candor.message.Preview;
import app.candor.requisition.RejectionLetters;
import app.candor.requisition.Requisition;
import app.candor.requisition.RequisitionInput;
import app.candor.requisition.RequisitionService;
import app.candor.requisition.RequisitionStatus;
import app.candor.requisition.RequisitionView;
import app.candor.system.CandorConfig;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Requisition pages: the list, the form, and the pipeline with adding candidates one by one or by CSV. */
@Path("/requisitions")
@Produces(MediaType.TEXT_HTML)
public class RequisitionPages {

    @Inject
    RequisitionService requisitions;

    @Inject
    ApplicationService applications;

    @Inject
    CsvImport csvImport;

    @Inject
    CurrentUser currentUser;

    @Inject
    CandorConfig config;

    @Inject
    RoleNoticeService roleNotices;

    /** A status a requisition may change to from where it is, as the form offers it. */
    public record StatusOption(RequisitionStatus status, String label, String consequence) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Requisition> requisitions, Map<Long, Long> openCounts, boolean all, boolean recruiter,
                                            List<Message> attention, List<InterviewFeedbackDue.Missing> feedbackMissing,
                                            List<Interview> upcoming);

        static native TemplateInstance form(Long id, Form form, List<User> recruiters, List<User> hiringManagers,
                                            List<RejectionLetters.Option> rejectionLetters);

        static native TemplateInstance pipeline(PipelineView pipeline, boolean recruiter, Form candidateForm, Form importForm,
                                                List<Channel> channels, List<String> languages, List<StatusOption> statusOptions,
                                                Form statusForm, PipelineFilter filter, List<Stage> filterStages,
                                                List<PipelineFilter.Attention> attentions);

        static native TemplateInstance statusPreview(RequisitionView requisition, StatusOption target, Preview preview, String note);
    }

    @Inject
    InterviewFeedbackDue feedbackDue;

    @Inject
    Clock clock;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Transactional
    public TemplateInstance list(@QueryParam("all") boolean all) {
        User me = currentUser.get();
        boolean onlyMine = me.isRecruiter() && !all;
        return Templates.list(requisitions.list(me, onlyMine), Application.countOpenByRequisition(), !onlyMine, me.isRecruiter(),
                me.isRecruiter() ? Message.listNeedingAttention(me) : List.of(),
                me.isRecruiter() ? feedbackDue.missingFor(me) : List.of(),
                me.isHiringManager() ? InterviewFeedback.listUpcomingInterviewsFor(me, clock.instant()) : List.of());
    }

    @GET
    @Path("new")
    @RolesAllowed(Role.RECRUITER)
    @Transactional
    public TemplateInstance newForm() {
        return form(null, Form.empty().with("recruiterId", currentUser.get().id).with("debriefEnabled", true));
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String title, @RestForm String recruiterId, @RestForm String hiringManagerId,
                           @RestForm String debriefEnabled, @RestForm String rejectionTemplateId) {
        Form form = Form.empty().with("title", title).with("recruiterId", recruiterId).with("hiringManagerId", hiringManagerId)
                .with("debriefEnabled", "true".equals(debriefEnabled)).with("rejectionTemplateId", rejectionTemplateId);
        try {
            Requisition r = requisitions.create(new RequisitionInput(title, form.longValue("recruiterId"), form.longValue("hiringManagerId"),
                            form.checked("debriefEnabled"), form.longValue("rejectionTemplateId")),
                    currentUser.get());
            return Flash.redirect("/requisitions/" + r.id, "Requisition \u201c" + r.title + "\u201d created.");
        } catch (ProblemException e) {
            return Response.status(e.status).entity(form(null, form.fail(e))).build();
        }
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("stage") String stage, @QueryParam("attention") String attention) {
        PipelineFilter filter = PipelineFilter.parse(stage, attention); // unknown values: the plain error page, 400
        return pipeline(id, Form.empty().with("preferredChannel", Channel.EMAIL).with("language", config.languages().get(0)), Form.empty(),
                Form.empty(), filter);
    }

    @GET
    @Path("{id}/edit")
    @RolesAllowed(Role.RECRUITER)
    @Transactional
    public TemplateInstance editForm(@PathParam("id") long id) {
        Requisition r = Requisition.findVisible(id, currentUser.get()).orElseThrow(() -> ProblemException.notFound("Requisition", id));
        return form(id, Form.empty().with("title", r.title).with("recruiterId", r.recruiter.id).with("hiringManagerId", r.hiringManager.id)
                .with("debriefEnabled", r.debriefEnabled).with("rejectionTemplateId", r.rejectionTemplateId == null ? 0 : r.rejectionTemplateId));
    }

    @POST
    @Path("{id}")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response update(@PathParam("id") long id, @RestForm String title, @RestForm String recruiterId,
                           @RestForm String hiringManagerId, @RestForm String debriefEnabled, @RestForm String rejectionTemplateId) {
        // The form always shows the checkbox: not sent means unticked. The rejection letter is shown only when there are
        // named rejection templates: not sent keeps it.
        Form form = Form.empty().with("title", title).with("recruiterId", recruiterId).with("hiringManagerId", hiringManagerId)
                .with("debriefEnabled", "true".equals(debriefEnabled)).with("rejectionTemplateId", rejectionTemplateId);
        return FormRefusal.attempt(() -> {
            requisitions.update(id, new RequisitionInput(title, form.longValue("recruiterId"), form.longValue("hiringManagerId"),
                            form.checked("debriefEnabled"), form.longValue("rejectionTemplateId")),
                    currentUser.get());
            return Flash.redirect("/requisitions/" + id, "Requisition saved.");
        }, e -> form(id, form.fail(e)));
    }

    @POST
    @Path("{id}/candidates")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addCandidate(@PathParam("id") long id, @RestForm String salutation, @RestForm String firstName,
                                 @RestForm String lastName, @RestForm String firstNameTerms, @RestForm String email,
                                 @RestForm String phone, @RestForm String preferredChannel, @RestForm String language) {
        Form form = Form.empty().with("salutation", salutation).with("firstName", firstName).with("lastName", lastName)
                .with("firstNameTerms", firstNameTerms).with("email", email).with("phone", phone)
                .with("preferredChannel", preferredChannel).with("language", language);
        return FormRefusal.attempt(() -> {
            CandidateInput input = new CandidateInput(salutation, firstName, lastName, form.checked("firstNameTerms"), email, phone,
                    Form.enumValue("preferredChannel", preferredChannel, Channel.class), language);
            ApplicationService.Added added = applications.addCandidate(id, input, currentUser.get());
            String who = (firstName == null ? "" : firstName.strip()) + " " + (lastName == null ? "" : lastName.strip());
            return Flash.redirect("/requisitions/" + id, added.newCandidate()
                    ? who.strip() + " added."
                    : "An existing candidate with " + added.application().candidate.email + " was added; their details were kept as they were.");
        }, e -> pipeline(id, form.fail(e), Form.empty()));
    }

    @POST
    @Path("{id}/import")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response importCsv(@PathParam("id") long id, @RestForm("file") FileUpload file) {
        return FormRefusal.attempt(() -> {
            if (file == null || file.fileName() == null || file.fileName().isBlank()) {
                throw ProblemException.invalidField("file", "choose a CSV file to upload");
            }
            String csv;
            try {
                csv = Files.readString(file.uploadedFile(), StandardCharsets.UTF_8);
            } catch (IOException | UncheckedIOException e) {
                throw ProblemException.invalidField("file", "could not be read as UTF-8 text; save it as CSV (UTF-8)");
            }
            CsvImport.Result result = csvImport.importCsv(id, csv, currentUser.get());
            return Flash.redirect("/requisitions/" + id, result.imported() + " candidates imported ("
                    + result.newCandidates() + " new, " + result.existingCandidates() + " already known).");
        }, e -> pipeline(id, Form.empty().with("preferredChannel", Channel.EMAIL)
                .with("language", config.languages().get(0)), Form.empty().fail(e)));
    }

    /** Shows how many candidates would be told of the status change, and the notice they get; writes nothing. */
    @POST
    @Path("{id}/status/preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewStatus(@PathParam("id") long id, @RestForm String status, @RestForm String note) {
        Form form = Form.empty().with("status", status).with("note", note);
        return FormRefusal.attempt(() -> {
            StatusChangeInput input = new StatusChangeInput(Form.enumValue("status", status, RequisitionStatus.class), note);
            User me = currentUser.get();
            Preview preview = roleNotices.preview(id, input, me);
            RequisitionView requisition = QuarkusTransaction.joiningExisting().call(() -> Requisition.findVisible(id, me)
                    .map(RequisitionView::of).orElseThrow(() -> ProblemException.notFound("Requisition", id)));
            return Response.ok(Templates.statusPreview(requisition, option(input.status(), preview.recipients()), preview, form.value("note")))
                    .build();
        }, e -> pipeline(id, defaultCandidateForm(), Form.empty(), form.fail(e)));
    }

    @POST
    @Path("{id}/status")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeStatus(@PathParam("id") long id, @RestForm String status, @RestForm String note) {
        Form form = Form.empty().with("status", status).with("note", note);
        return FormRefusal.attempt(() -> {
            RoleNoticeService.Result result = roleNotices.change(id, new StatusChangeInput(Form.enumValue("status", status, RequisitionStatus.class), note), currentUser.get());
            int n = result.notices();
            String candidates = n + (n == 1 ? " candidate" : " candidates");
            String flash = switch (result.requisition().status()) {
                case ON_HOLD -> "Requisition put on hold; " + candidates + " notified.";
                case CANCELLED -> "Requisition cancelled; " + candidates + " notified.";
                case FILLED -> "Role filled: " + candidates + " will be told.";
                case OPEN -> "Role reopened: " + candidates + " will be told their new date.";
            };
            return Flash.redirect("/requisitions/" + id, flash);
        }, e -> pipeline(id, defaultCandidateForm(), Form.empty(), form.fail(e)));
    }

    private TemplateInstance pipeline(long id, Form candidateForm, Form importForm) {
        return pipeline(id, candidateForm, importForm, Form.empty());
    }

    private TemplateInstance pipeline(long id, Form candidateForm, Form importForm, Form statusForm) {
        return pipeline(id, candidateForm, importForm, statusForm, PipelineFilter.NONE);
    }

    private TemplateInstance pipeline(long id, Form candidateForm, Form importForm, Form statusForm, PipelineFilter filter) {
        User me = currentUser.get();
        PipelineView view = applications.pipeline(id, me);
        long open = view.stages().stream().filter(g -> !g.stage().isTerminal()).mapToLong(g -> g.applications().size()).sum();
        List<StatusOption> options = switch (view.requisition().status()) {
            case OPEN -> List.of(option(RequisitionStatus.ON_HOLD, open), option(RequisitionStatus.FILLED, open),
                    option(RequisitionStatus.CANCELLED, open));
            case ON_HOLD -> List.of(option(RequisitionStatus.OPEN, QuarkusTransaction.joiningExisting()
                            .call(() -> Application.countSuspendedInPipeline(id))),
                    option(RequisitionStatus.FILLED, open), option(RequisitionStatus.CANCELLED, open));
            case CANCELLED, FILLED -> List.of();
        };
        return Templates.pipeline(view.filtered(filter), me.isRecruiter(), candidateForm, importForm, List.of(Channel.values()), config.languages(),
                options, statusForm, filter, Stage.pipeline(),
                List.of(PipelineFilter.Attention.values()));
    }

    private Form defaultCandidateForm() {
        return Form.empty().with("preferredChannel", Channel.EMAIL).with("language", config.languages().get(0));
    }

    /** How the form and the preview describe a status change that concerns {@code candidates} candidates. */
    static StatusOption option(RequisitionStatus status, long candidates) {
        String them = candidates == 1 ? "the 1 remaining candidate" : "the " + candidates + " remaining candidates";
        return switch (status) {
            case ON_HOLD -> new StatusOption(status, "Put on hold",
                    "Every candidate still in the pipeline is told the role is on hold. Their applications stay open; "
                            + "their promised dates are paused until the role reopens.");
            case CANCELLED -> new StatusOption(status, "Cancel the role",
                    "Every candidate still in the pipeline is told the role was cancelled, and their applications close as Role closed. Final.");
            case FILLED -> new StatusOption(status, "Mark as filled",
                    "Sends a kind rejection (\u201cthe position has been filled\u201d) to " + them
                            + " still in the pipeline, and closes their applications as Rejected. Hired candidates are not touched. Final.");
            case OPEN -> new StatusOption(status, "Reopen",
                    "The requisition takes candidates again. " + (candidates == 1 ? "The 1 candidate on hold gets"
                            : "The " + candidates + " candidates on hold get") + " a fresh promised date (their stage\u2019s default from today) and a letter saying the role is open again.");
        };
    }

    private TemplateInstance form(Long id, Form form) {
        return Templates.form(id, form, User.listActiveWithRole(Role.RECRUITER), User.listActiveWithRole(Role.HIRING_MANAGER),
                requisitions.rejectionLetters());
    }
}
