package app.candor.user;

import java.util.List;

public record UserView(Long id, String username, String fullName, String jobTitle, String email,
                       List<String> roles, boolean active) {

    public static UserView of(User u) {
        return new UserView(u.id, u.username, u.fullName, u.jobTitle, u.email, u.roleList(), u.active);
    }
}
