package fushun.gateway;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request when it is answered: method, path, status and time, with the request's
 * trace and span ids (the same trace the services log), so an operator can follow a call from the
 * edge inward. The query string is left out (it can carry a search for a person's name), and long
 * runs of digits in the path are masked.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("fushun.gateway.access");

    /**
     * A caller may put an ID or mobile number in a path (a 404 is logged too): an 18- or 15-digit ID
     * number and an 11-digit mobile number are masked; division codes (6, 9, 12 digits) stay.
     */
    static String masked(String path) {
        return LONG_DIGITS.matcher(path).replaceAll("***");
    }

    private static final java.util.regex.Pattern LONG_DIGITS = java.util.regex.Pattern.compile(
            "(?<!\\d)(\\d{17}[\\dXx]|\\d{15}|1[3-9]\\d{9})(?![\\dXx])");

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long started = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            if (!log.isInfoEnabled()) {
                return;
            }
            Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                    .map(context -> context.<TracingObservationHandler.TracingContext>get(
                            TracingObservationHandler.TracingContext.class))
                    .map(TracingObservationHandler.TracingContext::getSpan).orElse(null);
            var status = exchange.getResponse().getStatusCode();
            try (var traceId = MDC.putCloseable("traceId", span == null ? null : span.context().traceId());
                 var spanId = MDC.putCloseable("spanId", span == null ? null : span.context().spanId())) {
                log.info("{} {} {} {} ms", exchange.getRequest().getMethod(), masked(exchange.getRequest().getPath().value()),
                        status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
            }
        });
    }
}
