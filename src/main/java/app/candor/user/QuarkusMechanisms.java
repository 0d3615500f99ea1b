package app.candor.user;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.BasicAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Quarkus's own sign-in mechanisms (form, HTTP Basic, OpenID Connect), for {@link PageSignIn} and {@link ApiSignIn} to
 * hand a request to. Those two are what the path permissions name: a path can name one mechanism only, and pages
 * need the form or the identity provider, the API a token, a provider's token or a password, each by configuration.
 */
@ApplicationScoped
public class QuarkusMechanisms {

    @Inject
    @Any
    Instance<HttpAuthenticationMechanism> all;

    private volatile HttpAuthenticationMechanism form;
    private volatile HttpAuthenticationMechanism basic;
    private volatile HttpAuthenticationMechanism oidc;

    HttpAuthenticationMechanism form() {
        if (form == null) {
            form = find(FormAuthenticationMechanism.class);
        }
        return form;
    }

    HttpAuthenticationMechanism basic() {
        if (basic == null) {
            basic = find(BasicAuthenticationMechanism.class);
        }
        return basic;
    }

    HttpAuthenticationMechanism oidc() {
        if (oidc == null) {
            oidc = find(OidcAuthenticationMechanism.class);
        }
        return oidc;
    }

    private HttpAuthenticationMechanism find(Class<?> type) {
        for (HttpAuthenticationMechanism m : all) {
            if (type.isInstance(m)) {
                return m;
            }
        }
        throw new IllegalStateException(type.getSimpleName() + " is not installed");
    }
}
