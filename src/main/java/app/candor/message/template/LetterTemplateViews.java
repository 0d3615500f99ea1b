package app.candor.message.template;

import app.candor.message.Composed;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.system.CandorConfig;
import app.candor.system.Form;
import app.candor.user.User;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.List;

/** What the template pages show beyond one form: the list of every letter, and a preview through the composer. */
@ApplicationScoped
public class LetterTemplateViews {

    @Inject
    LetterTemplates templates;

    @Inject
    MessageComposer composer;

    @Inject
    CandorConfig config;

    /** The list page: every kind and language with the version in force, the named templates, the form for a new one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance list(Form newForm) {
        List<LetterTemplatePages.Row> rows = new ArrayList<>();
        for (MessageKind kind : Placeholders.editableKinds()) {
            for (String language : config.languages()) {
                rows.add(new LetterTemplatePages.Row(kind, language, LetterTemplateVersion.latest(kind, language).orElse(null)));
            }
        }
        List<LetterTemplatePages.NamedRow> named = new ArrayList<>();
        for (LetterTemplate t : LetterTemplate.listAll()) {
            List<String> written = config.languages().stream()
                    .filter(l -> LetterTemplateVersion.latest(t.id, t.kind, l).filter(v -> !v.builtIn()).isPresent()).toList();
            named.add(new LetterTemplatePages.NamedRow(t, written, written.isEmpty() ? config.languages().get(0) : written.get(0)));
        }
        return LetterTemplatePages.Templates.list(rows, named, Placeholders.editableKinds(), newForm);
    }

    /** The letter a template as typed writes for a sample candidate, through the composer; writes nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public LetterTemplatePages.Sample preview(LetterTemplatePages.Editing editing, LetterTemplates.Edited draft, User me) {
        Composed c = composer.composeWith(LetterTemplateResource.sample(editing.language()), me,
                LetterTemplateResource.sample(editing.kind()), draft);
        return LetterTemplatePages.Sample.of("a sample candidate, Dr Lise Meitner", c);
    }
}
