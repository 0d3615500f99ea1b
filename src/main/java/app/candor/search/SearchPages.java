package app.candor.search;

import app.candor.application.Application;
import app.candor.application.ApplicationView;
import app.candor.application.Stage;
import app.candor.candidate.Candidate;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.LocalDate;
import java.util.List;

/** The header's search: candidates by name or e-mail, each application with its stage and its promise. */
@Path("/search")
@Produces(MediaType.TEXT_HTML)
public class SearchPages {

    /** At most this many candidates: a search that finds more wants more letters. */
    static final int LIMIT = 50;

    @Inject
    CurrentUser currentUser;

    @Inject
    Searcher searcher;

    /** One application of a candidate found. */
    public record Hit(long applicationId, String candidateName, String email, String requisition, Stage stage, LocalDate promise) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance results(String q, List<Hit> hits, boolean more);
    }

    @GET
    @RolesAllowed(Role.RECRUITER)
    public TemplateInstance search(@QueryParam("q") String q) {
        String text = q == null ? "" : q.strip();
        List<Hit> hits = text.isEmpty() ? List.of() : searcher.find(text, currentUser.get());
        return Templates.results(text, hits, hits.size() >= LIMIT);
    }

    /** The read, in one transaction. */
    @ApplicationScoped
    public static class Searcher {
        @Transactional
        public List<Hit> find(String text, User viewer) {
            return Candidate.search(text, LIMIT).stream()
                    .flatMap(c -> Application.listByCandidate(c).stream()
                            .filter(a -> a.requisition.isVisibleTo(viewer))
                            .map(a -> new Hit(a.id, c.displayName(), c.email, a.requisition.title, a.stage, a.promisedDecisionDate)))
                    .toList();
        }
    }
}
