package app.candor.user;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Candor's roles from what the identity provider says about a person: the values of one claim (groups, app roles,
 * realm roles), each matched exactly against the configured lists (candor.oidc.recruiter-groups,
 * hiring-manager-groups, admin-groups). A person matching none gets no role, and is not let in.
 */
public record RoleMapping(List<String> recruiter, List<String> hiringManager, List<String> admin) {

    public Set<String> roles(Collection<String> claimValues) {
        Set<String> roles = new LinkedHashSet<>();
        for (String value : claimValues) {
            if (recruiter.contains(value)) {
                roles.add(Role.RECRUITER);
            }
            if (hiringManager.contains(value)) {
                roles.add(Role.HIRING_MANAGER);
            }
            if (admin.contains(value)) {
                roles.add(Role.ADMIN);
            }
        }
        return roles;
    }

    /**
     * The strings at {@code path} in a token's claims: a dotted path reaches into objects ("realm_access.roles" in
     * Keycloak), a claim that is one string counts as a list of one. Anything else gives nothing.
     */
    public static List<String> values(Object claims, String path) {
        Object current = claims;
        for (String part : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return List.of();
            }
            current = map.get(part);
        }
        if (current instanceof String s) {
            return List.of(s);
        }
        if (current instanceof Collection<?> c) {
            return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }
}
