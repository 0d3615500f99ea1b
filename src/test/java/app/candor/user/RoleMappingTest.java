package app.candor.user;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the identity provider says, turned into Candor's roles. */
class RoleMappingTest {

    private final RoleMapping mapping = new RoleMapping(List.of("candor-recruiters", "Talent"), List.of("candor-managers"),
            List.of("candor-admins"));

    @Test
    void eachConfiguredGroupGivesItsRoleAndOthersNothing() {
        assertThat(mapping.roles(List.of("candor-recruiters"))).containsExactly(Role.RECRUITER);
        assertThat(mapping.roles(List.of("Talent", "other"))).containsExactly(Role.RECRUITER);
        assertThat(mapping.roles(List.of("candor-managers", "candor-admins"))).containsExactlyInAnyOrder(Role.HIRING_MANAGER, Role.ADMIN);
        assertThat(mapping.roles(List.of("other-team", "CANDOR-RECRUITERS", "candor-recruiters-old"))).as("exact matches only").isEmpty();
        assertThat(mapping.roles(List.of())).isEmpty();
    }

    @Test
    void theClaimIsFoundByItsPathWhateverItsShape() {
        Map<String, Object> claims = Map.of(
                "groups", List.of("candor-managers", 42),
                "realm_access", Map.of("roles", List.of("candor-admins")),
                "role", "candor-recruiters");
        assertThat(RoleMapping.values(claims, "groups")).containsExactly("candor-managers");
        assertThat(RoleMapping.values(claims, "realm_access.roles")).containsExactly("candor-admins");
        assertThat(RoleMapping.values(claims, "role")).containsExactly("candor-recruiters");
        assertThat(RoleMapping.values(claims, "missing")).isEmpty();
        assertThat(RoleMapping.values(claims, "groups.deeper")).isEmpty();
        assertThat(mapping.roles(RoleMapping.values(claims, "realm_access.roles"))).containsExactly(Role.ADMIN);
    }

    @Test
    void nothingConfiguredMeansNoRoles() {
        RoleMapping none = new RoleMapping(List.of(), List.of(), List.of());
        assertThat(none.roles(List.of("candor-recruiters", "admin", "recruiter"))).isEmpty();
    }
}
