package app.candor.message.template;

import app.candor.message.MessageKind;
import app.candor.system.CandorConfig;
import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.FormRefusal;
import app.candor.system.ProblemException;
import app.candor.user.Role;
import app.candor.user.User;
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

import java.util.List;

/**
 * Named templates on the admin page: a new one of a kind, its editor per language (the standard letter's editor, with
 * preview, versions and the way back), renaming it, marking it the kind's default, retiring it.
 */
@Path("/admin/letters/named")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Role.ADMIN, Role.RECRUITER})
public class NamedLetterTemplatePages {

    @Inject
    LetterTemplates templates;

    @Inject
    LetterTemplateViews views;

    @Inject
    LetterTemplateEditors editors;

    @Inject
    CandorConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String kind, @RestForm String name, @RestForm String defaultForKind) {
        User me = editors.require();
        Form form = Form.empty().with("kind", kind).with("name", name).with("defaultForKind", "true".equals(defaultForKind));
        return FormRefusal.attempt(() -> {
            MessageKind k = Form.enumValue("kind", kind, MessageKind.class);
            LetterTemplate t = templates.create(k, name, form.checked("defaultForKind"), me);
            return Flash.redirect(base(t) + "/" + config.languages().get(0), "\u201c" + t.name + "\u201d created. Write its letter in each "
                    + "language it should be offered in; until it has a text in a candidate's language, they get the standard letter.");
        }, e -> views.list(form.fail(e)));
    }

    @GET
    @Path("{id}/{language}")
    public TemplateInstance edit(@PathParam("id") long id, @PathParam("language") String language) {
        editors.require();
        LetterTemplatePages.Editing editing = editing(id, language);
        List<LetterTemplateVersion> versions = templates.historyNamed(id, language);
        return LetterTemplatePages.Templates.edit(editing, LetterTemplatePages.startingForm(editing.kind(), versions).with("name", editing.named().name),
                Placeholders.of(editing.kind()), versions, null);
    }

    @POST
    @Path("{id}/{language}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@PathParam("id") long id, @PathParam("language") String language, @RestForm String subject,
                            @RestForm String body, @RestForm String applicationId) {
        User me = editors.require();
        LetterTemplatePages.Editing editing = editing(id, language);
        Form form = typed(editing, subject, body).with("applicationId", applicationId);
        try {
            LetterTemplates.Edited draft = templates.draft(editing.kind(), language, subject, body);
            return Response.ok(LetterTemplatePages.Templates.edit(editing, form, Placeholders.of(editing.kind()),
                    templates.historyNamed(id, language), views.preview(editing, draft, me, form.longValue("applicationId")))).build();
        } catch (ProblemException e) {
            return refused(editing, form, e);
        }
    }

    @POST
    @Path("{id}/{language}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("id") long id, @PathParam("language") String language, @RestForm String subject,
                         @RestForm String body) {
        User me = editors.require();
        LetterTemplatePages.Editing editing = editing(id, language);
        Form form = typed(editing, subject, body);
        try {
            LetterTemplateVersion v = templates.saveNamed(id, language, subject, body, me);
            return Flash.redirect(editing.path(), "\u201c" + editing.named().name + "\u201d (" + language + "), version " + v.number
                    + " saved: letters chosen with this template are written from it from now on.");
        } catch (ProblemException e) {
            return refused(editing, form, e);
        }
    }

    @POST
    @Path("{id}/{language}/revert")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revert(@PathParam("id") long id, @PathParam("language") String language, @RestForm String version) {
        User me = editors.require();
        LetterTemplatePages.Editing editing = editing(id, language);
        try {
            int number = LetterTemplatePages.versionNumber(version == null ? "" : version);
            LetterTemplateVersion v = templates.revertNamed(id, language, number, me);
            return Flash.redirect(editing.path(), "Back to version " + number + " (saved as version " + v.number + ").");
        } catch (ProblemException e) {
            return refused(editing, current(editing), e);
        }
    }

    @POST
    @Path("{id}/rename")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response rename(@PathParam("id") long id, @RestForm String name, @RestForm String language) {
        editors.require();
        LetterTemplatePages.Editing editing = editing(id, language(language));
        try {
            LetterTemplate t = templates.rename(id, name);
            return Flash.redirect(editing.path(), "Renamed \u201c" + t.name + "\u201d.");
        } catch (ProblemException e) {
            return refused(editing, current(editing).with("name", name), e);
        }
    }

    @POST
    @Path("{id}/default")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markDefault(@PathParam("id") long id, @RestForm String defaultForKind, @RestForm String language) {
        editors.require();
        LetterTemplatePages.Editing editing = editing(id, language(language));
        if (!"true".equals(defaultForKind) && !"false".equals(defaultForKind)) {
            throw ProblemException.invalidField("defaultForKind", "must be true or false");
        }
        boolean on = "true".equals(defaultForKind);
        try {
            LetterTemplate t = templates.markDefault(id, on);
            return Flash.redirect(editing.path(), on ? "\u201c" + t.name + "\u201d is now preselected for every "
                    + t.kind.label.toLowerCase() + " (unless a requisition names its own)."
                    : "\u201c" + t.name + "\u201d is no longer the default; the standard letter is preselected.");
        } catch (ProblemException e) {
            return refused(editing, current(editing), e);
        }
    }

    @POST
    @Path("{id}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retire(@PathParam("id") long id) {
        User me = editors.require();
        LetterTemplate t = templates.retire(id, me);
        return Flash.redirect("/admin/letters", "\u201c" + t.name + "\u201d retired: it is no longer offered; the letters "
                + "already written from it keep their record.");
    }

    private Response refused(LetterTemplatePages.Editing editing, Form form, ProblemException e) {
        return FormRefusal.reshow(e, () -> LetterTemplatePages.Templates.edit(editing, form.fail(e), Placeholders.of(editing.kind()),
                templates.historyNamed(editing.named().id, editing.language()), null));
    }

    private Form typed(LetterTemplatePages.Editing editing, String subject, String body) {
        return Form.empty().with("subject", subject).with("body", body).with("name", editing.named().name);
    }

    private Form current(LetterTemplatePages.Editing editing) {
        return LetterTemplatePages.startingForm(editing.kind(), templates.historyNamed(editing.named().id, editing.language()))
                .with("name", editing.named().name);
    }

    private String language(String language) {
        return language == null || !config.languages().contains(language) ? config.languages().get(0) : language;
    }

    private LetterTemplatePages.Editing editing(long id, String language) {
        LetterTemplate t = templates.findNamed(id);
        templates.requireEditable(t.kind, language);
        return new LetterTemplatePages.Editing(base(t), language, t.kind, t, config.languages(), views.candidates(language));
    }

    private static String base(LetterTemplate t) {
        return "/admin/letters/named/" + t.id;
    }
}
