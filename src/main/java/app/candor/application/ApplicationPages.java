package app.candor.application;

import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
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

import java.time.LocalDate;
import java.util.List;

/** One application: who, where, what was promised, the history, and (for recruiters) the move form. */
@Path("/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    @Inject
    ApplicationService applications;

    @Inject
    PromisePolicy promises;

    @Inject
    CurrentUser currentUser;

    /** A stage the application may move to, with the date promised if the recruiter picks none. */
    public record Target(Stage stage, LocalDate defaultPromise) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ApplicationView application, boolean recruiter, List<Target> targets, Form form);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, Form.empty());
    }

    @POST
    @Path("{id}/stage")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @RestForm String stage, @RestForm String promisedDecisionDate, @RestForm String note) {
        Form form = Form.empty().with("stage", stage).with("promisedDecisionDate", promisedDecisionDate).with("note", note);
        try {
            Stage target = parseStage(stage);
            Application a = applications.move(id, new MoveInput(target, note, form.dateValue("promisedDecisionDate")), currentUser.get());
            String message = "Moved to " + a.stage.label + (a.promisedDecisionDate == null ? "."
                    : "; decision promised by " + a.promisedDecisionDate + ".");
            return Flash.redirect("/applications/" + id, message);
        } catch (ProblemException e) {
            if (e.status == 404) {
                throw e;
            }
            return Response.status(e.status).entity(page(id, form.fail(e))).build();
        }
    }

    private TemplateInstance page(long id, Form form) {
        User me = currentUser.get();
        ApplicationView view = applications.view(id, me);
        List<Target> targets = view.allowedMoves().stream().map(s -> new Target(s, promises.defaultFor(s))).toList();
        return Templates.show(view, me.isRecruiter(), targets, form);
    }

    private static Stage parseStage(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField("stage", "choose the stage to move to");
        }
        try {
            return Stage.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("stage", "'" + value + "' is not a stage");
        }
    }
}
