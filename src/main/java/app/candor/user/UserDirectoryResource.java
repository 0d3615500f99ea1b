package app.candor.user;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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

    @GET
    @Path("me")
    @RolesAllowed({Role.RECRUITER, Role.HIRING_MANAGER, Role.ADMIN})
    public Person me() {
        return Person.of(currentUser.get());
    }
}
