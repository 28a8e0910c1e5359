package fushun.bench;

import fushun.local.LocalPlatform;
import fushun.local.LocalPlatformOptions;
import fushun.local.Memory;
import fushun.local.Ports;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The platform the harness drives: one it started with the launcher (own data dir, shifted ports)
 * or one already running on the default ports, whose secrets it reads from {@code .local-data}.
 * Either way it knows the gateway, the token endpoint, the broker and the secrets, and finds the
 * platform's processes under /proc for their resident memory and the services' JVM flags.
 */
final class PlatformUnderTest implements AutoCloseable {

    private final Path root;
    private final Path dataDir;
    private final Ports ports;
    private final Properties secrets;
    private LocalPlatform started;

    private PlatformUnderTest(Path root, Path dataDir, Ports ports, Properties secrets, LocalPlatform started) {
        this.root = root;
        this.dataDir = dataDir;
        this.ports = ports;
        this.secrets = secrets;
        this.started = started;
    }

    /** Starts the launcher with these options; returns once every service is ready. */
    static PlatformUnderTest start(Path root, LocalPlatformOptions options) throws Exception {
        LocalPlatform platform = LocalPlatform.start(options);
        return new PlatformUnderTest(root, options.dataDir(), options.ports(), load(options.dataDir()), platform);
    }

    /** The developer's platform on the default ports, its secrets in {@code <root>/.local-data}. */
    static PlatformUnderTest attach(Path root, Path dataDir) throws IOException {
        return new PlatformUnderTest(root, dataDir, Ports.withOffset(0), load(dataDir), null);
    }

    private static Properties load(Path dataDir) throws IOException {
        Properties values = new Properties();
        Path file = dataDir.resolve("secrets.properties");
        if (!Files.exists(file)) {
            throw new IllegalStateException("no secrets at " + file + ": is this the platform's data dir?");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        }
        return values;
    }

    boolean startedHere() {
        return started != null;
    }

    /** Waits for the class-data archives the launcher records after a first start (ADR 0034). */
    boolean awaitClassDataArchives(java.time.Duration timeout) throws InterruptedException {
        return started == null || started.awaitClassDataArchives(timeout);
    }

    long readyMillis() {
        return started == null ? -1 : started.readyMillis();
    }

    String secret(String name) {
        String value = secrets.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("no secret " + name + " in the data dir's secrets file");
        }
        return value;
    }

    String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    String tokenUrl() {
        return "http://localhost:" + ports.keycloak() + "/realms/fushun/protocol/openid-connect/token";
    }

    String bootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    /** The launcher's own broker principal (a super user): the harness reads topics and runs ProducerPerformance with it. */
    Properties kafkaAdminLogin() {
        Properties login = new Properties();
        login.put("bootstrap.servers", bootstrapServers());
        login.put("security.protocol", "SASL_PLAINTEXT");
        login.put("sasl.mechanism", "PLAIN");
        login.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + "platform-admin\" password=\"" + secret("kafka.admin.password") + "\";");
        return login;
    }

    /**
     * The platform's processes: those whose command line names the data dir (Kafka, PostgreSQL,
     * Keycloak's data) or a module's jar under the repository, and all their descendants
     * (PostgreSQL's backends); never the harness itself.
     */
    List<ProcessHandle> processes() {
        List<String> marks = List.of(dataDir.toString(), root.resolve("services").toString() + "/",
                root.resolve("gateway/target").toString(), root.resolve("deploy/local/target/keycloak").toString());
        Set<ProcessHandle> found = new LinkedHashSet<>();
        long self = ProcessHandle.current().pid();
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            all.filter(p -> p.pid() != self).forEach(p -> {
                String line = commandLine(p.pid());
                // the harness's own ProducerPerformance has the repository's jars on its class path: not the platform
                // nor the launcher's class-data training run after a first start (ADR 0034), which ends on its own
                if (marks.stream().anyMatch(line::contains) && !line.contains(ProducerPerf.MAIN_CLASS)
                        && !line.contains("-XX:ArchiveClassesAtExit")) {
                    found.add(p);
                    p.descendants().forEach(found::add);
                }
            });
        }
        return new ArrayList<>(found);
    }

    /** Resident memory of the platform's processes, KiB. */
    long rssKiB() {
        return processes().stream().mapToLong(p -> Memory.rssOf(p.pid())).sum();
    }

    /**
     * The JVM options the services run with, from one service's command line (they are all
     * started alike), e.g. {@code -Xmx256m -XX:+UseSerialGC ...}.
     */
    String serviceJvmFlags() {
        return processes().stream().map(p -> commandLine(p.pid()))
                // from the jar as built, or extracted beside its class-data archive (ADR 0034)
                .filter(line -> (line.contains("/services/") || line.contains("/cds/")) && line.contains(" -jar "))
                .min(Comparator.naturalOrder())
                .map(line -> {
                    List<String> flags = new ArrayList<>();
                    for (String part : line.split(" ")) {
                        if (part.equals("-jar")) {
                            break;
                        }
                        if (part.startsWith("-XX:SharedArchiveFile=")) {
                            flags.add("-XX:SharedArchiveFile=<cds>");
                        } else if (part.startsWith("-")) {
                            flags.add(part);
                        }
                    }
                    return String.join(" ", flags);
                }).orElse("(no service process found)");
    }

    static String commandLine(long pid) {
        try {
            byte[] bytes = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            return new String(bytes, StandardCharsets.UTF_8).replace('\0', ' ').trim();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Stops the platform if the harness started it; a running one is left alone. */
    @Override
    public void close() {
        if (started != null) {
            started.close();
            started = null;
        }
    }
}
