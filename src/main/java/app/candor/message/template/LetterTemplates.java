package app.candor.message.template;

import app.candor.message.LetterContent;
import app.candor.message.MessageKind;
import app.candor.requisition.Requisition;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The team's letter templates: the one rule for saving (only known placeholders, no markup, refused with the line),
 * versions with who and when, returning to any version or to the built-in letter, and what the composer uses.
 */
@ApplicationScoped
public class LetterTemplates {

    static final int MAX_BODY = 20_000;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    /** A template in force: the version letters record, and its parsed subject and body. */
    public record Edited(Long versionId, int number, TemplateText subject, TemplateText body) {

        /** Subject (one line), HTML and text of the letter from this template. */
        /** Subject, HTML and text of a recruiter's digest from this template. */
        public Rendered render(DigestFacts facts) {
            return new Rendered(subject.text(facts::value).replaceAll("\\s+", " ").strip(), body.html(facts::value, facts::markup),
                    body.text(facts::value).strip() + "\n");
        }

        public Rendered render(LetterContent letter) {
            Map<String, Placeholders.Placeholder> all = Placeholders.byName(letter.kind());
            Function<String, String> values = name -> all.get(name).value().apply(letter);
            return new Rendered(subject.text(values).replaceAll("\\s+", " ").strip(), body.html(values, name -> Placeholders.markup(name, letter)),
                    body.text(values).strip() + "\n");
        }
    }

    public record Rendered(String subject, String html, String text) {
    }

    /** The edited template letters of this kind and language are composed from; empty: the built-in letter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Edited> current(MessageKind kind, String language) {
        if (!Placeholders.editableKinds().contains(kind)) {
            return Optional.empty();
        }
        return LetterTemplateVersion.latest(kind, language).filter(v -> !v.builtIn()).map(LetterTemplates::edited);
    }

    /** One entry where a letter of a kind is chosen: 0 is the standard letter; {@code defaultForKind}: the one preselected there. */
    public record Choice(long id, String name, boolean defaultForKind) {
    }

    /**
     * What may be chosen for a letter of this kind for the applications of {@code requisition} (null: any): the
     * standard letter first, then the named templates in use that have a text in {@code language} (any language when
     * null, e.g. for several candidates at once); the default there ({@link #defaultChoice}) marked.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Choice> choices(MessageKind kind, String language, Requisition requisition) {
        List<Choice> all = new ArrayList<>();
        List<LetterTemplate> named = LetterTemplate.ofKind(kind);
        long preselected = defaultChoice(kind, requisition);
        all.add(new Choice(LetterTemplateVersion.STANDARD, "Standard letter", preselected == LetterTemplateVersion.STANDARD));
        for (LetterTemplate t : named) {
            boolean written = language == null ? LetterTemplateVersion.count("templateId = ?1 and subject is not null", t.id) > 0
                    : LetterTemplateVersion.latest(t.id, kind, language).filter(v -> !v.builtIn()).isPresent();
            if (written) {
                all.add(new Choice(t.id, t.name, t.id == preselected));
            }
        }
        return all;
    }

    /**
     * The one rule for the letter preselected where a letter of this kind is chosen, and used when none is: the
     * requisition's own default (a rejection template it names, while in use), else the named template marked the
     * kind's default, else the standard letter (0). Every entry point (outcome form, bulk rejection, API) calls this.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long defaultChoice(MessageKind kind, Requisition requisition) {
        if (kind == MessageKind.REJECTION && requisition != null && requisition.rejectionTemplateId != null) {
            LetterTemplate own = LetterTemplate.findById(requisition.rejectionTemplateId);
            if (own != null && own.kind == kind && !own.retired()) {
                return own.id;
            }
        }
        return LetterTemplate.defaultOf(kind).map(t -> t.id).orElse(LetterTemplateVersion.STANDARD);
    }

    /** Refused (400 on {@code field}) unless {@code templateId} is null, 0 (the standard letter) or a named template of this kind. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireChoice(MessageKind kind, Long templateId, String field) {
        if (templateId == null || templateId == LetterTemplateVersion.STANDARD) {
            return;
        }
        LetterTemplate t = LetterTemplate.findById(templateId);
        if (t == null || t.kind != kind || t.retired()) {
            throw ProblemException.invalidField(field, "is not a letter template of this kind (" + kind.label.toLowerCase()
                    + ") in use" + (t != null && t.retired() ? ": \u201c" + t.name + "\u201d was retired" : "")
                    + "; choose one from GET /api/letter-templates/named?kind=" + kind.name());
        }
    }

    /**
     * The template a letter of this kind and language is composed from when {@code templateId} is chosen: null, the
     * default ({@link #defaultChoice} for the application's requisition); 0, the standard letter; a named template, its latest version in the language, or the standard
     * letter where it has none there. Empty: the built-in letter.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Edited> chosen(MessageKind kind, Long templateId, Requisition requisition, String language) {
        long id = templateId == null ? defaultChoice(kind, requisition) : templateId;
        if (id != LetterTemplateVersion.STANDARD && kind.toCandidate()) {
            Optional<Edited> named = LetterTemplateVersion.latest(id, kind, language).filter(v -> !v.builtIn()).map(LetterTemplates::edited);
            if (named.isPresent()) {
                return named;
            }
        }
        return current(kind, language);
    }

    /** The named templates of a kind, retired ones included (marked), for those who manage them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LetterTemplate> named(MessageKind kind) {
        requireEditable(kind, config.languages().get(0));
        return LetterTemplate.allOfKind(kind);
    }

    /** A new named template of a kind, without text yet (it is offered once it has a version in a language). */
    @Transactional
    public LetterTemplate create(MessageKind kind, String name, boolean defaultForKind, User by) {
        requireEditable(kind, config.languages().get(0));
        if (kind == null || !kind.toCandidate()) {
            throw ProblemException.invalidField("kind", "named templates are for letters to candidates: " + MessageKind.candidateKinds());
        }
        LetterTemplate t = new LetterTemplate();
        t.kind = kind;
        t.name = checkedName(kind, name, null);
        t.createdBy = by.username;
        t.createdAt = clock.instant();
        t.persist();
        if (defaultForKind) {
            markDefault(t.id, true);
        }
        return t;
    }

