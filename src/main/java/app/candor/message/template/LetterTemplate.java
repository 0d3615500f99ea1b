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
 * A named template of one kind (e.g. the rejection "after final interview"), beside the kind's standard letter; its
 * text lives in its versions per language ({@link LetterTemplateVersion#templateId}). One per kind may be the default,
 * preselected where a letter of the kind is chosen.
 */
@Entity
@Table(name = "letter_template")
public class LetterTemplate extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "letter_template_seq")
    @SequenceGenerator(name = "letter_template_seq", sequenceName = "letter_template_seq", allocationSize = 50)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 30)
    public MessageKind kind;

    @Column(nullable = false, length = 100)
    public String name;

    @Column(name = "default_for_kind", nullable = false)
    public boolean defaultForKind;

    @Column(name = "created_by", nullable = false, length = 64)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Retired: no longer offered anywhere; letters already composed from it keep their record. */
    @Column(name = "retired_at")
    public Instant retiredAt;

    @Column(name = "retired_by", length = 64)
    public String retiredBy;

    public boolean retired() {
        return retiredAt != null;
    }

    /** The templates of a kind that are offered (not retired), by name. */
    public static List<LetterTemplate> ofKind(MessageKind kind) {
        return list("kind = ?1 and retiredAt is null order by name", kind);
    }

    /** Every named template of a kind, retired ones included (marked). */
    public static List<LetterTemplate> allOfKind(MessageKind kind) {
        return list("kind = ?1 order by case when retiredAt is null then 0 else 1 end, name", kind);
    }

    /** Every named template, retired ones last, for the admin page. */
    public static List<LetterTemplate> listAll() {
        return list("order by case when retiredAt is null then 0 else 1 end, kind, name");
    }

    public static Optional<LetterTemplate> defaultOf(MessageKind kind) {
        return find("kind = ?1 and defaultForKind = true and retiredAt is null", kind).firstResultOptional();
    }

    public static Optional<LetterTemplate> named(MessageKind kind, String name) {
        return find("kind = ?1 and name = ?2", kind, name).firstResultOptional();
    }
}
