package fushun.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

class KeycloakJwtConverterTest {

    private final KeycloakJwtConverter converter = new KeycloakJwtConverter("fushun-platform");

    @Test
    void shouldMapRealmAndPlatformClientRolesAndDivision() {
        Jwt jwt = jwt(Map.of(
                "preferred_username", "xinbin-operator",
                "division", "210422",
                "realm_access", Map.of("roles", List.of("civil-affairs-operator", "offline_access")),
                "resource_access", Map.of(
                        "fushun-platform", Map.of("roles", List.of("pii-reveal")),
                        "other-client", Map.of("roles", List.of("admin")))));

        PlatformAuthentication authentication = (PlatformAuthentication) converter.convert(jwt);

        assertThat(authentication.getName()).isEqualTo("xinbin-operator");
        assertThat(authentication.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_civil-affairs-operator", "ROLE_offline_access", "ROLE_pii-reveal");
        assertThat(authentication.jurisdiction().covers("210422100201")).isTrue();
        assertThat(authentication.jurisdiction().covers("210423100201")).isFalse();
    }

    @Test
    void shouldGrantNoRolesAndNoJurisdictionWhenClaimsMissing() {
        PlatformAuthentication authentication = (PlatformAuthentication) converter.convert(jwt(Map.of("scope", "openid")));

        assertThat(authentication.getAuthorities()).isEmpty();
        assertThat(authentication.getName()).isEqualTo("subject-1");
        assertThat(authentication.jurisdiction()).isEqualTo(Jurisdiction.NONE);
    }

    private static Jwt jwt(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("subject-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        claims.forEach(builder::claim);
        return builder.build();
    }
}