    /** Makes a named template the default of its kind (the one before it no longer is), or no longer the default. */
    @Transactional
    public LetterTemplate markDefault(long id, boolean on) {
        LetterTemplate t = findNamed(id);
        if (on) {
            requireInUse(t);
            LetterTemplate.update("defaultForKind = false where kind = ?1 and id <> ?2", t.kind, t.id);
        }
        t.defaultForKind = on;
        return t;
    }

    /** Saves a new version of a named template in a language, checked as the standard letter is. */
    @Transactional
    public LetterTemplateVersion saveNamed(long id, String language, String subject, String body, User by) {
        LetterTemplate t = findNamed(id);
        requireInUse(t);
        draft(t.kind, language, subject, body);
        return write(t.id, t.kind, language, subject.strip(), body.strip(), by);
    }

    /** A new name for a named template (one line, unique within its kind); its versions and the letters it wrote stay. */
    @Transactional
    public LetterTemplate rename(long id, String name) {
        LetterTemplate t = findNamed(id);
        t.name = checkedName(t.kind, name, t.id);
        return t;
    }

    /**
     * Retires a named template: no longer offered or preselected (it stops being the kind's default, and a requisition
     * naming it falls back to the kind's default), never deleted, so the letters composed from it keep their record.
     */
    @Transactional
    public LetterTemplate retire(long id, User by) {
        LetterTemplate t = findNamed(id);
        if (!t.retired()) {
            t.retiredAt = clock.instant();
            t.retiredBy = by.username;
            t.defaultForKind = false;
        }
        return t;
    }

    /** Back to version {@code number} of a named template in a language, as a new version. */
    @Transactional
    public LetterTemplateVersion revertNamed(long id, String language, int number, User by) {
        LetterTemplate t = findNamed(id);
        requireInUse(t);
        requireEditable(t.kind, language);
        LetterTemplateVersion old = LetterTemplateVersion.findNumber(t.id, t.kind, language, number)
                .orElseThrow(() -> ProblemException.notFound("Template version", number));
        return write(t.id, t.kind, language, old.subject, old.body, by);
    }

    private static void requireInUse(LetterTemplate t) {
        if (t.retired()) {
            throw ProblemException.conflict("\u201c" + t.name + "\u201d was retired (by " + t.retiredBy + "); nothing was changed.");
        }
    }

