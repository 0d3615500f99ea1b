package app.candor.candidate;

import app.candor.system.CandorConfig;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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

    @Inject
    Event<CandidateAddressChanged> addressChanged;

    @Transactional
    public Candidate create(CandidateInput raw) {
        CandidateInput input = validate(raw);
        if (Candidate.findByEmail(input.email()).isPresent()) {
            throw ProblemException.conflict("A candidate with e-mail " + input.email() + " already exists.");
        }
        Candidate c = new Candidate();
        c.createdAt = clock.instant();
        apply(c, input);
        c.persist();
        Log.infof("Candidate %d created", c.id);
        return c;
    }

    /** The candidate with this e-mail address, or a new one made from {@code input}. */
    @Transactional
    public FoundOrCreated findOrCreate(CandidateInput raw) {
        CandidateInput input = validate(raw);
        Optional<Candidate> existing = Candidate.findByEmail(input.email());
        return existing.map(c -> new FoundOrCreated(c, false)).orElseGet(() -> new FoundOrCreated(create(input), true));
    }

    public record FoundOrCreated(Candidate candidate, boolean created) {
    }

    @Transactional
    public Candidate update(long id, CandidateInput raw) {
        Candidate c = Candidate.<Candidate>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Candidate", id));
        if (c.anonymisedAt != null) {
            // Retention or erasure removed the person from this record; writing details back would undo it.
            throw ProblemException.conflict("Candidate " + id + "'s personal data was removed (" + c.anonymisedAt + "); the record cannot"
                    + " be edited. Add the person again as a new candidate if they apply again.");
        }
        CandidateInput input = validate(raw);
        // Checked before the entity changes: the query would otherwise flush the change and trip the unique key.
        Optional<Candidate> other = Candidate.findByEmail(input.email());
        if (other.isPresent() && !other.get().id.equals(c.id)) {
            throw ProblemException.conflict("Another candidate already has e-mail " + input.email() + ".");
        }
        boolean newAddress = !c.email.equals(input.email());
        apply(c, input);
        if (newAddress) {
            addressChanged.fire(new CandidateAddressChanged(c));
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

    /**
     * Normalises and checks the input, annotations and what goes beyond them; returns the normalised input.
     * Also used by the CSV import per row.
     */
    public CandidateInput validate(CandidateInput raw) {
        CandidateInput input = raw == null ? null : raw.normalised();
        validator.requireValid(input);
        String language = languageOf(input);
        if (!config.languages().contains(language)) {
            throw ProblemException.invalidField("language", "'" + input.language() + "' is not one of " + String.join(", ", config.languages()));
        }
        if (channelOf(input) == Channel.PHONE && InputValidator.clean(input.phone()) == null) {
            throw ProblemException.invalidField("phone", "is required when the preferred channel is PHONE");
        }
        return input;
    }

    /** Copies a validated, normalised input onto the entity. */
    private void apply(Candidate c, CandidateInput input) {
        c.salutation = input.salutation();
        c.firstName = input.firstName();
        c.lastName = input.lastName();
        c.firstNameTerms = Boolean.TRUE.equals(input.firstNameTerms());
        if (c.email != null && !c.email.equals(input.email())) {
            c.emailUndeliverable = null; // a new address deserves a new try
        }
        c.email = input.email();
        c.phone = input.phone();
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
