package app.candor.user;

import app.candor.system.CandorConfig;
import app.candor.system.ProblemException;
import app.candor.system.Refusal;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person signed in by the identity provider (the code flow on the pages, or the provider's access token on the
 * API) becomes a Candor user: roles mapped from the configured claim ({@link RoleMapping}), the user row created at
 * first sign-in and its name, e-mail and roles kept as the provider says at every sign-in. A deactivated user, or
 * one the mapping gives no role, is refused with a page that says so (not sent back to the provider, which would
 * sign them in again at once and loop). The provider's own roles never reach Candor's checks.
 */
@ApplicationScoped
public class OidcSignIn implements SecurityIdentityAugmentor {

    /** On an identity the provider signed in and this class mapped. */
    static final String PROVIDER = "candor.provider";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CandorConfig config;

    @Inject
    UserService users;

    /** Whether quarkus-oidc signed this identity in (an ID token from the code flow, or a bearer access token). */
    static boolean signedInByProvider(SecurityIdentity identity) {
        return identity.getAttribute(PROVIDER) != null || identity.getCredential(IdTokenCredential.class) != null
                || identity.getCredential(AccessTokenCredential.class) != null;
    }

    @Override
    public int priority() {
        return 10; // ahead of InactiveUserCheck, which leaves these identities to this class
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return augment(identity, context, Map.of());
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context, Map<String, Object> attributes) {
        if (identity.isAnonymous() || !signedInByProvider(identity) || identity.getAttribute(PROVIDER) != null) {
            return Uni.createFrom().item(identity);
        }
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(attributes);
        if (!config.oidc().enabled() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return refuse(rc, "Single sign-on is switched off.");
        }
        Map<String, Object> claims = claims(jwt);
        CandorConfig.Oidc oidc = config.oidc();
        Set<String> roles = mapping(oidc).roles(RoleMapping.values(claims, oidc.roleClaim()));
        String username = text(claims.get(oidc.usernameClaim()));
        String fullName = text(claims.get("name"));
        String email = text(claims.get("email"));
        return context.runBlocking(() -> {
            User user;
            try {
                user = users.signedInByProvider(username, fullName, email, roles);
            } catch (ProblemException e) {
                return null;
            }
            return (SecurityIdentity) QuarkusSecurityIdentity.builder()
                    .setPrincipal(identity.getPrincipal())
                    .addCredentials(identity.getCredentials())
                    .addAttributes(identity.getAttributes())
                    .addRoles(Set.copyOf(user.roleList()))
                    .addAttribute(PROVIDER, Boolean.TRUE)
                    .addAttribute(InactiveUserCheck.USER, user)
                    .addAttribute(InactiveUserCheck.FULL_NAME, user.fullName)
                    .build();
        }).flatMap(mapped -> mapped != null ? Uni.createFrom().item(mapped)
                : refuse(rc, "Your account cannot use Candor: it is deactivated here, or your identity provider gives it no Candor role."
                        + " Ask a Candor admin."));
    }

    static RoleMapping mapping(CandorConfig.Oidc oidc) {
        return new RoleMapping(oidc.recruiterGroups().orElse(List.of()), oidc.hiringManagerGroups().orElse(List.of()),
                oidc.adminGroups().orElse(List.of()));
    }

    /** The token's claims as JSON; quarkus-oidc has verified its signature, issuer and lifetime already. */
    private static Map<String, Object> claims(JsonWebToken jwt) {
        String raw = jwt.getRawToken();
        String[] parts = raw == null ? new String[0] : raw.split("\\.");
        if (parts.length < 2) {
            return Map.of();
        }
        try {
            return JSON.readValue(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8), new TypeReference<>() {
            });
        } catch (Exception e) {
            return Map.of();
        }
    }

    private static String text(Object value) {
        return value instanceof String s && !s.isBlank() ? s.strip() : null;
    }

    /**
     * Refused with a page (or Problem Details on the API) written here, so that the failure is not answered with a
     * challenge: for the code flow that would be a redirect to the provider, which signs the person in again.
     */
    private static Uni<SecurityIdentity> refuse(RoutingContext rc, String detail) {
        if (rc != null && !rc.response().ended()) {
            String path = rc.normalizedPath();
            boolean api = path.equals("/api") || path.startsWith("/api/") || path.startsWith("/q/");
            Refusal.send(rc, api, 403, "Forbidden", detail);
        }
        return Uni.createFrom().failure(new AuthenticationFailedException("single sign-on refused"));
    }
}