    private static String checkedName(MessageKind kind, String name, Long self) {
        if (name == null || name.isBlank() || name.strip().length() > 100 || name.contains("\n") || name.contains("\r")) {
            throw ProblemException.invalidField("name", "is required: one line of at most 100 characters");
        }
        Optional<LetterTemplate> same = LetterTemplate.named(kind, name.strip());
        if (same.isPresent() && !same.get().id.equals(self)) {
            throw ProblemException.invalidField("name", "is already the name of a " + kind.label.toLowerCase() + " template"
                    + (same.get().retired() ? " (retired)" : ""));
        }
        return name.strip();
    }

    @Transactional
    public List<LetterTemplateVersion> historyNamed(long id, String language) {
        LetterTemplate t = findNamed(id);
        requireEditable(t.kind, language);
        return LetterTemplateVersion.history(t.id, t.kind, language);
    }

    public LetterTemplate findNamed(long id) {
        return LetterTemplate.<LetterTemplate>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Letter template", id));
    }

    /** A template as typed, checked as a save checks it (for a preview); refused with the line otherwise. */
    public Edited draft(MessageKind kind, String language, String subject, String body) {
        requireEditable(kind, language);
        return parse(kind, subject, body, null, 0);
    }

    /** Saves a new version; refused (400, with the line) when it uses anything but its placeholders, or markup. */
    @Transactional
    public LetterTemplateVersion save(MessageKind kind, String language, String subject, String body, User by) {
        draft(kind, language, subject, body);
        return write(kind, language, subject.strip(), body.strip(), by);
    }

    /** Back to version {@code number} (as a new version), or to the built-in letter when {@code number} is null. */
    @Transactional
    public LetterTemplateVersion revert(MessageKind kind, String language, Integer number, User by) {
        requireEditable(kind, language);
        if (number == null) {
            return write(kind, language, null, null, by);
        }
        LetterTemplateVersion old = LetterTemplateVersion.findNumber(kind, language, number)
                .orElseThrow(() -> ProblemException.notFound("Template version", number));
        return write(kind, language, old.subject, old.body, by);
    }

    @Transactional
    public List<LetterTemplateVersion> history(MessageKind kind, String language) {
        requireEditable(kind, language);
        return LetterTemplateVersion.history(kind, language);
    }

    private LetterTemplateVersion write(MessageKind kind, String language, String subject, String body, User by) {
        return write(LetterTemplateVersion.STANDARD, kind, language, subject, body, by);
    }

    private LetterTemplateVersion write(long templateId, MessageKind kind, String language, String subject, String body, User by) {
        LetterTemplateVersion v = new LetterTemplateVersion();
        v.templateId = templateId;
        v.kind = kind;
        v.language = language;
        // Two saves at once: the unique key on (kind, language, number) refuses the second.
        v.number = LetterTemplateVersion.latest(templateId, kind, language).map(l -> l.number + 1).orElse(1);
        v.subject = subject;
        v.body = body;
        v.createdBy = by.username;
        v.createdAt = clock.instant();
        v.persist();
        return v;
    }

    void requireEditable(MessageKind kind, String language) {
        if (kind == null || !Placeholders.editableKinds().contains(kind)) {
            throw ProblemException.invalidField("kind", "must be a letter to a candidate or the recruiters' digest: " + Placeholders.editableKinds());
        }
        List<String> languages = Placeholders.languages(kind, config.languages());
        if (!languages.contains(language)) {
            throw ProblemException.invalidField("language", "must be one of " + languages);
        }
    }

    private static Edited edited(LetterTemplateVersion v) {
        return parse(v.kind, v.subject, v.body, v.id, v.number);
    }

    private static Edited parse(MessageKind kind, String subject, String body, Long id, int number) {
        Set<String> allowed = Placeholders.byName(kind).keySet();
        if (subject == null || subject.isBlank()) {
            throw ProblemException.invalidField("subject", "is required");
        }
        if (subject.contains("\n") || subject.contains("\r") || subject.length() > 300) {
            throw ProblemException.invalidField("subject", "must be one line of at most 300 characters");
        }
        if (body == null || body.isBlank()) {
            throw ProblemException.invalidField("body", "is required");
        }
        if (body.length() > MAX_BODY) {
            throw ProblemException.invalidField("body", "is longer than " + MAX_BODY + " characters");
        }
        TemplateText s;
        try {
            s = TemplateText.parse(subject, allowed);
        } catch (TemplateText.Refused e) {
            throw ProblemException.invalidField("subject", e.getMessage());
        }
        try {
            return new Edited(id, number, s, TemplateText.parse(body, allowed));
        } catch (TemplateText.Refused e) {
            throw ProblemException.invalidField("body", e.getMessage());
        }
    }
}
