package app.candor.message.template;

import app.candor.message.Composed;
import app.candor.message.MessageKind;
import app.candor.system.CandorConfig;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
import app.candor.user.Role;
import app.candor.user.User;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;

/**
 * The letter templates for admins (and recruiters where allowed): every kind and language with the version in force,
 * the named templates and a form for a new one; one standard letter's editor with its placeholders, a preview, its
 * versions and the way back. The named templates' own actions are in {@link NamedLetterTemplatePages}.
 */
@Path("/admin/letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.RECRUITER})
public class LetterTemplatePages {

    /** What a new template starts from: the frame every letter has; the team writes the middle. */
    static final String STARTER = "{candidate.greeting}\n\n\n\n{personal.note}\n\n{links}\n\n{recruiter.name}\n{recruiter.title}";
    static final String STARTER_SUBJECT = "{role} – {company}";
    /** The digest's frame, as Candor writes it. */
    static final String DIGEST_SUBJECT = "Closure watch: {overdue.count} overdue, {due.soon.count} due soon";
    static final String DIGEST_STARTER = "Hello {recruiter.name},\n\nYour closure watch for {day}: {overdue.count} overdue, {due.soon.count} due soon.\n\n"
            + "Overdue, oldest promise first:\n{overdue}\n\nDue soon, today or the next business day:\n{due.soon}\n\nThe closure board: {board.url}";

    @Inject
    LetterTemplates templates;

    @Inject
    LetterTemplateViews views;

    @Inject
    LetterTemplateEditors editors;

    @Inject
    CandorConfig config;

    /** One kind in one language, as the list shows it. */
    public record Row(MessageKind kind, String language, LetterTemplateVersion current) {
    }

    /** A named template as the list shows it: the languages it has a text in, and the one its link opens. */
    public record NamedRow(LetterTemplate template, List<String> written, String opens) {
    }

    /**
     * What the editor edits: a kind's standard letter ({@code named} null) or a named template, in one language;
     * {@code base} is its address without the language.
     */
    public record Editing(String base, String language, MessageKind kind, LetterTemplate named, List<String> languages,
                          List<Candidate> candidates) {
        public String path() {
            return base + "/" + language;
        }

        public String title() {
            return (named == null ? kind.label : "\u201c" + named.name + "\u201d (" + kind.label.toLowerCase() + ")") + ", " + language;
        }
    }

    /** An application the preview may be written for, as the editor offers it. */
    public record Candidate(long id, String label) {
    }

    /** A preview of the letter as typed; {@code who}: the candidate it was written for. */
    public record Sample(String who, String recipient, String subject, String html, String text) {
        static Sample of(String who, Composed c) {
            return new Sample(who, c.recipient(), c.subject(), c.html(), c.text());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows, List<NamedRow> named, List<MessageKind> kinds, Form newForm,
                                            LetterTemplatePolicy policy, boolean admin);

        static native TemplateInstance edit(Editing editing, Form form, List<Placeholders.Placeholder> placeholders,
                                            List<LetterTemplateVersion> versions, Sample sample);
    }

    @GET
    @Transactional
    public TemplateInstance list() {
        editors.require();
        return views.list(Form.empty().with("kind", MessageKind.REJECTION.name()));
    }

    /** An admin lets recruiters edit letter templates too, or no longer. */
    @POST
    @Path("policy")
    @RolesAllowed(Role.ADMIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response policy(@RestForm String recruitersMayEdit) {
        // A checkbox: "true" when ticked, absent when not; anything else is not this form's and changes nothing.
        if (recruitersMayEdit != null && !recruitersMayEdit.equals("true")) {
            throw ProblemException.invalidField("recruitersMayEdit", "must be \"true\" (ticked) or absent (unticked)");
        }
        boolean allowed = recruitersMayEdit != null;
        editors.allowRecruiters(allowed, editors.require());
        return Flash.redirect("/admin/letters", allowed ? "Recruiters may now edit letter templates."
                : "Only admins edit letter templates now.");
    }

    @GET
    @Path("{kind}/{language}")
    public TemplateInstance edit(@PathParam("kind") String kind, @PathParam("language") String language) {
        editors.require();
        Editing editing = editing(kind(kind), language);
        List<LetterTemplateVersion> versions = templates.history(editing.kind(), language);
        return Templates.edit(editing, startingForm(editing.kind(), versions), Placeholders.of(editing.kind()), versions, null);
    }

    @POST
    @Path("{kind}/{language}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("kind") String kind, @PathParam("language") String language, @RestForm String subject,
                            @RestForm String body, @RestForm String applicationId) {
        User me = editors.require();
        Editing editing = editing(kind(kind), language);
        Form form = Form.empty().with("subject", subject).with("body", body).with("applicationId", applicationId);
        return FormRefusal.attempt(() -> {
            LetterTemplates.Edited draft = templates.draft(editing.kind(), language, subject, body);
            return Response.ok(Templates.edit(editing, form, Placeholders.of(editing.kind()), templates.history(editing.kind(), language),
                    views.preview(editing, draft, me, form.longValue("applicationId")))).build();
        }, e -> Templates.edit(editing, form.fail(e), Placeholders.of(editing.kind()),
                templates.history(editing.kind(), language), null));
    }

    @POST
    @Path("{kind}/{language}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("kind") String kind, @PathParam("language") String language, @RestForm String subject,
                         @RestForm String body) {
        User me = editors.require();
        Editing editing = editing(kind(kind), language);
        Form form = Form.empty().with("subject", subject).with("body", body);
        return FormRefusal.attempt(() -> {
            LetterTemplateVersion v = templates.save(editing.kind(), language, subject, body, me);
            return Flash.redirect(editing.path(), editing.kind().label + " (" + language + "), version " + v.number
                    + " saved: letters of this kind are written from it from now on.");
        }, e -> Templates.edit(editing, form.fail(e), Placeholders.of(editing.kind()),
                templates.history(editing.kind(), language), null));
    }

    @POST
    @Path("{kind}/{language}/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revert(@PathParam("kind") String kind, @PathParam("language") String language, @RestForm String version) {
        User me = editors.require();
        Editing editing = editing(kind(kind), language);
        Integer number = version == null || version.isBlank() ? null : versionNumber(version);
        LetterTemplateVersion v = templates.revert(editing.kind(), language, number, me);
        return Flash.redirect(editing.path(), number == null ? "Back to Candor's built-in letter (version " + v.number + ")."
                : "Back to version " + number + " (saved as version " + v.number + ").");
    }

    /** The editor's form: the version in force, or a starting frame when there is none (or it is the built-in letter). */
    static Form startingForm(MessageKind kind, List<LetterTemplateVersion> versions) {
        LetterTemplateVersion current = versions.isEmpty() || versions.get(0).builtIn() ? null : versions.get(0);
        boolean digest = kind == MessageKind.CLOSURE_DIGEST;
        return Form.empty().with("subject", current != null ? current.subject : digest ? DIGEST_SUBJECT : STARTER_SUBJECT)
                .with("body", current != null ? current.body : digest ? DIGEST_STARTER : STARTER);
    }

    private Editing editing(MessageKind kind, String language) {
        templates.requireEditable(kind, language);
        return new Editing("/admin/letters/" + kind.name(), language, kind, null, Placeholders.languages(kind, config.languages()),
                kind.toCandidate() ? views.candidates(language) : List.of());
    }

    static int versionNumber(String version) {
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("version", "'" + version + "' is not a version number");
        }
    }

    private static MessageKind kind(String kind) {
        MessageKind k = Form.enumValue("kind", kind, MessageKind.class);
        if (k == null || !Placeholders.editableKinds().contains(k)) {
            throw ProblemException.notFound("Letter kind", kind);
        }
        return k;
    }
}
