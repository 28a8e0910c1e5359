package fushun.gateway;

import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every request past the security check is counted against its caller: a signed-in user or client
 * by the token's subject, anyone else by address. Over the limit answers 429 with
 * {@code Retry-After} as a problem. A body announced larger than the limit answers 413 before it is
 * read (roster uploads have a limit of their own).
 */
class RateAndSizeLimits implements WebFilter, Ordered {

    /** Limits per caller; the defaults leave room for a dashboard's burst of calls and a person's work. */
    @ConfigurationProperties("gateway.limits")
    record Settings(Double perSecond, Double burst, Double anonymousPerSecond, Double anonymousBurst,
                    Long maxBodyBytes, Long maxUploadBytes) {

        Settings {
            perSecond = perSecond == null ? 50 : perSecond;
            burst = burst == null ? 200 : burst;
            anonymousPerSecond = anonymousPerSecond == null ? 100 : anonymousPerSecond;
            anonymousBurst = anonymousBurst == null ? 400 : anonymousBurst;
            maxBodyBytes = maxBodyBytes == null ? 8L * 1024 * 1024 : maxBodyBytes;
            maxUploadBytes = maxUploadBytes == null ? 256L * 1024 * 1024 : maxUploadBytes;
        }
    }

    private final Settings settings;
    private final TokenBuckets callers;
    private final TokenBuckets anonymous;

    RateAndSizeLimits(Settings settings, Clock clock) {
        this.settings = settings;
        this.callers = new TokenBuckets(settings.perSecond(), settings.burst(), clock);
        this.anonymous = new TokenBuckets(settings.anonymousPerSecond(), settings.anonymousBurst(), clock);
    }

    @Override
    public int getOrder() {
        // after Spring Security's chain (-100), so the caller is known
        return 0;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (path.equals("/livez") || path.equals("/readyz")) {
            return chain.filter(exchange);
        }
        long length = exchange.getRequest().getHeaders().getContentLength();
        long max = path.startsWith("/api/monitoring/imports") ? settings.maxUploadBytes() : settings.maxBodyBytes();
        if (length > max) {
            return GatewaySecurity.problem(exchange, HttpStatus.CONTENT_TOO_LARGE, "请求体过大",
                    "请求体不能超过 " + max / (1024 * 1024) + " MB。");
        }
        return exchange.getPrincipal()
                .map(principal -> principal instanceof JwtAuthenticationToken jwt && ((Authentication) jwt).isAuthenticated()
                        ? callers.take("caller:" + jwt.getName())
                        : anonymous.take("address:" + address(exchange)))
                .switchIfEmpty(Mono.fromSupplier(() -> anonymous.take("address:" + address(exchange))))
                .flatMap(wait -> {
                    if (wait == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", Long.toString(wait));
                    return GatewaySecurity.problem(exchange, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁",
                            "请求过于频繁，请 " + wait + " 秒后重试。");
                });
    }

    private static String address(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
