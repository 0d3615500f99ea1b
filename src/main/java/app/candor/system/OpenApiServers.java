package app.candor.system;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.List;

/**
 * Names this instance's public address as the API document's server, so that "Try it out" in the API
 * explorer calls Candor where its users reach it. Being a run-time filter, it also lets the document be
 * written out when it is asked for ({@code quarkus.smallrye-openapi.always-run-filter}) instead of as JSON
 * and YAML at every start (issue 8: part of the tenth of the start-up's CPU the document took).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUN)
public class OpenApiServers implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String base = Arc.container().instance(PublicUrl.class).get().base();
        openAPI.setServers(List.of(OASFactory.createServer().url(base).description("this Candor")));
    }
}
