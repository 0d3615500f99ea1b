package app.candor.message.template;

import app.candor.message.Composed;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.system.CandorConfig;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import app.candor.user.User;
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

import java.util.ArrayList;
import java.util.List;

/**
 * The letter templates for admins (and recruiters where allowed): every kind and language with the version in force;
 * one template's editor with its placeholders, a preview with a sample candidate, its versions and the way back.
 */
@Path("/admin/letters")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.RECRUITER})
public class LetterTemplatePages {

    /** What a new template starts from: the frame every letter has; the team writes the middle. */
    static final String STARTER = "{candidate.greeting}\n\n\n\n{personal.note}\n\n{links}\n\n{recruiter.name}\n{recruiter.title}";

    @Inject
    LetterTemplates templates;

    @Inject
    MessageComposer composer;

    @Inject
    CurrentUser currentUser;

    @Inject
    CandorConfig config;

    /** One kind in one language, as the list shows it. */
    public record Row(MessageKind kind, String language, LetterTemplateVersion current) {
    }

    /** A preview of the letter as typed. */
    public record Sample(String recipient, String subject, String html, String text) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Row> rows);

        static native TemplateInstance edit(MessageKind kind, String language, Form form, List<Placeholders.Placeholder> placeholders,
                                            List<LetterTemplateVersion> versions, Sample sample);
    }

    @GET
    public TemplateInstance list() {
        editor();
        List<Row> rows = new ArrayList<>();
        for (MessageKind kind : Placeholders.editableKinds()) {
            for (String language : config.languages()) {
                rows.add(new Row(kind, language, templates.history(kind, language).stream().findFirst().orElse(null)));
            }
        }
        return Templates.list(rows);
    }

    @GET
    @Path("{kind}/{language}")
    public TemplateInstance edit(@PathParam("kind") String kind, @PathParam("language") String language) {
        editor();
        MessageKind k = kind(kind);
        List<LetterTemplateVersion> versions = templates.history(k, language);
        LetterTemplateVersion current = versions.isEmpty() || versions.get(0).builtIn() ? null : versions.get(0);
        Form form = Form.empty().with("subject", current == null ? "{role} – {company}" : current.subject)
                .with("body", current == null ? STARTER : current.body);
        return Templates.edit(k, language, form, Placeholders.of(k), versions, null);
    }

    @POST
    @Path("{kind}/{language}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("kind") String kind, @PathParam("language") String language, @RestForm String subject,
                            @RestForm String body) {
        User me = editor();
        MessageKind k = kind(kind);
        Form form = Form.empty().with("subject", subject).with("body", body);
        try {
            LetterTemplates.Edited draft = templates.draft(k, language, subject, body);
            Composed c = composer.composeWith(LetterTemplateResource.sample(language), me, LetterTemplateResource.sample(k), draft);
            return Response.ok(Templates.edit(k, language, form, Placeholders.of(k), templates.history(k, language),
                    new Sample(c.recipient(), c.subject(), c.html(), c.text()))).build();
        } catch (ProblemException e) {
            return refused(k, language, form, e);
        }
    }

    @POST
    @Path("{kind}/{language}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("kind") String kind, @PathParam("language") String language, @RestForm String subject,
                         @RestForm String body) {
        User me = editor();
        MessageKind k = kind(kind);
        Form form = Form.empty().with("subject", subject).with("body", body);
        try {
            LetterTemplateVersion v = templates.save(k, language, subject, body, me);
            return Flash.redirect(path(k, language), k.label + " (" + language + "), version " + v.number
                    + " saved: letters of this kind are written from it from now on.");
        } catch (ProblemException e) {
            return refused(k, language, form, e);
        }
    }

    @POST
    @Path("{kind}/{language}/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revert(@PathParam("kind") String kind, @PathParam("language") String language, @RestForm String version) {
        User me = editor();
        MessageKind k = kind(kind);
        Integer number = version == null || version.isBlank() ? null : parse(version);
        LetterTemplateVersion v = templates.revert(k, language, number, me);
        return Flash.redirect(path(k, language), number == null ? "Back to Candor's built-in letter (version " + v.number + ")."
                : "Back to version " + number + " (saved as version " + v.number + ").");
    }

    private Response refused(MessageKind k, String language, Form form, ProblemException e) {
        if (e.status == 404 || e.status == 403) {
            throw e;
        }
        return Response.status(e.status).entity(Templates.edit(k, language, form.fail(e), Placeholders.of(k),
                templates.history(k, language), null)).build();
    }

    private static String path(MessageKind kind, String language) {
        return "/admin/letters/" + kind.name() + "/" + language;
    }

    private static int parse(String version) {
        try {
            return Integer.parseInt(version.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField("version", "'" + version + "' is not a version number");
        }
    }

    private static MessageKind kind(String kind) {
        MessageKind k = Form.enumValue("kind", kind, MessageKind.class);
        if (k == null || !k.toCandidate()) {
            throw ProblemException.notFound("Letter kind", kind);
        }
        return k;
    }

    /** Admins; recruiters only where an admin allows it (candor.templates.recruiters-may-edit). */
    private User editor() {
        User me = currentUser.get();
        if (!me.isAdmin() && !config.templates().recruitersMayEdit()) {
            throw new ProblemException(403, "Forbidden", "Only admins edit letter templates (candor.templates.recruiters-may-edit).", null);
        }
        return me;
    }
}
