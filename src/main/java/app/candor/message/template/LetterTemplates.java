package app.candor.message.template;

import app.candor.message.Letter;
import app.candor.message.MessageKind;
import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.user.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
        public Rendered render(Letter letter) {
            Map<String, Placeholders.Placeholder> all = Placeholders.byName(letter.kind());
            java.util.function.Function<String, String> values = name -> all.get(name).value().apply(letter);
            return new Rendered(subject.text(values).replaceAll("\\s+", " ").strip(), body.html(values, name -> Placeholders.markup(name, letter)),
                    body.text(values).strip() + "\n");
        }
    }

    public record Rendered(String subject, String html, String text) {
    }

    /** The edited template letters of this kind and language are composed from; empty: the built-in letter. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Edited> current(MessageKind kind, String language) {
        if (!kind.toCandidate()) {
            return Optional.empty();
        }
        return LetterTemplateVersion.latest(kind, language).filter(v -> !v.builtIn()).map(LetterTemplates::edited);
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
        LetterTemplateVersion v = new LetterTemplateVersion();
        v.kind = kind;
        v.language = language;
        // Two saves at once: the unique key on (kind, language, number) refuses the second.
        v.number = LetterTemplateVersion.latest(kind, language).map(l -> l.number + 1).orElse(1);
        v.subject = subject;
        v.body = body;
        v.createdBy = by.username;
        v.createdAt = clock.instant();
        v.persist();
        return v;
    }

    void requireEditable(MessageKind kind, String language) {
        if (kind == null || !kind.toCandidate()) {
            throw ProblemException.invalidField("kind", "must be a letter to a candidate: " + Placeholders.editableKinds());
        }
        if (!config.languages().contains(language)) {
            throw ProblemException.invalidField("language", "must be one of " + config.languages());
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
