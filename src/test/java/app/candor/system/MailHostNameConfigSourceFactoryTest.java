package app.candor.system;

import app.candor.support.FactoryConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static app.candor.system.MailHostNameConfigSourceFactory.OWN_HOST_NAME;
import static org.assertj.core.api.Assertions.assertThat;

/** The EHLO name follows the public address unless it is set; the wire check is in MultiInstancePostgresIT. */
class MailHostNameConfigSourceFactoryTest {

    @Test
    void theEhloNameIsThePublicAddressesHostOrItsAddressLiteral() {
        assertThat(ownHostNameWith(Map.of("candor.public-url", "https://Candor.Example.com/"))).contains("candor.example.com");
        assertThat(ownHostNameWith(Map.of("candor.public-url", "https://candor.example.com:8443/hiring"))).contains("candor.example.com");
        assertThat(ownHostNameWith(Map.of("candor.public-url", "https://192.0.2.7"))).as("an address literal").contains("[192.0.2.7]");
        assertThat(ownHostNameWith(Map.of("candor.public-url", "https://[2001:DB8::1]:8443/"))).contains("[IPv6:2001:db8::1]");
    }

    @Test
    void anExplicitNameWinsAndWithoutAUsableAddressItIsLocalhostAsTheLinksSay() {
        assertThat(ownHostNameWith(Map.of("candor.public-url", "https://candor.example.com", OWN_HOST_NAME, "mx-out.example.com")))
                .contains("mx-out.example.com");
        assertThat(ownHostNameWith(Map.of())).contains("localhost");
        assertThat(ownHostNameWith(Map.of("candor.public-url", " "))).contains("localhost");
        assertThat(ownHostNameWith(Map.of("candor.public-url", "candor.example.com"))).as("no scheme: no host").contains("localhost");
        assertThat(ownHostNameWith(Map.of("candor.public-url", "https://exa mple.com"))).as("unparseable").contains("localhost");
        assertThat(ownHostNameWith(Map.of("candor.public-url", "ftp://candor.example.com"))).contains("localhost");
    }

    private static Optional<String> ownHostNameWith(Map<String, String> properties) {
        return FactoryConfig.value(new MailHostNameConfigSourceFactory(), properties, OWN_HOST_NAME);
    }
}
