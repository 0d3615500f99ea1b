package app.candor.closure;

import app.candor.system.PageNumber;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The closure board as JSON: the same page the recruiter sees at /board. */
@Path("/api/board")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Closure watch")
public class BoardResource {

    @Inject
    ClosureBoard board;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    @Operation(summary = "The closure board, one page",
            description = "Sections in order: overdue and chased, overdue, chased, due soon, feedback missing, calls to make, "
                    + "messages failed; each row with its next action(s). Sections follow one another across the pages.")
    public BoardView get(@Parameter(description = "mine (default for recruiters) or team (default for admins)") @QueryParam("scope") String scope,
                         @Parameter(description = "1 and up; the page size is candor.closure.board-page-size") @QueryParam("page") String page,
                         @Parameter(description = "only this requisition's rows (its id); an unknown id is refused") @QueryParam("requisition") String requisition,
                         @Parameter(description = "only this recruiter's requisitions (their user id; with another recruiter, scope team)")
                         @QueryParam("recruiter") String recruiter) {
        User me = currentUser.get();
        BoardParams.Filter filter = BoardParams.Filter.parse(requisition, recruiter);
        return board.view(me, scope(scope, filter, me), PageNumber.parse(page), filter);
    }

    /** Without a scope, a recruiter filter means the team's board (a colleague's rows are not in "mine"). */
    static BoardParams.Scope scope(String scope, BoardParams.Filter filter, User me) {
        return filter.recruiter() != null && (scope == null || scope.isBlank()) ? BoardParams.Scope.TEAM : BoardParams.Scope.parse(scope, me);
    }
}
