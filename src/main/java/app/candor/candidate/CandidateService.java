package app.candor.candidate;

import app.candor.system.CandorConfig;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@ApplicationScoped
public class CandidateService {

    @Inject
    InputValidator validator;

    @Inject
    CandorConfig config;

    @Inject
    Clock clock;

    @Transactional
    public Candidate create(CandidateInput input) {
        Candidate c = new Candidate();
        c.createdAt = clock.instant();
        apply(c, input);
        if (Candidate.findByEmail(c.email).isPresent()) {
            throw ProblemException.conflict("A candidate with e-mail " + c.email + " already exists.");
        }
        c.persist();
        Log.infof("Candidate %d created", c.id);
        return c;
    }

    /** The candidate with this e-mail address, or a new one made from {@code input}. */
    @Transactional
    public FoundOrCreated findOrCreate(CandidateInput input) {
        validate(input);
        Optional<Candidate> existing = Candidate.findByEmail(input.email());
        return existing.map(c -> new FoundOrCreated(c, false)).orElseGet(() -> new FoundOrCreated(create(input), true));
    }

    public record FoundOrCreated(Candidate candidate, boolean created) {
    }

    @Transactional
    public Candidate update(long id, CandidateInput input) {
        Candidate c = Candidate.<Candidate>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Candidate", id));
        apply(c, input);
        Optional<Candidate> other = Candidate.findByEmail(c.email);
        if (other.isPresent() && !other.get().id.equals(c.id)) {
            throw ProblemException.conflict("Another candidate already has e-mail " + c.email + ".");
        }
        return c;
    }

    @Transactional
    public Optional<Candidate> find(long id) {
        return Candidate.findByIdOptional(id);
    }

    @Transactional
    public List<Candidate> search(String text) {
        return Candidate.search(text, 200);
    }

    /** Checks that go beyond the annotations on {@link CandidateInput}; also used by the CSV import per row. */
    public void validate(CandidateInput input) {
        validator.requireValid(input);
        String language = languageOf(input);
        if (!config.languages().contains(language)) {
            throw ProblemException.invalidField("language", "'" + input.language() + "' is not one of " + String.join(", ", config.languages()));
        }
        if (channelOf(input) == Channel.PHONE && InputValidator.clean(input.phone()) == null) {
            throw ProblemException.invalidField("phone", "is required when the preferred channel is PHONE");
        }
    }

    private void apply(Candidate c, CandidateInput input) {
        validate(input);
        c.salutation = InputValidator.clean(input.salutation());
        c.firstName = input.firstName().strip();
        c.lastName = input.lastName().strip();
        c.firstNameTerms = Boolean.TRUE.equals(input.firstNameTerms());
        c.email = Candidate.normaliseEmail(input.email());
        c.phone = InputValidator.clean(input.phone());
        c.preferredChannel = channelOf(input);
        c.language = languageOf(input);
        c.updatedAt = clock.instant();
    }

    private String languageOf(CandidateInput input) {
        String language = InputValidator.clean(input.language());
        return language == null ? config.languages().get(0) : language.toLowerCase(Locale.ROOT);
    }

    private static Channel channelOf(CandidateInput input) {
        return input.preferredChannel() == null ? Channel.EMAIL : input.preferredChannel();
    }
}
