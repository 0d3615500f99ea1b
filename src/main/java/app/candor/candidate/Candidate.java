package app.candor.candidate;

import app.candor.system.LikePattern;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A person who applies. Identified by e-mail address; one person may apply to several requisitions. */
@Entity
public class Candidate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "candidate_seq")
    @SequenceGenerator(name = "candidate_seq", sequenceName = "candidate_seq", allocationSize = 50)
    public Long id;

    /** Title used in a formal salutation: "Ms", "Dr", "Prof."; optional. */
    @Size(max = 20)
    @Column(length = 20)
    public String salutation;

    @NotBlank
    @Size(max = 100)
    @Column(name = "first_name", nullable = false, length = 100)
    public String firstName;

    @NotBlank
    @Size(max = 100)
    @Column(name = "last_name", nullable = false, length = 100)
    public String lastName;

    /** On first-name terms: messages say "Dear Ada" instead of "Dear Dr Lovelace". */
    @Column(name = "first_name_terms", nullable = false)
    public boolean firstNameTerms;

    /** Stored lower-case, so that the same address is recognised however it was typed. */
    @NotBlank
    @Email
    @Size(max = 254)
    @Column(nullable = false, length = 254, unique = true)
    public String email;

    /** Set when mail to {@link #email} failed permanently (SMTP 5xx): why, until the address is changed. */
    @Column(name = "email_undeliverable", length = 1000)
    public String emailUndeliverable;

    @Size(max = 40)
    @Column(length = 40)
    public String phone;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(name = "preferred_channel", nullable = false, length = 10)
    public Channel preferredChannel = Channel.EMAIL;

    /** ISO 639-1 code of the language Candor writes to them in. */
    @NotBlank
    @Size(max = 8)
    @Column(nullable = false, length = 8)
    public String language;

    /** When the personal data was removed (retention or erasure on request, see privacy/Anonymiser); null while it is held. */
    @Column(name = "anonymised_at")
    public Instant anonymisedAt;

    /** Why: RETENTION or ERASURE (V18). */
    @Column(name = "anonymised_why", length = 10)
    public String anonymisedWhy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    public String displayName() {
        return firstName + " " + lastName;
    }

    public static String normaliseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    public static Optional<Candidate> findByEmail(String email) {
        return find("email", normaliseEmail(email)).firstResultOptional();
    }

    /** Candidates whose name or e-mail contains {@code text}, at most {@code limit}, by name. */
    public static List<Candidate> search(String text, int limit) {
        if (text == null || text.isBlank()) {
            return find("order by lastName, firstName, id").page(0, limit).list();
        }
        String like = LikePattern.containing(text);
        return find("lower(firstName) like ?1 escape '\\' or lower(lastName) like ?1 escape '\\' or email like ?1 escape '\\' "
                + "order by lastName, firstName, id", like).page(0, limit).list();
    }
}
