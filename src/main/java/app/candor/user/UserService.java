package app.candor.user;

import app.candor.system.CandorConfig;
import app.candor.system.InputValidator;
import app.candor.system.ProblemException;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Creating, changing and deactivating users: the admin's work. */
@ApplicationScoped
public class UserService {

    @Inject
    InputValidator validator;

    @Inject
    Clock clock;

    @Inject
    PasswordRules passwords;

    @Inject
    CandorConfig config;

    @Transactional
    public User create(UserInput raw) {
        UserInput input = raw == null ? null : raw.normalised();
        validator.requireValid(input);
        if (input.password() == null || input.password().isBlank()) {
            throw ProblemException.invalidField("password", "is required for a new user");
        }
        if (User.findByUsername(input.username()).isPresent()) {
            throw ProblemException.conflict("A user with username '" + input.username() + "' already exists.");
        }
        User user = new User();
        user.username = input.username();
        user.createdAt = clock.instant();
        apply(user, input);
        user.persist();
        Log.infof("User %s created with roles %s", user.username, user.roles);
        return user;
    }

    @Transactional
    public User update(long id, UserInput raw, String actingUsername) {
        UserInput input = raw == null ? null : raw.normalised();
        validator.requireValid(input);
        User user = find(id).orElseThrow(() -> ProblemException.notFound("User", id));
        if (!user.username.equals(input.username())) {
            throw ProblemException.invalidField("username", "cannot be changed");
        }
        if (user.username.equals(actingUsername) && !input.roles().contains(Role.ADMIN)) {
            throw ProblemException.conflict("You cannot remove the admin role from your own account.");
        }
        apply(user, input);
        return user;
    }

    @Transactional
    public User setActive(long id, boolean active, String actingUsername) {
        User user = find(id).orElseThrow(() -> ProblemException.notFound("User", id));
        if (!active && user.username.equals(actingUsername)) {
            throw ProblemException.conflict("You cannot deactivate your own account.");
        }
        if (user.active && !active) {
            user.endSessions();
        }
        user.active = active;
        Log.infof("User %s %s by %s", user.username, active ? "activated" : "deactivated", actingUsername);
        return user;
    }

    /**
     * A person the identity provider has just signed in: their row, created at first sign-in, with the name, e-mail
     * and roles the provider gives (the provider is where these are kept: changes made here are overwritten at the
     * next sign-in). Refused (ProblemException) without a username or a role, or when deactivated here.
     */
    @Transactional
    public User signedInByProvider(String username, String fullName, String email, Set<String> roles) {
        if (username == null || username.length() > 64 || username.chars().anyMatch(Character::isISOControl)) {
            throw ProblemException.forbidden("The identity provider gave no usable username.");
        }
        if (roles.isEmpty()) {
            throw ProblemException.forbidden("The identity provider gives " + username + " no Candor role.");
        }
        User user = User.findByUsername(username).orElse(null);
        if (user != null && !user.active) {
            throw ProblemException.forbidden("User " + username + " is deactivated.");
        }
        boolean created = user == null;
        if (created) {
            user = new User();
            user.username = username;
            user.createdAt = clock.instant();
            // no local password: a random one nobody knows (the column is required; form login stays possible for others)
            user.setPassword(ApiTokenSecret.generate(), config.auth().passwordCost());
        }
        String name = fullName == null ? username : fullName.length() > 200 ? fullName.substring(0, 200) : fullName;
        String mail = email != null && email.length() <= 254 && email.matches("[^@\\s]+@[^@\\s]+") ? email : user.email;
        String newRoles = String.join(",", Role.ALL.stream().filter(roles::contains).toList());
        if (!name.equals(user.fullName) || !Objects.equals(mail, user.email) || !newRoles.equals(user.roles)) {
            user.fullName = name;
            user.email = mail;
            user.roles = newRoles;
        }
        if (created) {
            user.persist();
            Log.infof("User %s created at first single sign-on with roles %s", username, newRoles);
        }
        return user;
    }

    /** Sign-out: ends this user's sessions everywhere (the cookie alone could be replayed). */
    @Transactional
    public void signOut(String username) {
        User.findByUsername(username).ifPresent(User::endSessions);
    }

    /** A user changes their own password: the old one is required; their other sessions end. */
    @Transactional
    public User changeOwnPassword(String username, String oldPassword, String newPassword) {
        User user = User.findByUsername(username).orElseThrow(() -> ProblemException.notFound("User", username));
        if (oldPassword == null || !BcryptUtil.matches(oldPassword, user.password)) {
            throw ProblemException.invalidField("oldPassword", "is not your current password");
        }
        passwords.requireAcceptable(newPassword, username, "newPassword");
        user.setPassword(newPassword, config.auth().passwordCost());
        user.endSessions();
        Log.infof("User %s changed their password", username);
        return user;
    }

    public Optional<User> find(long id) {
        return User.findByIdOptional(id);
    }

    public List<User> list() {
        return User.listByName();
    }

    /** The users page: {@link #PAGE_SIZE} users by name, optionally those matching {@code search} (at most 200 characters). */
    public UserPage page(String search, int page) {
        if (search != null && search.length() > 200) {
            throw ProblemException.invalidField("q", "the search is at most 200 characters");
        }
        long first = (long) (page - 1) * PAGE_SIZE;
        // One more than a page: is there a next one? A page beyond any list is empty (the offset as an int would overflow).
        List<User> found = first > Integer.MAX_VALUE - PAGE_SIZE - 1 ? List.of() : User.listByName(search, (int) first, PAGE_SIZE + 1);
        boolean more = found.size() > PAGE_SIZE;
        return new UserPage(more ? found.subList(0, PAGE_SIZE) : found, search == null ? "" : search.strip(), page, more);
    }

    static final int PAGE_SIZE = 50;

    /** A page of the users list; {@code search} as typed (stripped), "" for everyone. */
    public record UserPage(List<User> users, String search, int page, boolean hasNext) {

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }

        /** The search for a link to another page of the same list: "&q=…", or "" for everyone. */
        public String query() {
            return search.isEmpty() ? "" : "&q=" + URLEncoder.encode(search, StandardCharsets.UTF_8);
        }
    }

    private void apply(User user, UserInput input) {
        LinkedHashSet<String> roles = new LinkedHashSet<>();
        for (String role : input.roles()) {
            String r = role.strip();
            if (!Role.ALL.contains(r)) {
                throw ProblemException.invalidField("roles", "'" + r + "' is not one of " + String.join(", ", Role.ALL));
            }
            roles.add(r);
        }
        String newRoles = String.join(",", roles);
        if (user.roles != null && !user.roles.equals(newRoles)) {
            user.endSessions(); // a session must not keep roles it no longer has, nor miss new limits
        }
        user.roles = newRoles;
        user.fullName = input.fullName().strip();
        user.jobTitle = InputValidator.clean(input.jobTitle());
        user.email = InputValidator.clean(input.email());
        if (input.password() != null && !input.password().isBlank()) {
            passwords.requireAcceptable(input.password(), user.username, "password");
            if (user.password != null) {
                user.endSessions(); // whoever knew the old password is signed out
            }
            user.setPassword(input.password(), config.auth().passwordCost());
        }
    }
}
