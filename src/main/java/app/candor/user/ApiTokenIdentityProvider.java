package app.candor.user;

import app.candor.system.ApiChallenge;
import app.candor.system.ClientAddress;
import app.candor.system.Refusal;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.security.spi.runtime.BlockingSecurityExecutor;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;

/**
 * Signs in a request that carries a Candor API token: a hash lookup, no bcrypt. The token's scope is enforced here,
 * for every path at once: a read-only token cannot change anything, a metrics token reads /q/metrics only (and
 * carries only the {@code metrics} role, whoever owns it). Wrong tokens count against the client's address, as
 * wrong passwords do.
 */
@ApplicationScoped
public class ApiTokenIdentityProvider implements IdentityProvider<ApiTokenRequest> {

    /** On an identity signed in by an API token: its scope. */
    public static final String SCOPE = "candor.tokenScope";
    /** The role a metrics token carries instead of its owner's. */
    public static final String METRICS_ROLE = "metrics";

    @Inject
    ApiTokenService tokens;

    @Inject
    SignInThrottle throttle;

    @Inject
    ApiChallenge apiChallenge;

    @Inject
    BlockingSecurityExecutor blocking;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        apiChallenge.answerFailuresWithProblem(rc);
        String address = rc == null ? "unknown" : ClientAddress.of(rc.request());
        return blocking.executeBlocking(() -> throttle.waitForBearer(address)).flatMap(wait -> {
            if (!wait.isZero() && !wait.isNegative()) {
                return CachingIdentityProvider.refuseThrottled(rc, wait);
            }
            return blocking.executeBlocking(() -> check(request.secret(), address)).flatMap(verified -> {
                if (verified.isEmpty()) {
                    return Uni.createFrom().failure(new AuthenticationFailedException("unknown, expired or revoked API token"));
                }
                ApiTokenService.Verified v = verified.get();
                String refusal = rc == null ? null : v.scope().refusal(rc.request().method().name(), rc.normalizedPath());
                if (refusal != null) {
                    if (!rc.response().ended()) {
                        Refusal.send(rc, true, 403, "Forbidden", refusal);
                    }
                    return Uni.createFrom().failure(new AuthenticationFailedException("token scope"));
                }
                return Uni.createFrom().item(identity(v));
            });
        });
    }

    private Optional<ApiTokenService.Verified> check(String secret, String address) {
        Optional<ApiTokenService.Verified> verified = tokens.verify(secret);
        if (verified.isEmpty()) {
            throttle.bearerFailed(address);
        }
        return verified;
    }

    private static SecurityIdentity identity(ApiTokenService.Verified v) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(v.owner().username))
                .addAttribute(SCOPE, v.scope())
                .addAttribute(InactiveUserCheck.USER, v.owner())
                .addAttribute(InactiveUserCheck.FULL_NAME, v.owner().fullName)
                .addAttribute(CachingIdentityProvider.ACTIVE_CHECKED, Boolean.TRUE);
        if (v.scope() == ApiTokenScope.METRICS) {
            identity.addRole(METRICS_ROLE);
        } else {
            identity.addRoles(Set.copyOf(v.owner().roleList()));
        }
        return identity.build();
    }
}
