package app.candor.system;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The name Candor gives in SMTP's EHLO: the host of {@code candor.public-url} (required in production), else
 * {@code localhost}, as the links in its letters then say ({@link PublicUrl}); {@code quarkus.mailer.own-host-name}
 * still decides when set. Without a name the Vert.x mail client looks up the machine's canonical host name before its
 * first send (MailClientImpl.sendMail): where reverse DNS is slow or does not answer, that lookup can hold the first
 * letters back for as long as the resolver waits, and the name it finds (often a container's id, or localhost) is one
 * receiving servers may refuse.
 * The ordinal is below application.properties, so that file and the environment still decide.
 */
public class MailHostNameConfigSourceFactory implements ConfigSourceFactory {

    static final String PUBLIC_URL = "candor.public-url";
    static final String OWN_HOST_NAME = "quarkus.mailer.own-host-name";
    static final int ORDINAL = 150;
    /** The host of the address Candor's links name when no public address is set. */
    static final String WITHOUT_PUBLIC_URL = "localhost";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue url = context.getValue(PUBLIC_URL);
        String host = hostOf(url == null ? null : url.getValue()).orElse(WITHOUT_PUBLIC_URL);
        return List.of(new PropertiesConfigSource(Map.of(OWN_HOST_NAME, host), "candor-mail-host-name", ORDINAL));
    }

    /**
     * What EHLO should say for an absolute http(s) URL: its domain, or for an IP address the address literal RFC 5321
     * asks for ({@code [192.0.2.7]}, {@code [IPv6:2001:db8::1]}; Vert.x writes the name as given). Nothing for a blank,
     * relative or unparseable URL.
     */
    static Optional<String> hostOf(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url.strip());
            String host = uri.getHost();
            if (host == null || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.empty();
            }
            if (host.startsWith("[")) {
                return Optional.of("[IPv6:" + host.substring(1, host.length() - 1).toLowerCase(Locale.ROOT) + "]");
            }
            return Optional.of(host.matches("[0-9.]+") ? "[" + host + "]" : host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
