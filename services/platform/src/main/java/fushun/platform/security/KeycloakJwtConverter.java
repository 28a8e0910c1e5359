package fushun.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps Keycloak's {@code realm_access.roles} and {@code resource_access.<client>.roles} of the
 * platform's client to {@code ROLE_<role>}, and the {@code division} claim to a jurisdiction.
 * The caller's name is {@code preferred_username} (for a client, Keycloak's service-account name).
 */
public class KeycloakJwtConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String clientId;

    public KeycloakJwtConverter(String clientId) {
        this.clientId = clientId;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        rolesIn(jwt.getClaimAsMap("realm_access")).forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        Map<String, Object> resourceAccess = jwt.getClaimAsMap("resource_access");
        if (resourceAccess != null && resourceAccess.get(clientId) instanceof Map<?, ?> client) {
            rolesIn(client).forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        }
        String name = jwt.hasClaim("preferred_username") ? jwt.getClaimAsString("preferred_username") : jwt.getSubject();
        return new PlatformAuthentication(jwt, authorities, name, Jurisdiction.of(jwt.getClaimAsString("division")));
    }

    private static Collection<String> rolesIn(Map<?, ?> access) {
        if (access != null && access.get("roles") instanceof List<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
