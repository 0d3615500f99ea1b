package app.candor.requisition;

import app.candor.user.User;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A role to fill: who recruits for it, who decides, and whether it is still open. */
@Entity
public class Requisition extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "requisition_seq")
    @SequenceGenerator(name = "requisition_seq", sequenceName = "requisition_seq", allocationSize = 50)
    public Long id;

    @NotBlank
    @Size(max = 200)
    @Column(nullable = false, length = 200)
    public String title;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "recruiter_id", nullable = false)
    public User recruiter;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "hiring_manager_id", nullable = false)
    public User hiringManager;

    @NotNull
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 16)
    public RequisitionStatus status = RequisitionStatus.OPEN;

    /** Whether candidates get the debrief letter after their interviews. */
    @Column(name = "debrief_enabled", nullable = false)
    public boolean debriefEnabled = true;

    /** The rejection letter preselected for its applications (a named rejection template); null: the kind's default. */
    @Column(name = "rejection_template_id")
    public Long rejectionTemplateId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(nullable = false)
    public int version;

    /** Whether {@code viewer} may see this requisition: recruiters see all, hiring managers their own. */
    public boolean isVisibleTo(User viewer) {
        return viewer.seesAllRequisitions() || (viewer.isHiringManager() && hiringManager.id.equals(viewer.id));
    }

    /** The requisition if it exists and {@code viewer} may see it; otherwise empty (a 404, never a hint). */
    public static Optional<Requisition> findVisible(long id, User viewer) {
        return Requisition.<Requisition>findByIdOptional(id).filter(r -> r.isVisibleTo(viewer));
    }

    /** Every requisition the viewer may see; {@code onlyMine} narrows a recruiter to their own. */
    public static List<Requisition> listVisible(User viewer, boolean onlyMine) {
        if (viewer.seesAllRequisitions() && !onlyMine) {
            return find("select r from Requisition r join fetch r.recruiter join fetch r.hiringManager order by r.createdAt desc, r.id desc").list();
        }
        if (viewer.seesAllRequisitions()) {
            return find("select r from Requisition r join fetch r.recruiter join fetch r.hiringManager where r.recruiter = ?1 order by r.createdAt desc, r.id desc", viewer).list();
        }
        return find("select r from Requisition r join fetch r.recruiter join fetch r.hiringManager where r.hiringManager = ?1 order by r.createdAt desc, r.id desc", viewer).list();
    }

    /**
     * Serialises the closing steps on one requisition: taken first in the transaction, so that a second submit of the
     * same step (a double click, two tabs) waits for the first to commit and is then refused by the same check as a
     * later resubmit ("already recorded"), instead of failing at commit with an optimistic-lock conflict that tells
     * the recruiter nothing. Held only for the (short) transaction.
     */
    public static void lockForUpdate(long id) {
        getEntityManager().find(Requisition.class, id, LockModeType.PESSIMISTIC_WRITE);
    }
}
