package fushun.platform.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;

/**
 * The W3C {@code traceparent} of the span in progress (an HTTP request, a consumed record, a
 * scheduled job), so that an event written to the outbox now carries it in its record's headers
 * when the relay sends it later, from another thread. The consumer's observation continues the
 * trace from that header.
 */
public class CurrentTrace {

    /** The record header, and the carrier's key, of W3C trace context. */
    public static final String HEADER = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public CurrentTrace(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's {@code traceparent}, or null when no span is in progress (or tracing is off). */
    public String traceparent() {
        Span span = tracer.currentSpan();
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return carrier.get(HEADER);
    }
}
