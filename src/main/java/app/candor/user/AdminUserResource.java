package app.candor.user;

import app.candor.system.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

@Path("/api/admin/users")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users (admin)")
public class AdminUserResource {

    @Inject
    UserService users;

    @Inject
    SecurityIdentity identity;

    @GET
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{id}")
    public UserView get(@PathParam("id") long id) {
        return users.find(id).map(UserView::of).orElseThrow(() -> ProblemException.notFound("User", id));
    }

    @POST
    public Response create(UserInput input) {
        User user = users.create(input);
        return Response.created(URI.create("/api/admin/users/" + user.id)).entity(UserView.of(user)).build();
    }

    @PUT
    @Path("{id}")
    public UserView update(@PathParam("id") long id, UserInput input) {
        return UserView.of(users.update(id, input, identity.getPrincipal().getName()));
    }

    @POST
    @Path("{id}/deactivate")
    public UserView deactivate(@PathParam("id") long id) {
        return UserView.of(users.setActive(id, false, identity.getPrincipal().getName()));
    }

    @POST
    @Path("{id}/activate")
    public UserView activate(@PathParam("id") long id) {
        return UserView.of(users.setActive(id, true, identity.getPrincipal().getName()));
    }
}
