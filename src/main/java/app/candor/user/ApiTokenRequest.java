package app.candor.user;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer request carrying a Candor API token (not a provider's access token, which quarkus-oidc checks). */
public class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String secret;

    public ApiTokenRequest(String secret) {
        this.secret = secret;
    }

    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return "ApiTokenRequest"; // never the secret: request objects end up in debug logs
    }
}
