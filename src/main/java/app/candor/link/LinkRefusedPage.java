package app.candor.link;

import app.candor.system.CandorConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Locale;

/**
 * The one calm page for a candidate link that cannot be used (404), whatever the reason, and the
 * "please wait" page for an address that is being slowed down (429). The token is unknown here,
 * so the language comes from the browser's Accept-Language.
 */
public class LinkRefusedPage {

    @Inject
    CandorConfig config;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(boolean slowDown, String language, String company);
    }

    @ServerExceptionMapper
    public Response refused(LinkRefused e, HttpHeaders headers) {
        String language = config.languages().get(0);
        for (Locale wanted : headers.getAcceptableLanguages()) {
            if (config.languages().contains(wanted.getLanguage())) {
                language = wanted.getLanguage();
                break;
            }
        }
        String page = Templates.refused(e.slowDown, language, config.companyName()).setLocale(Locale.forLanguageTag(language)).render();
        Response.ResponseBuilder response = Response.status(e.slowDown ? 429 : 404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page);
        if (e.slowDown) {
            response.header("Retry-After", config.links().failureWindow().toSeconds());
        }
        return response.build();
    }
}
