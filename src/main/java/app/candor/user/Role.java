package app.candor.user;

import java.util.List;

/** The roles Candor knows. Constants so that {@code @RolesAllowed} can name them. */
public final class Role {
    public static final String RECRUITER = "recruiter";
    public static final String HIRING_MANAGER = "hiring-manager";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(RECRUITER, HIRING_MANAGER, ADMIN);

    private Role() {
    }
}
