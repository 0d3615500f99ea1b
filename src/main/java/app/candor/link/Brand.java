package app.candor.link;

import app.candor.system.CandorConfig;
import io.quarkus.logging.Log;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import java.util.regex.Pattern;

/**
 * The employer on the candidate pages: their logo ({@code inject:brand.logo}) and colour. The colour goes in a small
 * stylesheet of its own ({@code /c/brand.css}): the pages allow no inline styles.
 */
@Named("brand")
@ApplicationScoped
@Path("/c/brand.css")
public class Brand {

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String DEFAULT_COLOUR = "#1f5fbf";

    @Inject
    CandorConfig config;

    private String colour;

    @PostConstruct
    void check() {
        colour = config.companyColour().strip();
        if (!COLOUR.matcher(colour).matches()) {
            Log.warnf("candor.company-colour is not a colour like #1f5fbf; using %s", DEFAULT_COLOUR);
            colour = DEFAULT_COLOUR;
        }
    }

    /** The logo's address, or null for none. */
    public String getLogo() {
        return config.companyLogo().map(String::strip).filter(l -> l.startsWith("/") && !l.startsWith("//")).orElse(null);
    }

    @GET
    @Produces("text/css")
    public Response stylesheet() {
        String css = ":root { --brand: " + colour + "; }\n"
                + "header.top.brand-bar { border-top: 6px solid var(--brand); }\n"
                + ".candidate button:not(.secondary) { background: var(--brand); border-color: var(--brand); }\n"
                + ".candidate button.secondary { color: var(--brand); border-color: var(--brand); }\n";
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(css).cacheControl(cache).build();
    }
}
