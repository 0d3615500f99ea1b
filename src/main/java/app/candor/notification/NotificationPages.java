package app.candor.notification;

import app.candor.system.Flash;
import app.candor.user.CurrentUser;
import app.candor.user.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** The recruiter's "needs your attention" list. Opening an item marks it read (a POST: reading a page changes nothing). */
@Path("/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotificationPages {

    @Inject
    NotificationService notifications;

    @Inject
    CurrentUser currentUser;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<NotificationService.Item> items);
    }

    @GET
    @RolesAllowed(Role.RECRUITER)
    public TemplateInstance list() {
        return Templates.list(notifications.list(currentUser.get()));
    }

    @POST
    @Path("{id}/open")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response open(@PathParam("id") long id) {
        long applicationId = notifications.open(id, currentUser.get());
        return Response.seeOther(URI.create("/applications/" + applicationId + "#timeline")).build();
    }

    @POST
    @Path("read")
    @RolesAllowed(Role.RECRUITER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response markAllRead() {
        int n = notifications.markAllRead(currentUser.get());
        return Flash.redirect("/notifications", n == 0 ? "Nothing was unread." : n == 1 ? "1 item marked read." : n + " items marked read.");
    }
}
