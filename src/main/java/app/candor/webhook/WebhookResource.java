package app.candor.webhook;

import app.candor.user.Role;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/** Webhook endpoints (admin): register, enable, disable, rotate the secret, read the delivery log. */
@Path("/api/admin/webhooks")
@RolesAllowed(Role.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Webhooks (admin)")
public class WebhookResource {

    @Inject
    WebhookEndpoints endpoints;

    @GET
    public List<WebhookEndpoints.View> list() {
        return endpoints.list();
    }

    /** Registers an endpoint; the answer carries its signing secret. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(WebhookEndpoints.Input input) {
        WebhookEndpoints.View v = endpoints.create(input);
        return Response.created(URI.create("/api/admin/webhooks/" + v.id())).entity(v).build();
    }

    @GET
    @Path("{id}")
    public WebhookEndpoints.View get(@PathParam("id") long id) {
        return endpoints.find(id, false);
    }

    @POST
    @Path("{id}/enable")
    public WebhookEndpoints.View enable(@PathParam("id") long id) {
        return endpoints.setActive(id, true);
    }

    @POST
    @Path("{id}/disable")
    public WebhookEndpoints.View disable(@PathParam("id") long id) {
        return endpoints.setActive(id, false);
    }

    /** A new signing secret (the old one stops at once); the answer carries it. */
    @POST
    @Path("{id}/secret")
    public WebhookEndpoints.View rotate(@PathParam("id") long id) {
        return endpoints.rotateSecret(id);
    }

    /** The endpoint's delivery log, newest first (the last 100). */
    @GET
    @Path("{id}/deliveries")
    public List<WebhookEndpoints.DeliveryView> deliveries(@PathParam("id") long id) {
        return endpoints.deliveries(id, 100);
    }
}
