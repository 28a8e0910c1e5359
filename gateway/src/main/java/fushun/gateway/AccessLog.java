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
 * edge inward. The query string is left out: it can carry a search for a person's name.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("fushun.gateway.access");

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
                log.info("{} {} {} {} ms", exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                        status == null ? "-" : status.value(), (System.nanoTime() - started) / 1_000_000);
            }
        });
    }
}
