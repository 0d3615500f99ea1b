package app.candor.requisition;

import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/requisitions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Requisitions")
public class RequisitionResource {

    @Inject
    RequisitionService requisitions;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "Requisitions visible to you", description = "Recruiters see all (mine=true: their own); hiring managers see those they manage.")
    public List<RequisitionView> list(@QueryParam("mine") boolean mine) {
        return requisitions.list(currentUser.get(), mine).stream().map(RequisitionView::of).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Transactional
    public RequisitionView get(@PathParam("id") long id) {
        return Requisition.findVisible(id, currentUser.get()).map(RequisitionView::of)
                .orElseThrow(() -> ProblemException.notFound("Requisition", id));
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Create a requisition", description = "Without recruiterId, you are its recruiter.")
    public Response create(RequisitionInput input) {
        Requisition r = requisitions.create(input, currentUser.get());
        return Response.created(URI.create("/api/requisitions/" + r.id)).entity(RequisitionView.of(r)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Change title, recruiter or hiring manager")
    public RequisitionView update(@PathParam("id") long id, RequisitionInput input) {
        return RequisitionView.of(requisitions.update(id, input, currentUser.get()));
    }
}
