package app.candor.system;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.List;

/**
 * A refusal written at the HTTP layer, before Quarkus REST (request gate, cross-site guard, failed or throttled
 * sign-in): Problem Details on the API, the calm error page elsewhere, in the words the resource mappers use.
 */
public final class Refusal {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Refusal() {
    }

    public static void send(RoutingContext rc, boolean api, int status, String title, String detail) {
        HttpServerResponse response = rc.response().setStatusCode(status);
        if (api) {
            String path = rc.request().path() == null ? "" : rc.request().path();
            String instance = path.length() > 200 ? path.substring(0, 200) : path;
            try {
                response.putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(JSON.writeValueAsString(new Problem("about:blank", title, status, detail, instance, null)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } else {
            response.putHeader("Content-Type", "text/html;charset=UTF-8")
                    .end(ProblemMappers.Templates.error(status, title, detail, List.of()).render());
        }
    }
}
