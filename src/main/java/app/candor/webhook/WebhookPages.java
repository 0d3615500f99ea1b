package app.candor.webhook;

import app.candor.system.Flash;
import app.candor.system.Form;
import app.candor.system.ProblemException;
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
import org.jboss.resteasy.reactive.RestForm;

import java.util.List;

/** The admin's webhook pages: the endpoints and a form to add one; each endpoint with its secret and delivery log. */
@Path("/admin/webhooks")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Role.ADMIN)
public class WebhookPages {

    @Inject
    WebhookEndpoints endpoints;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<WebhookEndpoints.View> endpoints, Form form);

        static native TemplateInstance endpoint(WebhookEndpoints.View e, List<WebhookEndpoints.DeliveryView> deliveries);
    }

    @GET
    public TemplateInstance list() {
        return Templates.list(endpoints.list(), Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String url, @RestForm String description, @RestForm String personalData) {
        Form form = Form.empty().with("url", url).with("description", description).with("personalData", personalData);
        try {
            WebhookEndpoints.View v = endpoints.create(new WebhookEndpoints.Input(url, description, personalData != null));
            return Flash.redirect("/admin/webhooks/" + v.id(), "Endpoint added. Configure its signing secret at the receiver.");
        } catch (ProblemException e) {
            return Response.status(e.status).entity(Templates.list(endpoints.list(), form.fail(e))).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance endpoint(@PathParam("id") long id) {
        return Templates.endpoint(endpoints.find(id, true), endpoints.deliveries(id, 100));
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") long id) {
        endpoints.setActive(id, true);
        return Flash.redirect("/admin/webhooks/" + id, "Endpoint enabled: its pending deliveries go out now.");
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") long id) {
        endpoints.setActive(id, false);
        return Flash.redirect("/admin/webhooks/" + id, "Endpoint disabled: events are no longer sent to it.");
    }

    @POST
    @Path("{id}/secret")
    public Response rotate(@PathParam("id") long id) {
        endpoints.rotateSecret(id);
        return Flash.redirect("/admin/webhooks/" + id, "New signing secret: the old one no longer verifies.");
    }
}
