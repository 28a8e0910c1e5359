package fushun.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/**} needs a valid token, except the console's public views; the console's pages,
 * health and fallbacks are open; every other actuator path is closed (metrics are read on each
 * process's own port, not through the gateway).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@org.springframework.boot.context.properties.EnableConfigurationProperties(RateAndSizeLimits.Settings.class)
class GatewaySecurity {

    @Bean
    RateAndSizeLimits rateAndSizeLimits(RateAndSizeLimits.Settings settings) {
        return new RateAndSizeLimits(settings, java.time.Clock.systemUTC());
    }

    @Bean
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers("/api/*/api-docs", "/api/*/api-docs/**", "/api/*/docs", "/api/*/docs/**").permitAll()
                        // the console's sign-in settings and its public, suppressed figures
                        .pathMatchers("/api/console/public/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        // health for probes; no other actuator endpoint, the gateway's or a service's, is reachable here
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator", "/actuator/**", "/*/actuator/**").denyAll()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "未登录或令牌无效", "请携带有效的访问令牌（Bearer token）。")))
                .build();
    }

    static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        String body = "{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
