package app.candor.system;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API document describes the API (/api) only. The pages are Quarkus REST resources too, but their
 * answers are Qute templates: listed, they exposed the template engine's classes (TemplateInstance,
 * EngineImpl...) as "schemas" (issue 18). Their paths go, and so does every schema nothing left refers to.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiApiOnly implements OASFilter {

    private static final String REF_PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (!path.equals("/api") && !path.startsWith("/api/")) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Deque<Schema> pending = new ArrayDeque<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> collect(op, pending)));
        Set<String> used = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema s = pending.pop();
            if (s.getRef() != null && s.getRef().startsWith(REF_PREFIX)) {
                String name = s.getRef().substring(REF_PREFIX.length());
                if (used.add(name) && schemas.get(name) != null) {
                    pending.push(schemas.get(name));
                }
            }
            if (s.getProperties() != null) {
                pending.addAll(s.getProperties().values());
            }
            if (s.getItems() != null) {
                pending.push(s.getItems());
            }
            if (s.getAdditionalPropertiesSchema() != null) {
                pending.push(s.getAdditionalPropertiesSchema());
            }
            for (List<Schema> group : new List[] {s.getAllOf(), s.getAnyOf(), s.getOneOf()}) {
                if (group != null) {
                    pending.addAll(group);
                }
            }
            if (s.getNot() != null) {
                pending.push(s.getNot());
            }
        }
        for (String name : List.copyOf(schemas.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    private static void collect(Operation op, Deque<Schema> into) {
        if (op.getParameters() != null) {
            for (Parameter p : op.getParameters()) {
                if (p.getSchema() != null) {
                    into.push(p.getSchema());
                }
            }
        }
        if (op.getRequestBody() != null) {
            collect(op.getRequestBody().getContent(), into);
        }
        if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
            op.getResponses().getAPIResponses().values().forEach(r -> collect(r.getContent(), into));
        }
    }

    private static void collect(Content content, Deque<Schema> into) {
        if (content != null && content.getMediaTypes() != null) {
            content.getMediaTypes().values().forEach(m -> {
                if (m.getSchema() != null) {
                    into.push(m.getSchema());
                }
            });
        }
    }
}
