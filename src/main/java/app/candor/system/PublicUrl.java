package app.candor.system;

import io.quarkus.vertx.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Where candidates reach Candor from their mail: {@code candor.public-url} (required in production,
 * e.g. https://candor.example.com), else this server on localhost, its actual port included (tests
 * run on a random one).
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    CandorConfig config;

    @Inject
    HttpServer server;

    public String base() {
        return config.publicUrl()
                .map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url)
                .orElseGet(() -> "http://localhost:" + server.getPort());
    }
}
