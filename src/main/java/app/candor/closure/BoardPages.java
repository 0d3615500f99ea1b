package app.candor.closure;

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
        /** {@code canAct}: the next actions are the recruiter's; an admin sees what they are, not links into recruiter pages. */
        static native TemplateInstance board(BoardView board, ClosureStatsView stats, boolean canAct);
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    public TemplateInstance show(@QueryParam("scope") String scope, @QueryParam("page") String page) {
        User me = currentUser.get();
        BoardView view = board.view(me, ClosureBoard.Scope.parse(scope, me), ClosureBoard.parsePage(page));
        return Templates.board(view, stats.compute(me, null, view.scope()), me.isRecruiter());
    }
}
