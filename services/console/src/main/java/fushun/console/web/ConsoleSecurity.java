package fushun.console.web;

import fushun.platform.security.KeycloakJwtConverter;
import fushun.platform.security.ProblemSecurityHandlers;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The pages and scripts are public (signing in happens in the browser, against Keycloak); the
 * console's API needs a token like every other service's, except its public views.
 *
 * <p>Every answer carries a strict Content-Security-Policy: the page holds access and refresh
 * tokens in its session storage, so no script may run that the console did not serve itself.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurity {

    /** Browser features the console never uses; denied so a script that got in could not use them either. */
    static final String PERMISSIONS_POLICY = "accelerometer=(), autoplay=(), camera=(), display-capture=(), "
            + "geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    @Bean
    SecurityFilterChain consoleSecurityFilterChain(HttpSecurity http, KeycloakJwtConverter converter,
                                                   ProblemSecurityHandlers problems,
                                                   @Value("${console.oidc.issuer}") String issuer) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/console/public/**", "/api/*/api-docs", "/api/*/api-docs/**").permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .anyRequest().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(issuer)))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Scripts and styles only from the console's own files: no inline script or style, no eval. The
     * browser talks to Keycloak's token endpoint itself (code exchange, refresh), so the issuer's
     * origin is the one other place it may connect to; signing in and out are navigations, which
     * {@code form-action} does not govern. ECharts draws on a canvas and positions it through the
     * CSSOM, which {@code style-src} allows; its HTML tooltips would need inline style attributes,
     * so the console asks for the canvas tooltips instead (js/charts.js).
     */
    static String contentSecurityPolicy(String issuer) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + origin(issuer) + "; frame-ancestors 'none'; base-uri 'none'; "
                + "form-action 'self'; object-src 'none'";
    }

    private static String origin(String issuer) {
        URI uri = URI.create(issuer);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("console.oidc.issuer must be an absolute URL: " + issuer);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
