package fushun.gateway;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code /api/**} needs a valid token, except the console's public views; the console's pages,
 * the probes and fallbacks are open; every actuator path is closed (metrics are read on each
 * process's management port, the gateway's included, never through the gateway).
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
    SecurityWebFilterChain gatewayFilterChain(ServerHttpSecurity http, Environment environment) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .authorizeExchange(exchange -> exchange
                        // the management port (never published; loopback locally) serves the actuator
                        .matchers(onManagementPort(environment)).permitAll()
                        .pathMatchers("/api/*/api-docs", "/api/*/api-docs/**", "/api/*/docs", "/api/*/docs/**").permitAll()
                        // the console's sign-in settings and its public, suppressed figures
                        .pathMatchers("/api/console/public/**").permitAll()
                        .pathMatchers("/api/**").authenticated()
                        // the gateway's actuator is on its management port; no actuator path, the gateway's
                        // or (through the console's catch-all route) a service's, is reachable here.
                        // The probes are /livez and /readyz.
                        .pathMatchers("/actuator", "/actuator/**", "/*/actuator/**").denyAll()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(oauth -> oauth
                        .jwt(jwt -> { })
                        .authenticationEntryPoint((exchange, e) -> problem(exchange, HttpStatus.UNAUTHORIZED,
                                "未登录或令牌无效", "请携带有效的访问令牌（Bearer token）。")))
                .build();
    }

    /**
     * An actuator path on the management server's port, as bound (a test's is random): the socket's
     * own port, since no forwarded header is trusted ({@code server.forward-headers-strategy: none}).
     */
    private static ServerWebExchangeMatcher onManagementPort(Environment environment) {
        return exchange -> {
            var local = exchange.getRequest().getLocalAddress();
            String port = environment.getProperty("local.management.port");
            boolean actuator = exchange.getRequest().getPath().pathWithinApplication().value().startsWith("/actuator/");
            return actuator && local != null && port != null && local.getPort() == Integer.parseInt(port)
                    ? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
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
