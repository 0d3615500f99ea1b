package app.candor.system;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * A refusal says what is wrong. Some are made without a body, out of reach of {@link ProblemMappers}: a
 * request filter that aborts (the CSRF check), a multipart body without a boundary. This gives every 4xx
 * that left Quarkus REST empty the body the mappers would have given: Problem Details under /api, the
 * error page elsewhere.
 */
public class RefusalBodies {

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if (status < 400 || status >= 500 || response.hasEntity()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type != null ? type.getReasonPhrase() : "Error";
        String detail = switch (status) {
            case 400 -> "The request could not be read, or the form was not sent from its page (reload the page and try again).";
            case 401 -> "Sign in first.";
            case 403 -> "Your role does not allow this.";
            case 404 -> "There is nothing at " + path + ".";
            case 405 -> "This method is not allowed here.";
            case 415 -> "This media type is not accepted here.";
            default -> title + ".";
        };
        if (path.equals("/api") || path.startsWith("/api/")) {
            response.setEntity(new Problem("about:blank", title, status, detail, path, null), new Annotation[0],
                    MediaType.valueOf(Problem.MEDIA_TYPE));
        } else {
            response.setEntity(ProblemMappers.Templates.error(status, title, detail, List.of()), new Annotation[0],
                    MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
