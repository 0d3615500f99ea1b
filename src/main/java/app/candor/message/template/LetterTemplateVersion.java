package app.candor.message.template;

import app.candor.message.MessageKind;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One saved version of a kind's letter in one language: subject and body in the template language ({@link TemplateText}),
 * who saved it and when. Subject and body both null: back to Candor's built-in letter. Never changed once written.
 */
@Entity
@Table(name = "letter_template_version")
public class LetterTemplateVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_template_version_seq")
    @SequenceGenerator(name = "letter_template_version_seq", sequenceName = "letter_template_version_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    public MessageKind kind;

    @Column(nullable = false, length = 8)
    public String language;

    @Column(nullable = false)
    public int number;

    /** The named template this is a version of; 0: the kind's standard letter. */
    @Column(name = "template_id", nullable = false)
    public long templateId;

    @Column(length = 300)
    public String subject;

    @Column(name = "body")
    public String body;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public boolean builtIn() {
        return subject == null;
    }

    public static Optional<LetterTemplateVersion> latest(MessageKind kind, String language) {
        return latest(STANDARD, kind, language);
    }

    public static List<LetterTemplateVersion> history(MessageKind kind, String language) {
        return history(STANDARD, kind, language);
    }

    public static Optional<LetterTemplateVersion> findNumber(MessageKind kind, String language, int number) {
        return findNumber(STANDARD, kind, language, number);
    }

    /** The template id of a kind's standard letter (the one edited per kind, or the built-in letter). */
    public static final long STANDARD = 0;

    public static Optional<LetterTemplateVersion> latest(long templateId, MessageKind kind, String language) {
        return find("templateId = ?1 and kind = ?2 and language = ?3 order by number desc", templateId, kind, language).firstResultOptional();
    }

    public static List<LetterTemplateVersion> history(long templateId, MessageKind kind, String language) {
        return list("templateId = ?1 and kind = ?2 and language = ?3 order by number desc", templateId, kind, language);
    }

    public static Optional<LetterTemplateVersion> findNumber(long templateId, MessageKind kind, String language, int number) {
        return find("templateId = ?1 and kind = ?2 and language = ?3 and number = ?4", templateId, kind, language, number).firstResultOptional();
    }
}
