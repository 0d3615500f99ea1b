package app.candor.closure;

import app.candor.requisition.Requisition;
import app.candor.system.PageNumber;
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

import java.util.List;

/** The closure board page: what stands between each candidate and their answer, most urgent first. */
@Path("/board")
@Produces(MediaType.TEXT_HTML)
public class BoardPages {

    @Inject
    ClosureBoard board;

    @Inject
    ClosureStats stats;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        /**
         * {@code canAct}: the next actions are the recruiter's; an admin sees what they are, not links into recruiter pages.
         * {@code requisitions} and {@code recruiters}: the choices of the filter form.
         */
        static native TemplateInstance board(BoardView board, ClosureStatsView stats, boolean canAct, List<Requisition> requisitions,
                                             List<User> recruiters);
    }

    /** An unknown requisition or recruiter in the filter is answered with the plain error page (400), naming the field. */
    @GET
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    public TemplateInstance show(@QueryParam("scope") String scope, @QueryParam("page") String page,
                                 @QueryParam("requisition") String requisition, @QueryParam("recruiter") String recruiter) {
        User me = currentUser.get();
        BoardParams.Filter filter = BoardParams.Filter.parse(requisition, recruiter);
        BoardView view = board.view(me, BoardResource.scope(scope, filter, me), PageNumber.parse(page), filter);
        return Templates.board(view, stats.compute(me, null, view.scope()), me.isRecruiter(), Requisition.listVisible(me, false),
                User.listActiveWithRole(Role.RECRUITER));
    }
}
