package fushun.platform.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of one kind of bulk import (a roster file, a settlement batch) by outcome, and how long
 * each import took: {@code platform_import_rows_total{kind, outcome}} (rows per second is its
 * {@code rate}) and {@code platform_import_duration_seconds{kind}}. The counters are registered at
 * start, at zero, so a rate and an alert rule have a series before the first import.
 */
public final class ImportMetrics {

    public static final String ROWS = "platform.import.rows";
    public static final String DURATION = "platform.import.duration";

    /** A kind is a fixed word of the code, never a file name or a caller's input. */
    private static final Pattern KIND = Pattern.compile("[a-z][a-z-]{0,29}");

    public enum Outcome {
        ACCEPTED, REJECTED, DUPLICATE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Map<Outcome, Counter> rows = new EnumMap<>(Outcome.class);
    private final Timer duration;

    /** @param outcomes the outcomes this kind of import has (a roster file has no duplicates) */
    public ImportMetrics(MeterRegistry registry, String kind, Outcome... outcomes) {
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("An import's kind is a fixed lower-case word: " + kind);
        }
        this.registry = registry;
        for (Outcome outcome : outcomes) {
            rows.put(outcome, Counter.builder(ROWS).tag("kind", kind).tag("outcome", outcome.tag())
                    .description("rows of bulk imports, by kind and outcome").register(registry));
        }
        this.duration = Timer.builder(DURATION).tag("kind", kind)
                .description("how long one import (a file, a batch) took").register(registry);
    }

    /** Counts rows whose outcome is settled (call it after their transaction committed). */
    public void rows(Outcome outcome, long count) {
        Counter counter = rows.get(outcome);
        if (counter == null) {
            throw new IllegalArgumentException("This import has no outcome " + outcome);
        }
        if (count > 0) {
            counter.increment(count);
        }
    }

    /** Starts timing one import; {@link #finished} records it. */
    public Timer.Sample start() {
        return Timer.start(registry);
    }

    public void finished(Timer.Sample sample) {
        sample.stop(duration);
    }
}
