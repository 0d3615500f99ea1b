package app.candor.candidatepage;

import app.candor.application.Application;
import app.candor.candidate.Candidate;
import app.candor.candidate.CandidateInput;
import app.candor.candidate.CandidateService;
import app.candor.system.ProblemException;
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

/**
 * Candidates as people, across requisitions: recruiters only (a hiring manager meets candidates
 * through their own requisitions). Lives beside applications because a candidate's view lists them.
 */
@Path("/api/candidates")
@RolesAllowed(Role.RECRUITER)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Candidates")
public class CandidateResource {

    @Inject
    CandidateService candidates;

    @GET
    @Transactional
    @Operation(summary = "Search candidates by name or e-mail (at most 200)")
    public List<CandidateView> search(@QueryParam("q") String q) {
        return candidates.search(q).stream().map(c -> CandidateView.of(c, List.of())).toList();
    }

    @GET
    @Path("{id}")
    @Transactional
    public CandidateView get(@PathParam("id") long id) {
        Candidate c = candidates.find(id).orElseThrow(() -> ProblemException.notFound("Candidate", id));
        return viewWithApplications(c);
    }

    @POST
    @Operation(summary = "Create a candidate", description = "409 when a candidate with the same e-mail exists.")
    public Response create(CandidateInput input) {
        Candidate c = candidates.create(input);
        return Response.created(URI.create("/api/candidates/" + c.id)).entity(CandidateView.of(c, List.of())).build();
    }

    @PUT
    @Path("{id}")
    @Transactional
    public CandidateView update(@PathParam("id") long id, CandidateInput input) {
        return viewWithApplications(candidates.update(id, input));
    }

    static CandidateView viewWithApplications(Candidate c) {
        return CandidateView.of(c, Application.listByCandidate(c).stream()
                .map(a -> new CandidateView.ApplicationRef(a.id, a.requisition.id, a.requisition.title, a.stage.name(), a.stage.label,
                        a.promisedDecisionDate))
                .toList());
    }
}
