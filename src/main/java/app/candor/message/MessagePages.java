package app.candor.message;

import app.candor.candidate.Candidate;
import app.candor.requisition.Requisition;
import app.candor.system.BusinessCalendar;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
import app.candor.system.TemplateExtensions;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;

/**
 * One message to a candidate, with what can still be done with it (change, cancel or send a
 * scheduled one now, mark a call done, resend a failed one), and the history export.
 */
@Path("/messages")
@Produces(MediaType.TEXT_HTML)
public class MessagePages {

    @Inject
    MessageService messages;

    @Inject
    HistoryExport export;

    @Inject
    CurrentUser currentUser;

    @Inject
    BusinessCalendar calendar;

    /** A recruiter in the export's picker; inactive ones stay, their history is still history. */
    public record RecruiterOption(String username, String fullName, boolean active) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(MessageView m, boolean recruiter, String undeliverable, String candidateEmail,
                                            Form form, boolean rejection, String zone);

        static native TemplateInstance export(Form form, List<Requisition> requisitions, List<RecruiterOption> recruiters);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, null);
    }

    @POST
    @Path("{id}/edit")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") long id, @RestForm String personalNote, @RestForm String sendAt) {
        Form form = Form.empty().with("personalNote", personalNote).with("sendAt", sendAt);
        return act(id, form, () -> {
            MessageView m = messages.edit(id, new MessageEdit(personalNote, form.dateTimeValue("sendAt", calendar.zone())), currentUser.get());
            return "Saved: the message goes out " + TemplateExtensions.human(m.scheduledFor()) + " (" + calendar.zone().getId() + ").";
        });
    }

    @POST
    @Path("{id}/cancel")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") long id) {
        return act(id, Form.empty(), () -> {
            MessageView m = messages.cancel(id, currentUser.get());
            return m.kind() == MessageKind.REJECTION
                    ? "Rejection cancelled before it was sent; the application is back where it was."
                    : m.kind().label + " cancelled; it will not be sent.";
        });
    }

    @POST
    @Path("{id}/send-now")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sendNow(@PathParam("id") long id) {
        return act(id, Form.empty(), () -> {
            MessageView m = messages.sendNow(id, currentUser.get());
            return "Sending to " + m.recipient() + " now; the state below changes to SENT once it is delivered.";
        });
    }

    @POST
    @Path("{id}/call-done")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response callDone(@PathParam("id") long id, @RestForm String note) {
        Form form = Form.empty().with("note", note);
        return act(id, form, () -> {
            messages.callDone(id, new CallDone(note), currentUser.get());
            return "Call marked done; the written confirmation goes by e-mail.";
        });
    }

    @POST
    @Path("{id}/resend")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") long id) {
        return act(id, Form.empty(), () -> {
            MessageView m = messages.resend(id, currentUser.get());
            return "Queued again, to " + m.recipient() + ".";
        });
    }

    // --- the history export ---

    @GET
    @Path("export")
    @RolesAllowed(Role.RECRUITER)
    public TemplateInstance exportPage() {
        return exportForm(Form.empty());
    }

    /** The CSV download; a GET that only reads, so that the filter form needs no token and the link can be shared. */
    @GET
    @Path("export.csv")
    @RolesAllowed(Role.RECRUITER)
    @Produces({"text/csv", MediaType.TEXT_HTML})
    public Response exportCsv(@QueryParam("requisitionId") String requisitionId, @QueryParam("recruiter") String recruiter,
                              @QueryParam("from") String from, @QueryParam("to") String to) {
        Form form = Form.empty().with("requisitionId", requisitionId).with("recruiter", recruiter).with("from", from).with("to", to);
        try {
            String csv = export.csv(HistoryExport.Filter.parse(requisitionId, recruiter, from, to), currentUser.get());
            return Response.ok(csv, "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"candor-messages-" + calendar.today() + ".csv\"").build();
        } catch (ProblemException e) {
            return Response.status(e.status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(exportForm(form.fail(e))).build();
        }
    }

    private TemplateInstance exportForm(Form form) {
        User me = currentUser.get();
        return QuarkusTransaction.joiningExisting().call(() -> Templates.export(form, Requisition.listVisible(me, false),
                User.listByName().stream().filter(User::isRecruiter).map(u -> new RecruiterOption(u.username, u.fullName, u.active))
                        .toList()));
    }

    // --- building the page ---

    /** Runs a message action; success redirects back with a flash, a refusal shows the page again with the error. */
    private Response act(long id, Form form, Supplier<String> done) {
        return FormRefusal.attempt(() -> {
            return Flash.redirect("/messages/" + id, done.get());
        }, e -> page(id, form.fail(e)));
    }

    private TemplateInstance page(long id, Form refused) {
        User me = currentUser.get();
        MessageView m = messages.view(id, me);
        Form form = refused;
        if (form == null) {
            LocalDateTime at = m.scheduledFor() == null ? null : LocalDateTime.ofInstant(m.scheduledFor(), calendar.zone());
            form = Form.empty().with("personalNote", m.personalNote()).with("sendAt", Form.dateTimeLocal(at));
        }
        String[] candidate = m.candidateId() == null ? new String[2] // team mail about no application (the digest)
                : QuarkusTransaction.joiningExisting().call(() -> Candidate.<Candidate>findByIdOptional(m.candidateId())
                        .map(c -> new String[] {c.emailUndeliverable, c.email}).orElse(new String[2]));
        return Templates.show(m, me.isRecruiter(), candidate[0], candidate[1], form, m.kind() == MessageKind.REJECTION, calendar.zone().getId());
    }
}
