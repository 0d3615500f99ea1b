package app.candor.application;

import app.candor.user.CurrentUser;
import app.candor.user.Role;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/api/requisitions/{requisitionId}/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications")
public class PipelineResource {

    @Inject
    ApplicationService applications;

    @Inject
    CurrentUser currentUser;

    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    @Operation(summary = "The requisition's pipeline", description = "Candidates grouped by stage, with days in stage and promised decision date.")
    public PipelineView pipeline(@PathParam("requisitionId") long requisitionId) {
        return applications.pipeline(requisitionId, currentUser.get());
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Attach an existing candidate", description = "409 when the candidate is already in the requisition.")
    public Response attach(@PathParam("requisitionId") long requisitionId, NewApplication input) {
        Application a = applications.attach(requisitionId, input, currentUser.get());
        return Response.created(URI.create("/api/applications/" + a.id)).entity(applications.view(a.id, currentUser.get())).build();
    }

    @Inject
    CsvImport csvImport;

    @POST
    @Path("import")
    @Consumes("text/csv")
    @RolesAllowed(Role.RECRUITER)
    @Operation(summary = "Bulk add candidates from CSV",
            description = "Header: first_name,last_name,email[,phone,preferred_channel,salutation,first_name_terms,language]. "
                    + "All or nothing: any bad row refuses the file with every problem listed by line number.")
    public CsvImport.Result importCsv(@PathParam("requisitionId") long requisitionId, String csv) {
        return csvImport.importCsv(requisitionId, csv, currentUser.get());
    }
}
