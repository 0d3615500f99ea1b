package app.candor.debrief;

import app.candor.interview.HowItWent;
import app.candor.link.CandidateForms;
import app.candor.link.CandidateForms.Choice;
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

import java.util.Arrays;
import java.util.List;

/**
 * "How did the interview go?": GET shows the two questions (mail scanners open links, so it changes
 * nothing); the POST from the page records the answer once. Works without JavaScript, in the
 * candidate's language.
 */
@Path(DebriefPage.PAGE)
@ApplicationScoped
public class DebriefPage {

    static final String PAGE = "/c/debrief";

    @Inject
    DebriefService debriefs;

    /** What the candidate sent, to show the form again after a mistake. */
    public record Entered(String howItWent, String interested, String note, String error) {
        static final Entered NONE = new Entered("", "", "", null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance debrief(DebriefService.Page page, String token, List<Choice> options, Entered entered);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery("t") String token, @Context HttpServerRequest request) {
        return page(debriefs.page(token, ClientAddress.of(request)), token, Entered.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(@RestForm("t") String token, @RestForm String howItWent, @RestForm String interested, @RestForm String note,
                           @Context HttpServerRequest request) {
        String address = ClientAddress.of(request);
        DebriefService.Page page = debriefs.page(token, address); // refuses a bad token before anything else is read
        CandidatePageWords words = CandidateStatuses.words(page.status().language());
        if (page.answered()) {
            return CandidateForms.backTo(PAGE, token, words.debriefAlready());
        }
        String trimmed = CandidateForms.note(note);
        HowItWent chosen = Arrays.stream(HowItWent.values()).filter(h -> h.name().equals(howItWent)).findFirst().orElse(null);
        String error = null;
        if (chosen == null || !("yes".equals(interested) || "no".equals(interested))) {
            error = words.debriefChooseBoth();
        } else if (CandidateForms.tooLong(trimmed)) {
            error = words.noteTooLong();
        }
        if (error != null) {
            Entered entered = new Entered(CandidateForms.asSent(howItWent), CandidateForms.asSent(interested), CandidateForms.asSent(note), error);
            return Response.status(400).entity(page(page, token, entered)).build();
        }
        DebriefService.Result result = debriefs.answer(token, new DebriefService.Answer(chosen, "yes".equals(interested), trimmed), address);
        String message = switch (result) {
            case RECORDED -> words.debriefRecorded(page.status().contact().name());
            case ALREADY_ANSWERED -> words.debriefAlready();
        };
        return CandidateForms.backTo(PAGE, token, message);
    }

    private static TemplateInstance page(DebriefService.Page page, String token, Entered entered) {
        CandidatePageWords w = CandidateStatuses.words(page.status().language());
        List<Choice> options = Arrays.stream(HowItWent.values()).map(h -> new Choice(h.name(), switch (h) {
            case GREAT -> w.debriefGreat();
            case GOOD -> w.debriefGood();
            case MIXED -> w.debriefMixed();
            case POOR -> w.debriefPoor();
        })).toList();
        return CandidateForms.inLanguage(Templates.debrief(page, token, options, entered), page.status().language());
    }
}
