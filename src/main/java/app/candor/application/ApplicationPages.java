package app.candor.application;

import app.candor.candidate.Candidate;
import app.candor.candidate.Channel;
import app.candor.closure.ChaserSection;
import app.candor.closure.ChaserService;
import app.candor.closure.DelayInput;
import app.candor.closure.DelayService;
import app.candor.closure.Outcome;
import app.candor.closure.OutcomeInput;
import app.candor.closure.OutcomeService;
import app.candor.closure.RejectionReason;
import app.candor.interview.InterviewSection;
import app.candor.interview.InterviewService;
import app.candor.message.Message;
import app.candor.message.MessageService;
import app.candor.message.MessageState;
import app.candor.message.MessageView;
import app.candor.message.Preview;
import app.candor.system.BusinessCalendar;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.InputValidator;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One application: who, where, what was promised, the history and the messages to the candidate;
 * for recruiters the move form, and the outcome and delay forms, each of which shows the message
 * for a check before anything is recorded or sent. The Interviews section's forms post to
 * {@code interview.InterviewPages}, which shows this page again when one is refused.
 */
@Path("/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    /** Stages that tell the candidate: reached through the outcome form (preview, then send), never by a plain move. */
    static final Set<Stage> TOLD_BY_OUTCOME = Set.of(Stage.OFFER, Stage.REJECTED);

    @Inject
    ApplicationService applications;

    @Inject
    PromisePolicy promises;

    @Inject
    CurrentUser currentUser;

    @Inject
    OutcomeService outcomes;

    @Inject
    DelayService delays;

    @Inject
    MessageService messages;

    @Inject
    BusinessCalendar calendar;

    @Inject
    InterviewService interviews;

    @Inject
    ChaserService chasers;

    /**
     * Where a reload of a refused section form's address leads: the application page at that section
     * (404 for an application the viewer may not see, as its page gives). For the section page classes.
     */
    public Response toSection(long id, String anchor) {
        applications.view(id, currentUser.get());
        return Response.seeOther(java.net.URI.create("/applications/" + id + "#" + anchor)).build();
    }

    /** A stage the application may move to, with the date promised if the recruiter picks none. */
    public record Target(Stage stage, LocalDate defaultPromise) {
    }

    /** The forms of the application page; a refused one comes back with its errors and what was typed. */
    public record Forms(Form move, Form outcome, Form delay) {
    }

    /** One line of the facts above a preview. */
    public record Fact(String label, String value) {
    }

    /** A value the preview page carries from the first form to the send button. */
    public record Hidden(String name, String value) {
    }

    /**
     * A message about to be written, as the candidate will get it, with the form that sends it: the
     * personal note can be changed and previewed again. A message without a personal note (an
     * interview confirmation) has a null {@code note} and {@code previewAction}.
     */
    public record MessagePreview(String heading, List<Fact> facts, Preview preview, String note, List<Hidden> hidden,
                                 String previewAction, String sendAction, String sendLabel, String notice) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance show(ApplicationView application, boolean recruiter, List<Target> targets, Forms forms,
                                            boolean offerAllowed, List<RejectionReason> reasons, List<MessageView> messages,
                                            String undeliverable, String zone, InterviewSection interviews, ChaserSection chasers);

        static native TemplateInstance preview(ApplicationView application, MessagePreview page, String undeliverable);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER})
    public TemplateInstance show(@PathParam("id") long id) {
        return page(id, null);
    }

    /** The page with a refused interview form (schedule or cancel) as typed, the other forms fresh. */
    public TemplateInstance withInterviewForms(long id, Form schedule, Form cancel) {
        return page(id, null, schedule, cancel);
    }

    /** The page with a refused chaser form as typed, the other forms fresh. */
    public TemplateInstance withChaserForm(long id, Form chaser) {
        return page(id, null, null, null, chaser);
    }

    /** The preview page for a message written elsewhere (an interview confirmation). */
    public TemplateInstance previewPage(ApplicationView view, MessagePreview page) {
        return Templates.preview(view, page, undeliverable(view.candidate().id()));
    }

    @POST
    @Path("{id}/stage")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") long id, @RestForm String stage, @RestForm String promisedDecisionDate, @RestForm String note,
                         @RestForm String toldHow) {
        Form form = Form.empty().with("stage", stage).with("promisedDecisionDate", promisedDecisionDate).with("note", note)
                .with("toldHow", toldHow);
        try {
            Stage target = Form.enumValue("stage", stage, Stage.class);
            if (target == null) {
                throw ProblemException.invalidField("stage", "choose the stage to move to");
            }
            if (TOLD_BY_OUTCOME.contains(target)) {
                throw ProblemException.invalidField("stage", "an offer or a rejection goes through \u201cRecord outcome\u201d below,"
                        + " which tells the candidate");
            }
            app.candor.closure.ClosureWatch.ToldHow how = Form.enumValue("told", toldHow, app.candor.closure.ClosureWatch.ToldHow.class);
            ToldInput told = how == null || !target.isTerminal() ? null : new ToldInput(how, null, InputValidator.clean(note));
            Application a = applications.move(id, new MoveInput(target, note, form.dateValue("promisedDecisionDate"), told), currentUser.get());
            String message = "Moved to " + a.stage.label + (a.promisedDecisionDate == null ? "."
                    : "; decision promised by " + a.promisedDecisionDate + ".");
            return Flash.redirect("/applications/" + id, message);
        } catch (ProblemException e) {
            if (e.status == 404) {
                throw e;
            }
            return Response.status(e.status).entity(page(id, new Forms(form.fail(e), null, null))).build();
        }
    }

    /** The candidate was told outside Candor's letters (a plain move to a final stage): recorded, which closes their promise. */
    @POST
    @Path("{id}/told")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response told(@PathParam("id") long id, @RestForm String how, @RestForm String note) {
        try {
            app.candor.closure.ClosureWatch.ToldHow told = Form.enumValue("how", how, app.candor.closure.ClosureWatch.ToldHow.class);
            if (told == null) {
                throw ProblemException.invalidField("how", "choose how the candidate was told");
            }
            applications.recordTold(id, new ToldInput(told, null, note), currentUser.get());
            return Flash.redirect("/applications/" + id, "Recorded: the candidate was told " + told.label + ".");
        } catch (ProblemException e) {
            if (e.status == 404) {
                throw e;
            }
            return Flash.redirect("/applications/" + id, "Nothing recorded: " + e.getMessage());
        }
    }

    // --- outcome: offer or rejection ---

    /** Shows the offer or rejection exactly as it would go out; writes nothing. */
    @POST
    @Path("{id}/outcome/preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewOutcome(@PathParam("id") long id, @RestForm String outcome, @RestForm String reasonId,
                                   @RestForm String personalNote, @RestForm String when, @RestForm String sendAt) {
        Form form = outcomeForm(outcome, reasonId, personalNote, when, sendAt);
        try {
            OutcomeInput input = outcomeInput(form);
            Preview preview = outcomes.preview(id, input, currentUser.get());
            return Response.ok(outcomePreview(id, form, input, preview, null)).build();
        } catch (ProblemException e) {
            return refusedOutcome(id, form, e);
        }
    }

    /**
     * Records the outcome and writes the message. Should the note differ from the one last previewed,
     * nothing is sent: the preview is shown again with the new note, so what goes out is what was seen.
     */
    @POST
    @Path("{id}/outcome")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response recordOutcome(@PathParam("id") long id, @RestForm String outcome, @RestForm String reasonId,
                                  @RestForm String personalNote, @RestForm String when, @RestForm String sendAt,
                                  @RestForm String previewedNote) {
        Form form = outcomeForm(outcome, reasonId, personalNote, when, sendAt);
        try {
            OutcomeInput input = outcomeInput(form);
            if (!previewed(personalNote, previewedNote)) {
                Preview preview = outcomes.preview(id, input, currentUser.get());
                return Response.ok(outcomePreview(id, form, input, preview, NOTE_CHANGED)).build();
            }
            Message m = outcomes.record(id, input, currentUser.get());
            return Flash.redirect("/applications/" + id, told(m, m.kind.label));
        } catch (ProblemException e) {
            return refusedOutcome(id, form, e);
        }
    }

    // --- decision delayed ---

    @POST
    @Path("{id}/delay/preview")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response previewDelay(@PathParam("id") long id, @RestForm String promisedDecisionDate, @RestForm String personalNote) {
        Form form = Form.empty().with("promisedDecisionDate", promisedDecisionDate).with("personalNote", personalNote);
        try {
            DelayInput input = new DelayInput(form.dateValue("promisedDecisionDate"), personalNote);
            Preview preview = delays.preview(id, input, currentUser.get());
            return Response.ok(delayPreview(id, form, input, preview, null)).build();
        } catch (ProblemException e) {
            return refusedDelay(id, form, e);
        }
    }

    @POST
    @Path("{id}/delay")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delay(@PathParam("id") long id, @RestForm String promisedDecisionDate, @RestForm String personalNote,
                          @RestForm String previewedNote) {
        Form form = Form.empty().with("promisedDecisionDate", promisedDecisionDate).with("personalNote", personalNote);
        try {
            DelayInput input = new DelayInput(form.dateValue("promisedDecisionDate"), personalNote);
            if (!previewed(personalNote, previewedNote)) {
                Preview preview = delays.preview(id, input, currentUser.get());
                return Response.ok(delayPreview(id, form, input, preview, NOTE_CHANGED)).build();
            }
            Message m = delays.delay(id, input, currentUser.get());
            return Flash.redirect("/applications/" + id, "Decision now promised by " + TemplateExtensions.human(input.promisedDecisionDate())
                    + ". " + told(m, "Apology"));
        } catch (ProblemException e) {
            return refusedDelay(id, form, e);
        }
    }

    // --- building the pages ---

    static final String NOTE_CHANGED = "Not sent yet: the personal note changed after the last preview. "
            + "Check the message below with the new note, then send it.";

    private TemplateInstance page(long id, Forms refused) {
        return page(id, refused, null, null);
    }

    private TemplateInstance page(long id, Forms refused, Form interviewForm, Form interviewCancel) {
        return page(id, refused, interviewForm, interviewCancel, null);
    }

    private TemplateInstance page(long id, Forms refused, Form interviewForm, Form interviewCancel, Form chaserForm) {
        User me = currentUser.get();
        ApplicationView view = applications.view(id, me);
        List<Target> targets = view.allowedMoves().stream().filter(s -> !TOLD_BY_OUTCOME.contains(s))
                .map(s -> new Target(s, promises.defaultFor(s))).toList();
        Forms forms = new Forms(
                refused != null && refused.move() != null ? refused.move() : Form.empty(),
                refused != null && refused.outcome() != null ? refused.outcome()
                        : Form.empty().with("when", "later").with("sendAt", Form.dateTimeLocal(outcomes.nextBusinessMorning())),
                refused != null && refused.delay() != null ? refused.delay() : Form.empty());
        // At OFFER through a plain move (the API allows it), the offer letter is still to be sent.
        boolean offerAllowed = view.stage().check(Stage.OFFER).move().isPresent()
                || (view.stage() == Stage.OFFER && view.closure().state() != ClosureState.CLOSED
                && messages.forApplication(id, me).stream().noneMatch(m -> m.kind() == app.candor.message.MessageKind.OFFER
                && m.state() != app.candor.message.MessageState.CANCELLED));
        return Templates.show(view, me.isRecruiter(), targets, forms, offerAllowed,
                me.isRecruiter() ? outcomes.reasons() : List.of(), messages.forApplication(id, me),
                undeliverable(view.candidate().id()), calendar.zone().getId(),
                InterviewSection.of(interviews.list(id, me), me.isRecruiter() ? interviews.people() : List.of(), calendar.zone(), interviewForm,
                        interviewCancel), chasers.section(id, me, chaserForm));
    }

    private Response refusedOutcome(long id, Form form, ProblemException e) {
        if (e.status == 404) {
            throw e;
        }
        return Response.status(e.status).entity(page(id, new Forms(null, form.fail(e), null))).build();
    }

    private Response refusedDelay(long id, Form form, ProblemException e) {
        if (e.status == 404) {
            throw e;
        }
        return Response.status(e.status).entity(page(id, new Forms(null, null, form.fail(e)))).build();
    }

    private TemplateInstance outcomePreview(long id, Form form, OutcomeInput input, Preview preview, String notice) {
        ApplicationView view = applications.view(id, currentUser.get());
        boolean rejection = input.outcome() == Outcome.REJECTED;
        boolean phone = preview.channel() == Channel.PHONE;
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Outcome", input.outcome().kind.label + ": the application moves to " + input.outcome().stage.label));
        if (rejection) {
            String reason = outcomes.reasons().stream().filter(r -> r.id.equals(input.reasonId())).map(r -> r.label)
                    .findFirst().orElse("—");
            facts.add(new Fact("Reason (internal, never quoted to the candidate)", reason));
        }
        facts.add(new Fact("Goes out", goesOut(phone, input.sendAt())));
        List<Hidden> hidden = List.of(new Hidden("outcome", input.outcome().name()),
                new Hidden("reasonId", input.reasonId() == null ? "" : input.reasonId().toString()),
                new Hidden("when", input.sendAt() == null ? "now" : "later"),
                new Hidden("sendAt", input.sendAt() == null ? "" : form.value("sendAt")));
        String label = phone ? "Create call task" : input.sendAt() != null ? "Schedule " + input.outcome().kind.label.toLowerCase()
                : "Send " + input.outcome().kind.label.toLowerCase();
        MessagePreview page = new MessagePreview(input.outcome().kind.label + " for " + view.candidate().name(), facts, preview,
                form.value("personalNote"), hidden, "/applications/" + id + "/outcome/preview", "/applications/" + id + "/outcome",
                label, notice);
        return Templates.preview(view, page, undeliverable(view.candidate().id()));
    }

    private TemplateInstance delayPreview(long id, Form form, DelayInput input, Preview preview, String notice) {
        ApplicationView view = applications.view(id, currentUser.get());
        boolean phone = preview.channel() == Channel.PHONE;
        List<Fact> facts = List.of(
                new Fact("Decision promised by", TemplateExtensions.human(view.promisedDecisionDate()) + " \u2192 "
                        + TemplateExtensions.human(input.promisedDecisionDate())),
                new Fact("Goes out", goesOut(phone, null)));
        List<Hidden> hidden = List.of(new Hidden("promisedDecisionDate", input.promisedDecisionDate().toString()));
        MessagePreview page = new MessagePreview("Decision delayed for " + view.candidate().name(), facts, preview,
                form.value("personalNote"), hidden, "/applications/" + id + "/delay/preview", "/applications/" + id + "/delay",
                phone ? "Move the date and create call task" : "Move the date and send", notice);
        return Templates.preview(view, page, undeliverable(view.candidate().id()));
    }

    /** The "Goes out" line of a preview: at once, at a time, or as a call task. */
    public String goesOut(boolean phone, OffsetDateTime sendAt) {
        if (phone) {
            return "Not by e-mail: the candidate prefers the phone, so you get a call task. "
                    + "When you mark it done, a written confirmation goes by e-mail.";
        }
        if (sendAt != null) {
            return "Scheduled for " + TemplateExtensions.human(sendAt.toInstant()) + " (" + calendar.zone().getId()
                    + "). Until then you can change or cancel it.";
        }
        return "At once, when you press the button below.";
    }

    /** The flash after a message was written: what happens next. */
    private String told(Message m, String what) {
        if (m.state == MessageState.CALL_PENDING) {
            return "Call task created: call " + m.recipient + ", then mark the call done; the written confirmation follows by e-mail.";
        }
        if (m.state == MessageState.SCHEDULED) {
            return what + " to " + m.recipient + " scheduled for " + TemplateExtensions.human(m.dueAt) + " (" + calendar.zone().getId()
                    + "); you can change or cancel it until then.";
        }
        return what + " sent to " + m.recipient + "; its delivery shows under Communication.";
    }

    private static Form outcomeForm(String outcome, String reasonId, String personalNote, String when, String sendAt) {
        return Form.empty().with("outcome", outcome).with("reasonId", reasonId).with("personalNote", personalNote)
                .with("when", when == null || when.isBlank() ? "later" : when).with("sendAt", sendAt);
    }

    /** An offer ignores the reason and the time (it always goes at once); "send now" ignores the time. */
    private OutcomeInput outcomeInput(Form form) {
        Outcome outcome = Form.enumValue("outcome", form.value("outcome"), Outcome.class);
        boolean rejection = outcome == Outcome.REJECTED;
        Long reasonId = rejection ? form.longValue("reasonId") : null;
        OffsetDateTime sendAt = rejection && !"now".equals(form.value("when")) ? form.dateTimeValue("sendAt", calendar.zone()) : null;
        return new OutcomeInput(outcome, reasonId, form.value("personalNote"), sendAt);
    }

    /** Whether the note being sent is the one last previewed (no previewed note posted: nothing to compare). */
    static boolean previewed(String note, String previewedNote) {
        return previewedNote == null || Objects.equals(normalised(note), normalised(previewedNote));
    }

    private static String normalised(String text) {
        String clean = InputValidator.clean(text);
        return clean == null ? null : clean.replace("\r\n", "\n").replace('\r', '\n');
    }

    private static String undeliverable(long candidateId) {
        return QuarkusTransaction.joiningExisting().call(() -> Candidate.<Candidate>findByIdOptional(candidateId)
                .map(c -> c.emailUndeliverable).orElse(null));
    }
}
