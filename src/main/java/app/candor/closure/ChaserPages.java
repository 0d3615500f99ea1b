package app.candor.closure;

import app.candor.application.ApplicationAction;
import app.candor.application.ApplicationPageForms;
import app.candor.candidate.Channel;
import app.candor.system.BusinessCalendar;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.PageNumber;
import app.candor.system.ProblemException;
import app.candor.system.TemplateExtensions;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
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
import org.jboss.resteasy.reactive.RestForm;

import java.time.OffsetDateTime;

/**
 * The chaser forms of the application page (the section itself is part of that page): log that the
 * candidate chased, mark the waiting chasers answered. A refused form shows the application page again
 * with the errors and what was typed. "Answered" is also a button on the closure board, which it
 * returns to.
 */
@Path("/applications/{id}/chasers")
@Produces(MediaType.TEXT_HTML)
public class ChaserPages {

    @Inject
    ChaserService chasers;

    @Inject
    ApplicationPageForms page;

    @Inject
    CurrentUser currentUser;

    @Inject
    BusinessCalendar calendar;

    /** Where a reload of a refused form's address leads: the application page, at its chasers. */
    @GET
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public Response section(@PathParam("id") long id) {
        return page.reload(id, ApplicationAction.CHASER);
    }

    @POST
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response log(@PathParam("id") long id, @RestForm String channel, @RestForm String receivedAt, @RestForm String note) {
        Form form = Form.empty().with("channel", channel).with("receivedAt", receivedAt).with("note", note);
        return FormRefusal.attempt(() -> {
            Channel how = Form.enumValue("channel", channel, Channel.class);
            OffsetDateTime at = form.dateTimeValue("receivedAt", calendar.zone());
            Chaser c = chasers.log(id, new ChaserInput(how, note, at), currentUser.get());
            return Flash.redirect("/applications/" + id + "#chasers", "Chaser logged (" + (c.channel == Channel.PHONE ? "a call" : "an e-mail")
                    + ", " + TemplateExtensions.human(c.receivedAt) + "). It waits for a reply until your next letter to the candidate,"
                    + " or until you mark it answered.");
        }, e -> page.withForm(id, ApplicationAction.CHASER, form.fail(e)));
    }

    /** The candidate was called back. From the board ({@code from=board}) it goes back to the same board page. */
    @POST
    @Path("answered")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answered(@PathParam("id") long id, @RestForm String from, @RestForm String scope, @RestForm String page,
                             @RestForm String requisition, @RestForm String recruiter) {
        User me = currentUser.get();
        int answered = chasers.answered(id, me);
        String message = answered == 0 ? "No chaser was waiting for a reply."
                : answered == 1 ? "The chaser is marked answered." : answered + " chasers are marked answered.";
        return Flash.redirect("board".equals(from) ? boardAddress(scope, page, requisition, recruiter, me) : "/applications/" + id + "#chasers", message);
    }

    /** Only a board address built from values it accepts: the form cannot send the browser anywhere else. */
    private static String boardAddress(String scope, String page, String requisition, String recruiter, User me) {
        try {
            return "/board?scope=" + BoardParams.Scope.parse(scope, me).value() + BoardParams.Filter.parse(requisition, recruiter).query()
                    + "&page=" + PageNumber.parse(page);
        } catch (ProblemException e) {
            return "/board";
        }
    }
}
