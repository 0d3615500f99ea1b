package app.candor.closure;

import app.candor.system.Form;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The closure statistics on a page of their own, with the chart tag ({@code tags/closureChart.html})
 * that the closure board shows too. Reads only; the choice of weeks and scope is a GET form.
 */
@Path("/board/stats")
@Produces(MediaType.TEXT_HTML)
public class ClosureStatsPage {

    @Inject
    ClosureStats stats;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance stats(ClosureStatsView stats, Form form);
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    public TemplateInstance show(@QueryParam("weeks") String weeks, @QueryParam("scope") String scope) {
        User viewer = currentUser.get();
        Form form = Form.empty().with("weeks", weeks).with("scope", scope);
        ClosureStatsView view;
        try {
            view = stats.compute(viewer, weeks, scope);
            form.with("weeks", view.weeks()).with("scope", view.scope());
        } catch (ProblemException e) {
            // Show what was asked for with the reason, and the defaults below it.
            form.fail(e);
            view = stats.compute(viewer, null, null);
        }
        return Templates.stats(view, form);
    }
}
