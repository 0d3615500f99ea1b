package app.candor.message.template;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The admins' setting for letter templates (one row): whether recruiters may edit them too, who changed it and when. */
@Entity
@Table(name = "letter_template_policy")
public class LetterTemplatePolicy extends PanacheEntityBase {

    static final int ONLY = 1;

    @Id
    public Integer id;

    @Column(name = "recruiters_may_edit", nullable = false)
    public boolean recruitersMayEdit;

    @Column(name = "changed_by", length = 64)
    public String changedBy;

    @Column(name = "changed_at")
    public Instant changedAt;

    /** The one row (written by the migration). */
    public static LetterTemplatePolicy current() {
        return findById(ONLY);
    }
}
