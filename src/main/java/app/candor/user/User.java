package app.candor.user;

import app.candor.system.LikePattern;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.security.jpa.Password;
import io.quarkus.security.jpa.PasswordType;
import io.quarkus.security.jpa.Roles;
import io.quarkus.security.jpa.UserDefinition;
import io.quarkus.security.jpa.Username;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** A person who signs in: recruiter, hiring manager or admin. Passwords are bcrypt hashes. */
@Entity
@Table(name = "app_user")
@UserDefinition
@EntityListeners(CredentialCacheInvalidation.class)
public class User extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    public Long id;

    @Username
    @NotBlank
    @Size(max = 64)
    @Column(nullable = false, length = 64, unique = true)
    public String username;

    @Password(PasswordType.MCF)
    @Column(nullable = false, length = 100)
    public String password;

    /** Comma-separated role names, as quarkus-security-jpa reads them. */
    @Roles
    @Column(nullable = false, length = 100)
    public String roles;

    @NotBlank
    @Size(max = 200)
    @Column(name = "full_name", nullable = false, length = 200)
    public String fullName;

    /** Job title, used when Candor signs a message with the recruiter's name. */
    @Size(max = 200)
    @Column(name = "job_title", length = 200)
    public String jobTitle;

    @Email
    @Size(max = 254)
    @Column(length = 254)
    public String email;

    /** A deactivated user keeps their history but can no longer sign in. */
    @Column(nullable = false)
    public boolean active = true;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Bumped to end every sign-in session of this user at once, on every replica (see {@link SessionTicket}). */
    @Column(name = "session_generation", nullable = false)
    public int sessionGeneration;

    public List<String> roleList() {
        return Arrays.stream(roles.split(",")).map(String::trim).filter(r -> !r.isEmpty()).toList();
    }

    public boolean hasRole(String role) {
        return roleList().contains(role);
    }

    public boolean isRecruiter() {
        return hasRole(Role.RECRUITER);
    }

    public boolean isHiringManager() {
        return hasRole(Role.HIRING_MANAGER);
    }

    public boolean isAdmin() {
        return hasRole(Role.ADMIN);
    }

    /** Only recruiters see every requisition; anyone else sees what they manage. */
    public boolean seesAllRequisitions() {
        return isRecruiter();
    }

    /** Ends every session this user has signed in with; the next request of each goes to the sign-in page. */
    public void endSessions() {
        sessionGeneration++;
    }

    /** Stores a bcrypt hash of {@code plain} at {@code cost} (candor.auth.password-cost). */
    public void setPassword(String plain, int cost) {
        this.password = BcryptUtil.bcryptHash(plain, cost);
    }

    public static Optional<User> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    public static List<User> listByName() {
        return list("order by fullName, username");
    }

    /**
     * Users by name from {@code first}, at most {@code max}; {@code search} (blank: everyone) matches a part of the
     * username, name or e-mail address, in any case.
     */
    public static List<User> listByName(String search, int first, int max) {
        if (search == null || search.isBlank()) {
            return find("order by fullName, username").range(first, first + max - 1).list();
        }
        return find("lower(username) like ?1 escape '\\' or lower(fullName) like ?1 escape '\\' or lower(email) like ?1 escape '\\'"
                + " order by fullName, username", LikePattern.containing(search)).range(first, first + max - 1).list();
    }

    /** Active users holding {@code role}, for the pickers on forms. */
    public static List<User> listActiveWithRole(String role) {
        return listByName().stream().filter(u -> u.active && u.hasRole(role)).toList();
    }

    public static boolean anyActiveAdmin() {
        return list("active", true).stream().map(User.class::cast).anyMatch(User::isAdmin);
    }
}
