package app.candor.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import app.candor.system.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Who is who, for choosing a recruiter or hiring manager on a requisition; and who am I. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserDirectoryResource {

    @Inject
    CurrentUser currentUser;

    @Inject
    UserService users;

    public record Person(Long id, String username, String fullName, String jobTitle, List<String> roles) {
        static Person of(User u) {
            return new Person(u.id, u.username, u.fullName, u.jobTitle, u.roleList());
        }
    }

    @GET
    @RolesAllowed({Role.RECRUITER, Role.ADMIN})
    public List<Person> list(@QueryParam("role") String role) {
        List<User> found = role == null ? User.listByName().stream().filter(u -> u.active).toList()
                : User.listActiveWithRole(role);
        return found.stream().map(Person::of).toList();
    }

    /** A user's own password change: the current password is required; the new one follows {@link PasswordRules}. */
    public record PasswordChange(String oldPassword, String newPassword) {
    }

    @POST
    @Path("me/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    @Operation(summary = "Change your own password",
            description = "The current password is required. Every sign-in session of yours ends; API clients use the new password from now on.")
    public Response changePassword(PasswordChange change) {
        if (change == null) {
            throw ProblemException.invalidField("newPassword", "is required");
        }
        users.changeOwnPassword(currentUser.get().username, change.oldPassword(), change.newPassword());
        return Response.noContent().build();
    }

    @GET
    @Path("me")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Person me() {
        return Person.of(currentUser.get());
    }
}
