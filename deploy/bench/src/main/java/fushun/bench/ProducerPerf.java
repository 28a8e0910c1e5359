package fushun.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own ProducerPerformance ({@code org.apache.kafka.tools.ProducerPerformance}, from
 * kafka-tools) in a child JVM against the platform's broker, as the launcher's principal, on a
 * scratch topic the caller creates and deletes: the raw produce rate the settlements are compared
 * with. The login goes in a file only this user can read, never on the command line.
 */
final class ProducerPerf {

    /** ProducerPerformance's summary line. */
    record Result(long records, double recordsPerSecond, double megabytesPerSecond, double avgLatencyMs,
                  double maxLatencyMs, long p50Ms, long p99Ms) {
    }

    static final String MAIN_CLASS = "org.apache.kafka.tools.ProducerPerformance";

    private static final Pattern SUMMARY = Pattern.compile("(\\d+) records sent, ([\\d.]+) records/sec \\(([\\d.]+) MB/sec\\), "
            + "([\\d.]+) ms avg latency, ([\\d.]+) ms max latency, (\\d+) ms 50th, (\\d+) ms 95th, (\\d+) ms 99th");

    private ProducerPerf() {
    }

    static Result run(Properties login, String topic, long records, int recordSize, Path workDir, String classpath)
            throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path config = workDir.resolve("producer-perf.properties");
        Files.deleteIfExists(config);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(config, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Properties producer = new Properties();
        producer.putAll(login);
        producer.put("acks", "all");
        try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            producer.store(out, "ProducerPerformance's login for the benchmark; deleted after the run");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-cp", classpath,
                MAIN_CLASS, "--topic", topic, "--num-records", Long.toString(records),
                "--record-size", Integer.toString(recordSize), "--throughput", "-1", "--producer.config", config.toString()));
        Path log = workDir.resolve("producer-perf.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("ProducerPerformance did not finish in 10 minutes; see " + log);
            }
        } finally {
            // an interrupted harness leaves no producer behind
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(config);
        }
        Result result = parse(Files.readAllLines(log));
        if (result == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary (exit " + process.exitValue() + "); see " + log);
        }
        return result;
    }

    /** The last summary line of ProducerPerformance's output, or null. */
    static Result parse(List<String> lines) {
        Result last = null;
        for (String line : lines) {
            Matcher m = SUMMARY.matcher(line);
            if (m.find()) {
                last = new Result(Long.parseLong(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)),
                        Double.parseDouble(m.group(4)), Double.parseDouble(m.group(5)), Long.parseLong(m.group(6)),
                        Long.parseLong(m.group(8)));
            }
        }
        return last;
    }
}
