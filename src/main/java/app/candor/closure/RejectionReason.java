package app.candor.closure;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Why a candidate was turned down: recorded for the team and the export, never quoted to the candidate. */
@Entity
@Table(name = "rejection_reason")
public class RejectionReason extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "rejection_reason_seq")
    @SequenceGenerator(name = "rejection_reason_seq", sequenceName = "rejection_reason_seq", allocationSize = 50)
    public Long id;

    @NotBlank
    @Size(max = 40)
    @Column(nullable = false, length = 40)
    public String code;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false, length = 200)
    public String label;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;

    public static List<RejectionReason> listActive() {
        return list("active = true order by sortOrder, id");
    }
}
