package app.candor.user;

import app.candor.system.ApiChallenge;
import app.candor.system.CandorConfig;
import app.candor.system.Refusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * How /api and /q/metrics sign a request in (quarkus.http.auth.permission.api.auth-mechanism=candor-api):
 * <ul>
 * <li>{@code Authorization: Bearer candor_...}: a Candor API token ({@link ApiTokenIdentityProvider});</li>
 * <li>any other bearer token: the identity provider's access token, when single sign-on is on (quarkus-oidc checks
 * it, {@link OidcSignIn} maps it to a Candor user);</li>
 * <li>{@code Authorization: Basic}: a username and password, only while candor.auth.basic is on.</li>
 * </ul>
 * Never a session cookie: a cookie is sent by the browser on its own, so the API would be open to cross-site use.
 */
@ApplicationScoped
public class ApiSignIn implements HttpAuthenticationMechanism {

    public static final String SCHEME = "candor-api";

    @Inject
    CandorConfig config;

    @Inject
    QuarkusMechanisms quarkus;

    @Inject
    ApiChallenge apiChallenge;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identities) {
        String authorization = rc.request().getHeader(HttpHeaders.AUTHORIZATION);
        apiChallenge.answerFailuresWithProblem(rc);
        if (authorization == null) {
            return Uni.createFrom().nullItem();
        }
        if (startsWithIgnoreCase(authorization, "Bearer ")) {
            String token = authorization.substring("Bearer ".length()).strip();
            if (ApiTokenSecret.looksLikeOne(token)) {
                ApiTokenRequest request = new ApiTokenRequest(token);
                HttpSecurityUtils.setRoutingContextAttribute(request, rc);
                return identities.authenticate(request);
            }
            if (config.oidc().enabled()) {
                return quarkus.oidc().authenticate(rc, identities);
            }
            return refuse(rc, "This bearer token is not a Candor API token.");
        }
        if (startsWithIgnoreCase(authorization, "Basic ")) {
            if (!config.auth().basic() || !config.auth().localPasswords()) {
                return refuse(rc, "HTTP Basic with a password is switched off here: send an API token (Authorization: Bearer).");
            }
            return quarkus.basic().authenticate(rc, identities);
        }
        return refuse(rc, "Send an API token (Authorization: Bearer)" + (config.auth().basic() ? " or a username and password (Basic)." : "."));
    }

    private static Uni<SecurityIdentity> refuse(RoutingContext rc, String detail) {
        if (!rc.response().ended()) {
            Refusal.send(rc, true, 401, "Unauthorized", detail);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("refused: " + detail));
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext rc) {
        // 401; system/ApiChallenge names the schemes in WWW-Authenticate (never to a browser)
        return Uni.createFrom().item(new ChallengeData(401, null, null));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(ApiTokenRequest.class, UsernamePasswordAuthenticationRequest.class, TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext rc) {
        return Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, SCHEME));
    }
}
