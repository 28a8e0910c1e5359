package fushun.platform.security;

import java.util.Collection;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated Keycloak token with the caller's name, roles and jurisdiction. */
public class PlatformAuthentication extends JwtAuthenticationToken {

    private final Jurisdiction jurisdiction;

    public PlatformAuthentication(Jwt jwt, Collection<? extends GrantedAuthority> authorities, String name,
                                  Jurisdiction jurisdiction) {
        super(jwt, authorities, name);
        this.jurisdiction = jurisdiction;
    }

    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }
}
