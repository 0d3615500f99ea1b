package app.candor.feedback;

import app.candor.link.CandidateForms;
import app.candor.link.CandidatePageWords;
import app.candor.link.CandidateStatuses;
import app.candor.system.ClientAddress;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;


/** "Ask for feedback": GET shows the question, the POST from the page records the request. */
@Path(FeedbackRequestPage.PAGE)
@ApplicationScoped
public class FeedbackRequestPage {

    static final String PAGE = "/c/feedback";

    @Inject
    FeedbackRequestService requests;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance feedback(FeedbackRequestService.Page page, String token);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery("t") String token, @Context HttpServerRequest request) {
        FeedbackRequestService.Page page = requests.page(token, ClientAddress.of(request));
        return CandidateForms.inLanguage(Templates.feedback(page, token), page.status().language());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response ask(@RestForm("t") String token, @Context HttpServerRequest request) {
        String address = ClientAddress.of(request);
        FeedbackRequestService.Result result = requests.ask(token, address);
        FeedbackRequestService.Page page = requests.page(token, address);
        CandidatePageWords words = CandidateStatuses.words(page.status().language());
        String message = switch (result) {
            case RECORDED -> words.feedbackRecorded(page.status().contact().name());
            case ALREADY_ASKED -> words.feedbackAlready(page.askedOn());
            case NOT_AVAILABLE -> words.feedbackNotAvailable();
        };
        return CandidateForms.backTo(PAGE, token, message);
    }
}
