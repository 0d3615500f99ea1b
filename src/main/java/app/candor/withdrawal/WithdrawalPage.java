package app.candor.withdrawal;

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
 * "Withdraw in one click": GET shows the question (mail scanners open links, so it changes nothing);
 * the POST from the page acts. Works without JavaScript, in the candidate's language.
 */
@Path(WithdrawalPage.PAGE)
@ApplicationScoped
public class WithdrawalPage {

    static final String PAGE = "/c/withdraw";

    @Inject
    WithdrawalService withdrawals;

    /** What the candidate sent, to show the form again after a mistake. */
    public record Entered(String reason, String note, boolean all, String error) {
        static final Entered NONE = new Entered("", "", false, null);
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance withdraw(WithdrawalService.Page page, String token, List<Choice> reasons, Entered entered);
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance show(@RestQuery("t") String token, @Context HttpServerRequest request) {
        return page(withdrawals.page(token, ClientAddress.of(request)), token, Entered.NONE);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response withdraw(@RestForm("t") String token, @RestForm String reason, @RestForm String note, @RestForm String scope,
                             @RestForm String keep, @Context HttpServerRequest request) {
        String address = ClientAddress.of(request);
        WithdrawalService.Page page = withdrawals.page(token, address); // refuses a bad token before anything else is read
        CandidatePageWords words = CandidateStatuses.words(page.status().language());
        if ("yes".equals(keep)) {
            // "Keep my application": the way out, said plainly; nothing is written.
            return CandidateForms.backTo(PAGE, token, words.kept());
        }
        boolean all = "all".equals(scope);
        String trimmed = CandidateForms.note(note);
        WithdrawalReason chosen = null;
        String error = null;
        if (reason != null && !reason.isBlank()) {
            chosen = Arrays.stream(WithdrawalReason.values()).filter(r -> r.name().equals(reason)).findFirst().orElse(null);
            if (chosen == null) {
                error = words.unknownReason();
            }
        }
        if (CandidateForms.tooLong(trimmed)) {
            error = words.noteTooLong();
        }
        if (error != null) {
            Entered entered = new Entered(CandidateForms.asSent(reason), CandidateForms.asSent(note), all, error);
            return Response.status(400).entity(page(page, token, entered)).build();
        }
        WithdrawalService.Result result = withdrawals.withdraw(token, new WithdrawalInput(chosen, trimmed, all), address);
        String message = switch (result) {
            case WITHDRAWN_NOW -> words.withdrawnNow();
            case ALREADY_WITHDRAWN -> words.alreadyWithdrawn();
            case CLOSED -> words.nothingToWithdraw();
        };
        return CandidateForms.backTo(PAGE, token, message);
    }

    private static TemplateInstance page(WithdrawalService.Page page, String token, Entered entered) {
        CandidatePageWords w = CandidateStatuses.words(page.status().language());
        List<Choice> reasons = Arrays.stream(WithdrawalReason.values()).map(r -> new Choice(r.name(), switch (r) {
            case ACCEPTED_OTHER_OFFER -> w.reasonAcceptedOtherOffer();
            case CIRCUMSTANCES_CHANGED -> w.reasonCircumstancesChanged();
            case ROLE_NOT_RIGHT -> w.reasonRoleNotRight();
            case PROCESS_TOO_LONG -> w.reasonProcessTooLong();
            case PREFER_NOT_TO_SAY -> w.reasonPreferNotToSay();
            case OTHER -> w.reasonOther();
        })).toList();
        return CandidateForms.inLanguage(Templates.withdraw(page, token, reasons, entered), page.status().language());
    }
}
