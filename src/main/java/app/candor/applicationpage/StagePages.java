package app.candor.applicationpage;

import app.candor.application.Application;
import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationPageForms;
import app.candor.application.ApplicationService;
import app.candor.application.ApplicationView;
import app.candor.application.ClosureWatch;
import app.candor.application.MoveInput;
import app.candor.application.Stage;
import app.candor.application.ToldInput;
import app.candor.candidate.Channel;
import app.candor.closure.StageMoveService;
import app.candor.message.Preview;
import app.candor.message.PreviewPage;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
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

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The application page's own forms: move to another stage, record how the candidate was told, add a
 * note. A refused form shows the application page again with that form open.
 */
@Path("/applications/{id}")
@Produces(MediaType.TEXT_HTML)
public class StagePages {

    /** Stages that tell the candidate: reached through the outcome form (preview, then send), never by a plain move. */
    public static final Set<Stage> TOLD_BY_OUTCOME = Set.of(Stage.OFFER, Stage.REJECTED);

    @Inject
    ApplicationService applications;

    @Inject
    StageMoveService moves;

    @Inject
    CurrentUser currentUser;

    @Inject
    ApplicationPageForms page;

    @Inject
    PreviewPage previews;

    /** Where a reload of a refused move's address leads. */
    @GET
    @Path("stage")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public Response moveForm(@PathParam("id") long id) {
        return page.reload(id, ApplicationAction.MOVE);
    }

    @POST
    @Path("stage")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @RestForm String stage, @RestForm String promisedDecisionDate, @RestForm String note,
                         @RestForm String toldHow, @RestForm String tell, @RestForm String personalNote, @RestForm String previewedNote,
                         @RestForm String from) {
        Form form = Form.empty().with("stage", stage).with("promisedDecisionDate", promisedDecisionDate).with("note", note)
                .with("toldHow", toldHow).with("tell", tell).with("personalNote", personalNote);
        return FormRefusal.attempt(() -> {
            Stage target = Form.enumValue("stage", stage, Stage.class);
            if (target == null) {
                throw ProblemException.invalidField("stage", "choose the stage to move to");
            }
            if (TOLD_BY_OUTCOME.contains(target)) {
                throw ProblemException.invalidField("stage", "an offer or a rejection goes through \u201cRecord outcome\u201d,"
                        + " which tells the candidate");
            }
            ClosureWatch.ToldHow how = Form.enumValue("told", toldHow, ClosureWatch.ToldHow.class);
            ToldInput told = how == null || !target.isTerminal() ? null : new ToldInput(how, null, InputValidator.clean(note));
            MoveInput input = new MoveInput(target, note, form.dateValue("promisedDecisionDate"), told, form.checked("tell"), personalNote);
            // Telling the candidate: the letter is shown first; what goes out is what was seen (the note as previewed).
            if (input.tells() && (previewedNote == null || !PreviewPage.previewed(personalNote, previewedNote))) {
                Preview preview = moves.preview(id, input, currentUser.get());
                return Response.ok(previewPage(id, form, input, preview, previewedNote == null ? null : PreviewPage.NOTE_CHANGED)).build();
            }
            StageMoveService.Moved moved = moves.move(id, input, currentUser.get());
            // The pipeline's "next stage" buttons come back to the pipeline, at the card's new column.
            String back = "pipeline".equals(from) ? "/requisitions/" + moved.application().requisition.id + "#stage-" + target.name()
                    : "/applications/" + id;
            return Flash.redirect(back, moved.application().candidate.displayName() + ": " + moved(moved.application())
                    + (moved.letter() == null ? "" : " " + previews.told(moved.letter(), "Stage update")));
        }, e -> page.withForm(id, ApplicationAction.MOVE, form.fail(e)));
    }

    private TemplateInstance previewPage(long id, Form form, MoveInput input, Preview preview, String notice) {
        ApplicationView view = applications.view(id, currentUser.get());
        boolean phone = preview.channel() == Channel.PHONE;
        LocalDate promise = applications.promiseFor(input.stage(), input.promisedDecisionDate());
        List<PreviewPage.Fact> facts = List.of(
                new PreviewPage.Fact("Move", view.stage().label + " \u2192 " + input.stage().label),
                new PreviewPage.Fact("Decision promised by", TemplateExtensions.human(promise)),
                new PreviewPage.Fact("Goes out", previews.goesOut(phone, null)));
        List<PreviewPage.Hidden> hidden = List.of(new PreviewPage.Hidden("stage", input.stage().name()),
                new PreviewPage.Hidden("promisedDecisionDate", form.value("promisedDecisionDate")),
                new PreviewPage.Hidden("note", form.value("note")), new PreviewPage.Hidden("toldHow", ""),
                new PreviewPage.Hidden("tell", "on"));
        PreviewPage.MessagePreview page = new PreviewPage.MessagePreview("Stage update for " + view.candidate().name(), facts, preview,
                form.value("personalNote"), hidden, "/applications/" + id + "/stage/preview", "/applications/" + id + "/stage",
                phone ? "Move and create call task" : "Move and send", notice);
        return previews.render(view, page);
    }

    /** The stage update a move would send, again (the personal note changed on the preview page); writes nothing. */
    @POST
    @Path("stage/preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewMove(@PathParam("id") long id, @RestForm String stage, @RestForm String promisedDecisionDate,
                                @RestForm String note, @RestForm String personalNote) {
        Form form = Form.empty().with("stage", stage).with("promisedDecisionDate", promisedDecisionDate).with("note", note)
                .with("tell", "on").with("personalNote", personalNote);
        return FormRefusal.attempt(() -> {
            MoveInput input = new MoveInput(Form.enumValue("stage", stage, Stage.class), note, form.dateValue("promisedDecisionDate"),
                    null, true, personalNote);
            return Response.ok(previewPage(id, form, input, moves.preview(id, input, currentUser.get()), null)).build();
        }, e -> page.withForm(id, ApplicationAction.MOVE, form.fail(e)));
    }

    /** The flash after a move: where it is now and what was promised. */
    static String moved(Application a) {
        return "Moved to " + a.stage.label + (a.promisedDecisionDate == null ? "."
                : "; decision promised by " + TemplateExtensions.human(a.promisedDecisionDate) + ".");
    }

    /** The candidate was told outside Candor's letters (a plain move to a final stage): recorded, which closes their promise. */
    @POST
    @Path("told")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response told(@PathParam("id") long id, @RestForm String how, @RestForm String note) {
        Form form = Form.empty().with("how", how).with("note", note);
        return FormRefusal.attempt(() -> {
            ClosureWatch.ToldHow told = Form.enumValue("how", how, ClosureWatch.ToldHow.class);
            if (told == null) {
                throw ProblemException.invalidField("how", "choose how the candidate was told");
            }
            applications.recordTold(id, new ToldInput(told, null, note), currentUser.get());
            return Flash.redirect("/applications/" + id, "Recorded: the candidate was told " + told.label + ".");
        }, e -> page.withForm(id, ApplicationAction.TOLD, form.fail(e)));
    }

    /** A note for the team in the application's timeline; the candidate never sees it. */
    @POST
    @Path("notes")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response note(@PathParam("id") long id, @RestForm String note) {
        Form form = Form.empty().with("note", note);
        return FormRefusal.attempt(() -> {
            applications.addNote(id, note, currentUser.get());
            return Flash.redirect("/applications/" + id, "Note added to the timeline.");
        }, e -> page.withForm(id, ApplicationAction.NOTE, form.fail(e)));
    }
}
