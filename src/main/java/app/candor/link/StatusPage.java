package app.candor.link;

import app.candor.system.ClientAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.Locale;

/** "See my status": where the candidate stands, in their language. Read-only; the token is the only key. */
@Path("/c/status")
@ApplicationScoped
public class StatusPage {

    @Inject
    CandidateAccess access;

    @Inject
    CandidateStatuses statuses;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance status(CandidateStatus status);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    public TemplateInstance show(@RestQuery("t") String token, @Context HttpServerRequest request) {
        CandidateLink link = access.open(token, LinkPurpose.STATUS, ClientAddress.of(request));
        CandidateStatus status = statuses.of(link.application);
        return Templates.status(status).setLocale(Locale.forLanguageTag(status.language()));
    }
}
