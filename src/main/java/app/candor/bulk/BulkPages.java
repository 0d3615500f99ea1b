package app.candor.bulk;

import app.candor.application.ApplicationService;
import app.candor.application.PipelineView;
import app.candor.application.Stage;
import app.candor.closure.OutcomeService;
import app.candor.closure.RejectionReason;
import app.candor.message.template.LetterTemplates;
import app.candor.requisition.RequisitionView;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
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

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bulk actions on a requisition's pipeline: the candidates selected there, what to do with them (reject, move,
 * delay), then one confirmation page listing each candidate's letter and how many go out; nothing is done before
 * the confirmation. A choice that is refused comes back with the choice form and its errors.
 */
@Path("/requisitions/{id}/bulk")
@Produces(MediaType.TEXT_HTML)
public class BulkPages {

    @Inject
    BulkActions bulk;

    @Inject
    ApplicationService applications;

    @Inject
    OutcomeService outcomes;

    @Inject
    CurrentUser currentUser;

    /** A candidate of the selection, for the choice form. */
    public record Selected(long id, String name, String stage) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(RequisitionView requisition, List<Selected> selected, Form form,
                                              List<BulkAction> actions, List<Stage> stages, List<RejectionReason> reasons,
                                              List<LetterTemplates.Choice> letters);

        static native TemplateInstance confirm(RequisitionView requisition, BulkAction action, BulkActions.Plan plan,
                                               Form form, List<Long> ids, String stageLabel);
    }

    /** Where a reload of the choice's address leads: back to the pipeline. */
    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public Response back(@PathParam("id") long id) {
        applications.pipeline(id, currentUser.get());
        return Response.seeOther(URI.create("/requisitions/" + id + "#pipeline")).build();
    }

    /** The selection from the pipeline, with the action chosen there (or not yet): the confirmation, or the choice again. */
    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@PathParam("id") long id, @RestForm List<String> application, @RestForm String action,
                           @RestForm String stage, @RestForm String tell, @RestForm String promisedDecisionDate,
                           @RestForm String reasonId, @RestForm String personalNote, @RestForm String chosen,
                           @RestForm String templateId) {
        // The rejection letter preselected: the requisition's or the kind's default, until one is chosen.
        Form form = form(action, stage, tell, promisedDecisionDate, reasonId, personalNote,
                templateId == null ? String.valueOf(outcomes.defaultRejectionLetter(id)) : templateId);
        List<Long> ids = ids(application);
        return FormRefusal.attempt(() -> {
            if (chosen == null && (action == null || action.isBlank())) {
                // From the pipeline without an action: the choice form, no errors yet.
                return Response.ok(choice(id, ids, form)).build();
            }
            BulkRequest request = request(ids, form);
            BulkActions.Plan plan = bulk.plan(id, request, currentUser.get());
            return Response.ok(Templates.confirm(requisition(id), request.action(), plan, form, ids,
                    request.stage() == null ? null : request.stage().label)).build();
        }, e -> choice(id, ids, form.fail(e)));
    }

    @POST
    @Path("confirm")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") long id, @RestForm List<String> application, @RestForm String action,
                            @RestForm String stage, @RestForm String tell, @RestForm String promisedDecisionDate,
                            @RestForm String reasonId, @RestForm String personalNote, @RestForm String templateId) {
        Form form = form(action, stage, tell, promisedDecisionDate, reasonId, personalNote, templateId);
        List<Long> ids = ids(application);
        return FormRefusal.attempt(() -> {
            BulkActions.Done done = bulk.apply(id, request(ids, form), currentUser.get());
            String message = done.done() + (done.done() == 1 ? " candidate" : " candidates") + " done; "
                    + done.letters() + (done.letters() == 1 ? " letter goes" : " letters go") + " out."
                    + (done.refused().isEmpty() ? "" : " Not done: " + String.join("; ", done.refused()));
            return Flash.redirect("/requisitions/" + id + "#pipeline", message);
        }, e -> choice(id, ids, form.fail(e)));
    }

    private TemplateInstance choice(long id, List<Long> ids, Form form) {
        PipelineView pipeline = applications.pipeline(id, currentUser.get());
        List<Selected> selected = new ArrayList<>();
        pipeline.stages().forEach(g -> g.applications().stream().filter(a -> ids.contains(a.id()))
                .forEach(a -> selected.add(new Selected(a.id(), a.candidateName(), g.stage().label))));
        return Templates.choose(pipeline.requisition(), selected, form, List.of(BulkAction.values()),
                BulkActions.MOVES, outcomes.reasons(), outcomes.rejectionLetters(null, id));
    }

    private RequisitionView requisition(long id) {
        return applications.pipeline(id, currentUser.get()).requisition();
    }

    private static Form form(String action, String stage, String tell, String date, String reasonId, String note, String templateId) {
        return Form.empty().with("action", action).with("stage", stage).with("tell", tell).with("promisedDecisionDate", date)
                .with("reasonId", reasonId).with("personalNote", note).with("templateId", templateId);
    }

    private static BulkRequest request(List<Long> ids, Form form) {
        return new BulkRequest(Form.enumValue("action", form.value("action"), BulkAction.class), ids,
                Form.enumValue("stage", form.value("stage"), Stage.class), form.checked("tell"), form.dateValue("promisedDecisionDate"),
                form.longValue("reasonId"), form.value("personalNote"), form.longValue("templateId"));
    }

    private static List<Long> ids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        try {
            return values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).map(Long::parseLong).distinct().toList();
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("application", "'" + Arrays.toString(values.toArray()) + "' are not application numbers");
        }
    }
}
