package fushun.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform and stops it cleanly. {@code main} is the README's "run" command;
 * the end-to-end test uses {@link #start(LocalPlatformOptions)} with shifted ports.
 */
public final class LocalPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalPlatform.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    /**
     * The services' JVM: small heap, serial collector and the first JIT tier only, which suits a
     * laptop running eleven processes on few cores (a deployment sets its own, see the Dockerfile).
     */
    static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms64m", "-Xmx256m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=64m");

    private final LocalPlatformOptions options;
    private final List<ManagedProcess> processes = Collections.synchronizedList(new ArrayList<>());
    private volatile Thread recorder;
    private volatile Thread demoYear;
    private volatile int demoYearFailures = -1;
    private boolean writesDemoYear;
    private Postgres postgres;
    private LocalSecrets secrets;
    private long readyMillis;
    private final Thread shutdownHook = new Thread(this::close, "local-platform-stop");

    private LocalPlatform(LocalPlatformOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        LocalPlatform platform = start(LocalPlatformOptions.fromEnvironment(root));
        System.out.println(platform.banner());
        Thread.currentThread().join();
    }

    /**
     * Starts everything and returns when all is ready. Until {@link #close()} a JVM shutdown hook
     * stops what was started, also when the JVM is ended during start-up.
     */
    public static LocalPlatform start(LocalPlatformOptions options) throws Exception {
        LocalPlatform platform = new LocalPlatform(options);
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            platform.startAll();
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void startAll() throws Exception {
        long started = System.nanoTime();
        Ports ports = options.ports();
        Path logDir = options.dataDir().resolve("logs");
        Files.createDirectories(logDir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ports.requireFree(options.postgresUrl() == null || options.postgresUrl().isBlank(), options.instances());
        boolean fresh = !Files.exists(options.dataDir().resolve(LocalSecrets.FILE));
        secrets = LocalSecrets.loadOrCreate(options.dataDir());
        prepareDemoYear(fresh);

        long step = System.nanoTime();
        postgres = Postgres.start(options, secrets);
        List<String> databases = new ArrayList<>(ServiceModule.databases());
        databases.add(KeycloakServer.DATABASE);
        postgres.createDatabases(databases, secrets);
        progress("postgresql", "localhost:" + ports.postgres(), step);

        step = System.nanoTime();
        ManagedProcess kafka = KafkaBroker.start(options, secrets, java, launcherClasspath(), logDir);
        processes.add(kafka);
        ManagedProcess keycloak = KeycloakServer.start(options, postgres, secrets, gatewayUrl(), logDir);
        processes.add(keycloak);
        KafkaBroker.secure(bootstrapServers(), secrets, Duration.ofMinutes(2));
        progress("kafka", bootstrapServers(), step);

        Map<ServiceModule, ManagedProcess> services = new HashMap<>();
        for (ServiceModule module : ServiceModule.ALL) {
            if (options.starts(module)) {
                ManagedProcess process = startService(module, java, logDir);
                processes.add(process);
                services.put(module, process);
            } else {
                writeEnvironmentFile(module);
            }
        }
        // PLATFORM_INSTANCES=2: each bureau service again, sharing its database and consumer group
        for (ServiceModule module : ServiceModule.ALL) {
            if (options.startsTwice(module)) {
                ManagedProcess process = startService(module.secondInstance(), java, logDir);
                processes.add(process);
                services.put(module.secondInstance(), process);
            }
        }
        Health.await("keycloak", issuer() + "/.well-known/openid-configuration", keycloak, START_TIMEOUT);
        KeycloakServer.protectMasterRealm(options, secrets);
        progress("keycloak", "http://localhost:" + ports.keycloak(), step);
        for (ServiceModule module : ServiceModule.ALL) {
            if (services.containsKey(module)) {
                Health.await(module.name(), "http://localhost:" + module.port(ports) + module.readinessPath(),
                        services.get(module), START_TIMEOUT);
                progress(module.name(), "http://localhost:" + module.port(ports), started);
            }
            if (services.containsKey(module.secondInstance())) {
                ServiceModule second = module.secondInstance();
                Health.await(second.name(), "http://localhost:" + second.port(ports) + second.readinessPath(),
                        services.get(second), START_TIMEOUT);
                progress(second.name(), "http://localhost:" + second.port(ports), started);
            }
        }
        readyMillis = (System.nanoTime() - started) / 1_000_000;
        log.info("Platform ready in {} s, resident memory {} MiB", readyMillis / 1000, rssKiB() / 1024);
        recordClassDataArchives(services.keySet(), java, logDir);
        startDemoYear();
    }

    /**
     * The demo city's past year ({@link DemoYear}) is written on a fresh data folder with demo
     * households and the embedded PostgreSQL, unless {@code PLATFORM_DEMO_YEAR=off}: the services start on a clock a year back,
     * so the demo city is registered then. A clock file left by a start that was stopped while it
     * wrote the year is removed (that history stays as far as it got).
     */
    private void prepareDemoYear(boolean fresh) throws IOException {
        Path clock = options.dataDir().resolve(DemoYear.CLOCK_FILE);
        if (Files.deleteIfExists(clock)) {
            log.warn("The demo year of the last start was not finished; the platform runs on the real time");
        }
        // an external PostgreSQL may already hold a history: the year is written only into the launcher's own
        writesDemoYear = fresh && (options.postgresUrl() == null || options.postgresUrl().isBlank())
                && options.demoHouseholds() > 0 && ServiceModule.ALL.stream().allMatch(options::starts)
                && !"off".equals(System.getenv("PLATFORM_DEMO_YEAR"));
        if (writesDemoYear) {
            DemoYear.setClock(clock, DemoYear.start(java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).minusMonths(12)));
        }
    }

    private void startDemoYear() {
        if (!writesDemoYear) {
            return;
        }
        Thread writer = new Thread(() -> {
            long step = System.nanoTime();
            try {
                int failures = new DemoYear(gatewayUrl(), issuer(), secrets, options.dataDir()).run();
                Files.writeString(options.dataDir().resolve(DemoYear.DONE_FILE), "failed steps: " + failures + "\n");
                demoYearFailures = failures;
                log.info(String.format("ready  %-18s %-34s %5.1f s", "demo year", failures == 0 ? "twelve months written"
                        : failures + " steps failed (see above)", (System.nanoTime() - step) / 1e9));
            } catch (InterruptedException stopped) {
                log.info("The demo year was stopped with the platform");
            } catch (IOException | RuntimeException e) {
                log.warn("The demo year was not finished: {}", e.toString());
            }
        }, "demo-year");
        writer.setDaemon(true);
        demoYear = writer;
        log.info("Writing the demo city's past year in the background; the log shows each month");
        writer.start();
    }

    /**
     * Waits until the demo year is written (at most {@code timeout}) and returns its failed steps;
     * 0 also when this start writes none.
     */
    public int awaitDemoYear(Duration timeout) throws InterruptedException {
        Thread writing = demoYear;
        if (writing == null) {
            return 0;
        }
        writing.join(timeout.toMillis());
        if (writing.isAlive() || demoYearFailures < 0) {
            throw new IllegalStateException("the demo year was not written within " + timeout.toSeconds() + " s");
        }
        return demoYearFailures;
    }

    /**
     * After the platform is ready, records the class-data archive of every started service that has
     * none for its jar, one at a time on a background thread, for the next start
     * ({@link ClassDataSharing}). {@code PLATFORM_CLASS_DATA_SHARING=off} leaves it out (the
     * end-to-end tests, whose data folder is new each time).
     */
    private void recordClassDataArchives(java.util.Set<ServiceModule> started, String java, Path logDir) {
        if ("off".equals(System.getenv("PLATFORM_CLASS_DATA_SHARING"))) {
            return;
        }
        Map<ServiceModule, ClassDataSharing> missing = new java.util.LinkedHashMap<>();
        for (ServiceModule module : ServiceModule.ALL) {
            try {
                ClassDataSharing cds = started.contains(module) ? classDataSharing(module) : null;
                if (cds != null && !cds.ready()) {
                    missing.put(module, cds);
                }
            } catch (IOException e) {
                log.warn("class-data archive of {} not checked: {}", module.name(), e.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        Thread recorder = new Thread(() -> {
            for (Map.Entry<ServiceModule, ClassDataSharing> entry : missing.entrySet()) {
                ServiceModule module = entry.getKey();
                long step = System.nanoTime();
                try {
                    boolean recorded = entry.getValue().record(java, SERVICE_JVM_OPTIONS, environmentOf(module),
                            logDir.resolve("cds-" + module.name() + ".log"));
                    log.info(String.format("%-6s %-18s class-data archive for the next start %5.1f s",
                            recorded ? "cds" : "no cds", module.name(), (System.nanoTime() - step) / 1e9));
                } catch (InterruptedException e) {
                    return;
                } catch (IOException | RuntimeException e) {
                    log.warn("class-data archive of {} not recorded: {}", module.name(), e.toString());
                }
            }
        }, "class-data-archives");
        recorder.setDaemon(true);
        this.recorder = recorder;
        log.info("Recording class-data archives of {} services in the background, for a faster next start", missing.size());
        recorder.start();
    }

    /**
     * Waits until the class-data archives this start records are written (at most {@code timeout}),
     * so that a stop and a second start use them: the benchmark's second start. Returns whether
     * the recording finished.
     */
    public boolean awaitClassDataArchives(Duration timeout) throws InterruptedException {
        Thread recording = recorder;
        if (recording != null) {
            recording.join(timeout.toMillis());
            return !recording.isAlive();
        }
        return true;
    }

    private ClassDataSharing classDataSharing(ServiceModule module) throws IOException {
        return ClassDataSharing.of(module, options.root().resolve(module.jarPath()), options.dataDir());
    }

    /** One line per component as it becomes ready, with the seconds it took (services: since the start). */
    private static void progress(String component, String where, long since) {
        log.info(String.format("ready  %-18s %-34s %5.1f s", component, where, (System.nanoTime() - since) / 1e9));
    }

    /**
     * A module the developer runs from the IDE gets the environment the launcher would have given
     * it, in {@code <data dir>/env/<name>.env} (its secrets included: readable by this user only).
     */
    private void writeEnvironmentFile(ServiceModule module) throws IOException {
        Path file = environmentFile(module);
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder("# ").append(module.name())
                .append("'s environment from the local platform; source it and run the module:\n")
                .append("#   set -a; . '").append(file.toAbsolutePath()).append("'; set +a\n")
                .append("#   ./mvnw -pl ").append(module.jarPath(), 0, module.jarPath().indexOf("/target/"))
                .append(" spring-boot:run   (after ./mvnw install -DskipTests once)\n");
        new java.util.TreeMap<>(environmentOf(module)).forEach((name, value) ->
                lines.append(name).append("='").append(value.replace("'", "'\\''")).append("'\n"));
        LocalSecrets.createPrivateFile(file);
        Files.writeString(file, lines);
        log.info(String.format("skip   %-18s its environment: %s", module.name(), file));
    }

    Path environmentFile(ServiceModule module) {
        return options.dataDir().resolve("env").resolve(module.name() + ".env");
    }

    private ManagedProcess startService(ServiceModule module, String java, Path logDir) throws IOException {
        Path jar = options.root().resolve(module.jarPath());
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " missing: build first (./mvnw package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(SERVICE_JVM_OPTIONS);
        command.addAll(classDataSharing(module).launch());
        return ManagedProcess.start(module.name(), command, environmentOf(module), options.root(), logDir);
    }

    /** What a module is started with: its ports, the issuer, its broker login, database and secrets. */
    Map<String, String> environmentOf(ServiceModule module) {
        Ports ports = options.ports();
        Map<String, String> env = new HashMap<>();
        env.put("SERVER_PORT", Integer.toString(module.port(ports)));
        // everything on loopback: the gateway is the one way in, and only from this machine
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("OIDC_ISSUER_URI", issuer());
        env.put("MANAGEMENT_PORT", Integer.toString(module.managementPort(ports)));
        env.put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        if (module.database() != null) {
            // the API documents name the gateway as their server
            env.put("PUBLIC_URL", gatewayUrl());
        }
        if (module.portIndex() >= 0) {
            env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
            // a second instance signs in as its service: same principal, same consumer group
            env.put("KAFKA_USERNAME", module.service());
            env.put("KAFKA_PASSWORD", secrets.get(KafkaBroker.passwordKey(module.service())));
            env.put("PLATFORM_PERSON_KEY", secrets.get("platform.person-key"));
        }
        if (module.database() != null) {
            env.put("DATABASE_URL", postgres.url(module.database()));
            env.put("DATABASE_USERNAME", Postgres.role(module.database()));
            env.put("DATABASE_PASSWORD", secrets.get(Postgres.passwordKey(module.database())));
        }
        if (module.name().equals("monitoring")) {
            env.put("MONITORING_DEMO_HOUSEHOLDS", Integer.toString(options.demoHouseholds()));
        }
        // the bureaus' own demo data (funds, posts, assets), with the demo city
        env.put("PLATFORM_DEMO_DATA", Boolean.toString(options.demoHouseholds() > 0));
        if (writesDemoYear) {
            env.put("PLATFORM_DEMO_CLOCK_FILE", options.dataDir().resolve(DemoYear.CLOCK_FILE).toAbsolutePath().toString());
            if (module.name().equals("monitoring")) {
                // the year's overdue assignments are escalated while it is written
                env.put("MONITORING_ESCALATION_INTERVAL", "10s");
            }
        }
        if (module.name().equals("gateway")) {
            for (ServiceModule target : ServiceModule.ALL) {
                if (target.portIndex() >= 0) {
                    env.put(target.urlVariable(), "http://localhost:" + target.port(ports));
                }
            }
        }
        return env;
    }

    /**
     * kill -9 of one process, a service's or the broker's ({@code kafka}), for fault runs: it gets
     * no chance to finish what it was doing. {@link #restart(String)} starts it again.
     */
    public void kill(String name) throws InterruptedException {
        ManagedProcess process = process(name);
        log.info("kill -9 {} (pid {})", name, process.pid());
        process.kill();
    }

    /** Starts a killed service or broker again, on the same data, and returns when it is ready. */
    public void restart(String name) throws Exception {
        ManagedProcess old = process(name);
        if (old.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path logDir = options.dataDir().resolve("logs");
        ManagedProcess started;
        if (name.equals("kafka")) {
            started = KafkaBroker.start(options, secrets, java, launcherClasspath(), logDir);
            replace(old, started);
            KafkaBroker.secure(bootstrapServers(), secrets, Duration.ofMinutes(2));
        } else {
            ServiceModule module = ServiceModule.ALL.stream().filter(m -> m.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no such service: " + name));
            started = startService(module, java, logDir);
            replace(old, started);
            Health.await(name, "http://localhost:" + module.port(options.ports()) + module.readinessPath(), started,
                    START_TIMEOUT);
        }
        log.info("{} restarted (pid {})", name, started.pid());
    }

    private ManagedProcess process(String name) {
        synchronized (processes) {
            return processes.stream().filter(p -> p.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no such process: " + name));
        }
    }

    private void replace(ManagedProcess old, ManagedProcess started) {
        synchronized (processes) {
            processes.set(processes.indexOf(old), started);
        }
    }

    private String launcherClasspath() throws IOException {
        Path file = options.root().resolve("deploy/local/target/classpath.txt");
        String dependencies = Files.readString(file).trim();
        return dependencies + java.io.File.pathSeparator + System.getProperty("java.class.path");
    }

    /** The secrets this platform generated (the tests sign in with them). */
    public LocalSecrets secrets() {
        return secrets;
    }

    /** A process's log file: {@code <data dir>/logs/<name>.log}, e.g. {@code gateway}, {@code kafka}. */
    public Path logOf(String name) {
        return options.dataDir().resolve("logs").resolve(name + ".log");
    }

    public Ports ports() {
        return options.ports();
    }

    public String bootstrapServers() {
        return "localhost:" + options.ports().kafka();
    }

    public String issuer() {
        return "http://localhost:" + options.ports().keycloak() + "/realms/fushun";
    }

    public String gatewayUrl() {
        return "http://localhost:" + options.ports().gateway();
    }

    public long readyMillis() {
        return readyMillis;
    }

    /** Resident memory of the launcher, every child process tree and the PostgreSQL server. */
    public long rssKiB() {
        Optional<ProcessHandle> postmaster = postgres == null ? Optional.empty()
                : postgres.postmasterPid().flatMap(ProcessHandle::of);
        return Memory.rssKiB(Stream.concat(Stream.of(ProcessHandle.current()), postmaster.stream()));
    }

    String banner() {
        String token = "http://localhost:" + options.ports().keycloak() + "/realms/fushun/protocol/openid-connect/token";
        return """

                ============================================================================
                 抚顺市防止返贫动态监测和帮扶平台 · local platform ready in %d s, RSS %d MiB
                ============================================================================
                 Gateway and console : %s
                 Keycloak            : http://localhost:%d  (admin console: admin, password in the secrets file)
                 Kafka               : %s      PostgreSQL: localhost:%d
                 Logs and data       : %s
                 Secrets (generated) : %s
                   Keycloak's admin, PostgreSQL's roles, Kafka's principals, the person key,
                   the client secrets; only this machine's user can read it

                 Demo users (password for all: %s, also in the secrets file):
                   xinbin-operator    民政经办人 · 新宾县 210422
                   qingyuan-operator  民政经办人 · 清原县 210423
                   xinbin-ca-reviewer 乡镇民政审核员 · 新宾镇 210422100
                   xinbin-ca-approver / qingyuan-ca-approver  县民政局审批人 · 新宾县 / 清原县
                   qingyuan-approver  县级审批人 · 清原县 210423
                   city-analyst       乡村振兴局分析员 · 抚顺市 210400
                   xinbin-cadre       村级监测员 · 新宾镇示范一村 210422100201
                   xinbin-township    乡镇审核员 · 新宾镇 210422100
                   xinbin-approver    县级审批人 · 新宾县 210422
                   xinbin-health      卫健委经办人 · 新宾县 210422
                   xinbin-medical     医保经办人 · 新宾县 210422
                   xinbin-housing / xinbin-housing-acceptor  住建局危房鉴定员 · 新宾县 (鉴定开工 / 竣工验收)
                   xinbin-hr / xinbin-hr-payroll  人社局经办人 · 新宾县 (设岗聘用 / 考勤)
                   xinbin-assets-village / xinbin-assets  扶贫资产管理员 · 示范一村 / 新宾县
                   city-admin         平台管理员 · 抚顺市 210400
                 Medical-insurance integration client: medical-insurance-integration, its secret
                   keycloak.client.medical-insurance-integration.secret in the secrets file

                 A user's token (the command-line client; the console signs in through the browser):
                   S=$(grep '^keycloak.client.fushun-local-cli.secret=' %s | cut -d= -f2-)
                   curl -s -d grant_type=password -d client_id=fushun-local-cli -d client_secret=$S \\
                        -d username=xinbin-operator -d password=%s %s
                 The integration's token:
                   S=$(grep '^keycloak.client.medical-insurance-integration.secret=' %s | cut -d= -f2-)
                   curl -s -d grant_type=client_credentials -d client_id=medical-insurance-integration \\
                        -d client_secret=$S %s
                 Then: curl -H "Authorization: Bearer $TOKEN" %s/api/social-assistance/cases

                 Ctrl-C stops everything; the next start keeps the data.
                %s""".formatted(readyMillis / 1000, rssKiB() / 1024, gatewayUrl(), options.ports().keycloak(),
                bootstrapServers(), options.ports().postgres(), options.dataDir(), secrets.file(), secrets.demoPassword(),
                secrets.file(), secrets.demoPassword(), token, secrets.file(), token, gatewayUrl(), skippedNote());
    }

    private String skippedNote() {
        StringBuilder note = new StringBuilder();
        if (writesDemoYear) {
            note.append(" First start: the demo city's past year is being written in the background (a few minutes;\n")
                    .append(" the log shows each month). Until it is, the dashboards fill month by month.\n");
        }
        for (ServiceModule module : ServiceModule.ALL) {
            if (!options.starts(module)) {
                note.append(String.format(" Not started: %-18s run it with its environment, %s%n", module.name(),
                        environmentFile(module)));
            }
        }
        return note.toString();
    }

    /** Services first (they finish their work and commit), then Keycloak and Kafka, then PostgreSQL. */
    @Override
    public synchronized void close() {
        Thread recording = recorder;
        if (recording != null) {
            recording.interrupt(); // its training run is stopped with it
        }
        Thread writing = demoYear;
        if (writing != null) {
            writing.interrupt();
        }
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook runs anyway; this call does the work first
            }
        }
        List<ManagedProcess> infrastructure = processes.stream()
                .filter(p -> p.name().equals("kafka") || p.name().equals("keycloak")).toList();
        List<ManagedProcess> services = processes.stream().filter(p -> !infrastructure.contains(p)).toList();
        services.forEach(ManagedProcess::requestStop);
        services.forEach(p -> p.awaitStop(Duration.ofSeconds(20)));
        infrastructure.forEach(ManagedProcess::requestStop);
        infrastructure.forEach(p -> p.awaitStop(Duration.ofSeconds(30)));
        processes.clear();
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                log.warn("PostgreSQL did not stop cleanly: {}", e.toString());
            }
            postgres = null;
        }
        log.info("Local platform stopped");
    }
}
