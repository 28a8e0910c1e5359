package fushun.platform.inbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The W3C trace context of the event being handled, so events a handler publishes continue the
 * trace of the event that caused them.
 */
public final class TraceContext {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TraceContext() {
    }

    static void runWithin(String traceparent, Runnable action) {
        String previous = CURRENT.get();
        CURRENT.set(traceparent);
        try {
            action.run();
        } finally {
            CURRENT.set(previous);
        }
    }

    /** The current trace with a new span id, or a new trace. */
    public static String continueOrStart() {
        String current = CURRENT.get();
        String traceId = current != null && current.length() == 55 ? current.substring(3, 35) : randomHex(16);
        return "00-" + traceId + "-" + randomHex(8) + "-01";
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
