package fushun.platform.security;

import fushun.platform.PlatformProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every service is a stateless resource server. Health and metrics are open (the launcher and
 * orchestrators probe them); everything else needs a valid token, and methods check roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableMethodSecurity
public class PlatformSecurityConfiguration {

    @Bean
    KeycloakJwtConverter keycloakJwtConverter(PlatformProperties properties) {
        return new KeycloakJwtConverter(properties.security().clientId());
    }

    @Bean
    ProblemSecurityHandlers problemSecurityHandlers() {
        return new ProblemSecurityHandlers();
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain platformSecurityFilterChain(HttpSecurity http, KeycloakJwtConverter converter,
                                                    ProblemSecurityHandlers problems) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        // the probes on the application port; the actuator itself is on the management
                        // port, which no gateway route reaches and a deployment does not publish
                        .requestMatchers("/livez", "/readyz", "/actuator/health/**", "/actuator/health", "/actuator/info",
                                "/actuator/prometheus", "/error").permitAll()
                        // the API's description is public; calling the API is not
                        .requestMatchers("/api/*/api-docs", "/api/*/api-docs/**", "/api/*/docs", "/api/*/docs/**",
                                "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(converter))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }
}
