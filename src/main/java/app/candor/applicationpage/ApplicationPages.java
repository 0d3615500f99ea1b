package app.candor.applicationpage;

import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationPageForms;
import app.candor.application.ApplicationService;
import app.candor.system.Form;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * One application: who, where, what was promised, one timeline of everything that happened (newest first)
 * and, for recruiters, an action bar that opens one form at a time. {@code ?action=move} opens the move
 * form, so every action works without JavaScript; with it, htmx swaps the form in without a page load.
 * The forms post to their features' page classes, which show this page again through
 * {@link ApplicationPageForms} when they refuse.
 */
@Path("/applications")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class ApplicationPages implements ApplicationPageForms {

    @Inject
    ApplicationPageQuery query;

    @Inject
    CurrentUser currentUser;

    @Inject
    ApplicationService applications;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ApplicationPageView page);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public TemplateInstance show(@PathParam("id") long id, @QueryParam("action") String action, @QueryParam("cancel") Long cancel) {
        // cancel: an interview whose cancellation is asked to be confirmed (a link; nothing changes on GET)
        return Templates.show(query.load(id, currentUser.get(), ApplicationAction.parse(action).orElse(null), null, null, cancel));
    }

    @Override
    public TemplateInstance withForm(long applicationId, ApplicationAction action, Form refused) {
        // No action: a refusal that belongs to no form (cancelling an interview), shown above the timeline.
        return Templates.show(action == null ? query.load(applicationId, currentUser.get(), null, null, refused)
                : query.load(applicationId, currentUser.get(), action, refused, null));
    }

    @Override
    public Response reload(long applicationId, ApplicationAction action) {
        applications.view(applicationId, currentUser.get());
        return Response.seeOther(URI.create("/applications/" + applicationId + "?action=" + action.param + "#action-panel")).build();
    }
}
