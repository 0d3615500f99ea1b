package app.candor.message.template;

import app.candor.application.Application;
import app.candor.candidate.Languages;
import app.candor.message.Composed;
import app.candor.message.MessageComposer;
import app.candor.message.MessageKind;
import app.candor.system.CandorConfig;
import app.candor.system.Form;
import app.candor.system.ProblemException;
import app.candor.user.CurrentUser;
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
    Languages languages;

    @Inject
    CandorConfig config;

    @Inject
    CurrentUser currentUser;

    /** The list page: every kind and language with the version in force, the named templates, the form for a new one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateInstance list(Form newForm) {
        List<LetterTemplatePages.Row> rows = new ArrayList<>();
        for (MessageKind kind : Placeholders.editableKinds()) {
            for (String language : Placeholders.languages(kind, config.languages())) {
                rows.add(new LetterTemplatePages.Row(kind, language, LetterTemplateVersion.latest(kind, language).orElse(null)));
            }
        }
        List<LetterTemplatePages.NamedRow> named = new ArrayList<>();
        for (LetterTemplate t : LetterTemplate.listAll()) {
            List<String> written = config.languages().stream()
                    .filter(l -> LetterTemplateVersion.latest(t.id, t.kind, l).filter(v -> !v.builtIn()).isPresent()).toList();
            named.add(new LetterTemplatePages.NamedRow(t, written, written.isEmpty() ? config.languages().get(0) : written.get(0)));
        }
        return LetterTemplatePages.Templates.list(rows, named, MessageKind.candidateKinds(), newForm, LetterTemplatePolicy.current(),
                currentUser.isAdmin());
    }

    /** How many recent applications the editor offers to preview a letter for. */
    static final int CANDIDATES = 10;

    /** The recent applications of candidates writing in {@code language} the signed-in editor may see. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LetterTemplatePages.Candidate> candidates(String language) {
        return Application.listRecentVisible(currentUser.get(), language, CANDIDATES).stream()
                .map(a -> new LetterTemplatePages.Candidate(a.id, a.candidate.firstName + " " + a.candidate.lastName + ", "
                        + a.requisition.title + " (" + a.stage.label + ")")).toList();
    }

    /** The page's preview: the letter as typed for a sample candidate ({@code applicationId} null) or a real one. */
    @Transactional
    public LetterTemplatePages.Sample preview(LetterTemplatePages.Editing editing, LetterTemplates.Edited draft, User me, Long applicationId) {
        Application a = applicationId == null || !editing.kind().toCandidate() ? null : candidate(applicationId, editing.language(), me);
        Composed c = compose(editing.kind(), editing.language(), draft, me, a);
        return LetterTemplatePages.Sample.of(!editing.kind().toCandidate() ? "to you, with sample candidates" : a == null ? "a sample candidate, Dr Lise Meitner"
                : a.candidate.firstName + " " + a.candidate.lastName + ", application " + a.id + ", " + a.requisition.title
                + "; notes, new dates and interview details are examples", c);
    }

    /**
     * The letter a template as typed writes, through the composer's own path and writing nothing (links stay
     * placeholders until a letter is sent): for a sample candidate when {@code application} is null, else for that
     * application as its recruiter would send it. The kind's facts a letter is sent with (a note, a new date, an
     * interview) are examples.
     */
    Composed compose(MessageKind kind, String language, LetterTemplates.Edited draft, User me, Application application) {
        if (kind == MessageKind.CLOSURE_DIGEST) {
            if (application != null) {
                throw ProblemException.invalidField("applicationId", "the digest goes to a recruiter: it is previewed with sample candidates");
            }
            User to = me;
            if (me.email == null || me.email.isBlank()) {
                // The preview shows the letter whatever the editor's address; the real digest goes only to an address.
                to = new User();
                to.fullName = me.fullName;
                to.email = "you@example.com";
            }
            return composer.composeDigestWith(to, DigestFacts.sample(me.fullName), draft);
        }
        if (application == null) {
            return composer.composeWith(LetterTemplateResource.sample(language), me, LetterTemplateResource.sample(kind), draft);
        }
        return composer.composeWith(application, application.requisition.recruiter, LetterTemplateResource.sample(kind), draft);
    }

    /**
     * An application the editor may see whose candidate writes in {@code language}; refused on applicationId (400)
     * otherwise, the same way whether it does not exist or is not theirs to see.
     */
    Application candidate(long applicationId, String language, User me) {
        Application a = Application.findVisible(applicationId, me).orElseThrow(() -> ProblemException.invalidField("applicationId",
                "there is no application " + applicationId + " you may see"));
        String writes = languages.of(a.candidate);
        if (!writes.equals(language)) {
            throw ProblemException.invalidField("applicationId", "the candidate of application " + applicationId + " writes in "
                    + writes + ", not " + language + ": preview the " + writes + " template for them");
        }
        return a;
    }
}
