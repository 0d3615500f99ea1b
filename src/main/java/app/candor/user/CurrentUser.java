package app.candor.user;

import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in user of this request, as read when it was signed in; also what the page layout shows. */
@Named("currentUser")
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityIdentity identity;

    private User user;
    private boolean loaded;

    /** The signed-in user; only call on paths that require authentication. */
    public User get() {
        User u = find();
        if (u == null) {
            throw new UnauthorizedException();
        }
        return u;
    }

    public User find() {
        if (!loaded) {
            loaded = true;
            if (!identity.isAnonymous()) {
                // read while signing this request in (InactiveUserCheck or the credential cache); a query otherwise
                User signedIn = identity.getAttribute(InactiveUserCheck.USER);
                user = signedIn != null ? signedIn : User.findByUsername(identity.getPrincipal().getName()).orElse(null);
            }
        }
        return user;
    }

    /** For the page layout: answered from the identity alone, so error pages never query. */
    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public String getName() {
        if (identity.isAnonymous()) {
            return "";
        }
        String fullName = identity.getAttribute(InactiveUserCheck.FULL_NAME);
        return fullName != null ? fullName : identity.getPrincipal().getName();
    }

    /** The signed-in username ("" when anonymous), from the identity alone: the admin's own row has no deactivate button. */
    public String getUsername() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean isRecruiter() {
        return identity.hasRole(Role.RECRUITER);
    }

    public boolean isHiringManager() {
        return identity.hasRole(Role.HIRING_MANAGER);
    }

    public boolean isAdmin() {
        return identity.hasRole(Role.ADMIN);
    }
}
