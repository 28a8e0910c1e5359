package fushun.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The harness's settings, from flags ({@code --households 20000}) or, for each, an environment
 * variable ({@code BENCH_HOUSEHOLDS}); a flag wins.
 *
 * @param households      the city's households (the latency pool comes on top)
 * @param seed            the city's seed: same seed and size, same city
 * @param latencySeconds  how long the latency run sends 100 signals/s
 * @param signalsPerSecond the latency run's rate
 * @param instances       1, or 2 for a second instance of each bureau service (start mode only)
 * @param start           true: start the platform (own data dir, ports shifted); false: use the running one
 * @param portOffset      the started platform's port offset
 * @param dataDir         the started platform's data dir (deleted first: the first start is a fresh one)
 * @param out             the CSV file, or null for {@code deploy/bench/target/bench-<date>.csv}
 * @param settlementRows  department records of the month (default: 10 per 3 households)
 * @param producerRecords records ProducerPerformance sends
 * @param senders         settlement batches in flight at once
 */
public record BenchOptions(int households, long seed, int latencySeconds, int signalsPerSecond, int instances,
                           boolean start, int portOffset, Path dataDir, Path out, int settlementRows,
                           int producerRecords, int senders) {

    public static BenchOptions parse(String[] args, Map<String, String> env, Path root) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("not an option: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            given.put(name, value);
        }
        java.util.function.BiFunction<String, String, String> get = (name, fallback) -> given.getOrDefault(name,
                env.getOrDefault("BENCH_" + name.toUpperCase().replace('-', '_'), fallback));
        int households = Integer.parseInt(get.apply("households", "300000"));
        String platform = get.apply("platform", "start");
        if (!platform.equals("start") && !platform.equals("running")) {
            throw new IllegalArgumentException("--platform is start or running, not " + platform);
        }
        int instances = Integer.parseInt(get.apply("instances", "1"));
        if (instances < 1 || instances > 2) {
            throw new IllegalArgumentException("--instances is 1 or 2");
        }
        String out = get.apply("out", "");
        String rows = get.apply("settlement-rows", "");
        return new BenchOptions(households, Long.parseLong(get.apply("seed", "20261202")),
                Integer.parseInt(get.apply("latency-seconds", "300")),
                Integer.parseInt(get.apply("signals-per-second", "100")), instances, platform.equals("start"),
                Integer.parseInt(get.apply("port-offset", "20000")),
                Path.of(get.apply("data-dir", root.resolve("deploy/bench/target/bench-data").toString())),
                out.isBlank() ? null : Path.of(out),
                rows.isBlank() ? (int) Math.round(households * 10.0 / 3) : Integer.parseInt(rows),
                Integer.parseInt(get.apply("producer-records", "500000")),
                Integer.parseInt(get.apply("senders", "2")));
    }

    /** Households the latency run needs: one per signal. */
    public int latencyHouseholds() {
        return latencySeconds * signalsPerSecond;
    }
}
