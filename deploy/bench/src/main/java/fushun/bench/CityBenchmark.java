package fushun.bench;

import fushun.local.DataFiles;
import fushun.local.LocalPlatformOptions;
import fushun.local.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;

/**
 * The city-scale benchmark (issue 16): {@code deploy/bench/run.sh}. Starts the local platform
 * (twice: a fresh start and a second one on the kept data) or attaches to a running one, then
 * drives a synthetic city through the gateway with real tokens: a month of the city (the roster
 * import, the registrations reaching every bureau, the month's settlements, every bureau's
 * reaction), the monthly screening, Kafka's ProducerPerformance on the same broker, and the
 * settlement → signal → alert → case latency at a sustained rate; it samples the platform's
 * resident memory all along, prints one table and writes it as CSV. A benchmark measures: it
 * fails only when the platform does not answer, never because a target is missed.
 */
public final class CityBenchmark {

    static final String SCRATCH_TOPIC = "bench.produce-perf";
    private static final String ADMIN_USER = "city-admin";
    private static final List<String> SERVICES = List.of("monitoring", "social-assistance", "medical-insurance",
            "housing-safety", "employment", "asset-management", "console");

    private final Path root;
    private final BenchOptions options;
    private final ResultTable table = new ResultTable();
    private final Map<String, Double> stageSeconds = new LinkedHashMap<>();

    CityBenchmark(Path root, BenchOptions options) {
        this.root = root;
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("platform.root", ".")).toAbsolutePath().normalize();
        BenchOptions options = BenchOptions.parse(args, System.getenv(), root);
        new CityBenchmark(root, options).run();
        System.exit(0); // the platform's and Kafka's client threads would keep the JVM up
    }

    void run() throws Exception {
        Instant began = Instant.now();
        String loadBefore = loadAverage();
        SyntheticCity city = new SyntheticCity(options.seed(), options.households(), options.latencyHouseholds());
        Path roster = Files.createTempFile("bench-roster-", ".csv");
        long rows = city.writeRoster(roster);
        Progress.line("city: %,d households (+%,d for the latency run), %,d roster rows, %,d MB, seed %d", city.households(),
                city.latencyHouseholds(), rows, Files.size(roster) / 1_000_000, city.seed());

        PlatformUnderTest platform = null;
        try {
            long firstStart = -1;
            long rssFirstReady = -1;
            if (options.start()) {
                freshDataDir(options.dataDir());
                LocalPlatformOptions launch = new LocalPlatformOptions(root, options.dataDir(),
                        Ports.withOffset(options.portOffset()), 0, null, null, null, java.util.Set.of(), options.instances());
                Progress.line("starting the platform (fresh data dir %s, ports +%d)", options.dataDir(), options.portOffset());
                platform = PlatformUnderTest.start(root, launch);
                firstStart = platform.readyMillis();
                rssFirstReady = platform.rssKiB();
                Progress.line("first start ready in %.1f s, RSS %,d MiB; recording the class-data archives, then "
                        + "stopping for the second start", firstStart / 1e3, rssFirstReady / 1024);
                // the second start is the one a developer gets every day after the first: with the archives
                if (!platform.awaitClassDataArchives(java.time.Duration.ofMinutes(10))) {
                    Progress.line("the class-data archives were not all recorded in 10 minutes");
                }
                platform.close();
                platform = PlatformUnderTest.start(root, launch);
                Progress.line("second start ready in %.1f s, RSS %,d MiB", platform.readyMillis() / 1e3,
                        platform.rssKiB() / 1024);
            } else {
                platform = PlatformUnderTest.attach(root, root.resolve(".local-data"));
                Progress.line("using the running platform at %s", platform.gatewayUrl());
                if (options.instances() > 1) {
                    Progress.line("--instances 2 is the launcher's to start: the running platform has what it was started with "
                            + "(PLATFORM_INSTANCES=2 deploy/local/run.sh)");
                }
            }
            long rssReady = platform.rssKiB();
            String jvmFlags = platform.serviceJvmFlags();
            PlatformUnderTest measured = platform;
            try (RssSampler rss = new RssSampler(measured::rssKiB); Bus bus = new Bus(platform.kafkaAdminLogin())) {
                Gateway gateway = new Gateway(platform);
                Map<String, Integer> partitions = bus.partitionCounts(fushun.contracts.Topics.all());
                Progress.line("topics: %s partitions each; consumer group members: %s",
                        new java.util.TreeSet<>(partitions.values()), bus.groupMembers());

                Month month = month(city, roster, gateway, bus);
                Screening screening = screening(gateway);
                ProducerPerf.Result raw = producerPerformance(bus, platform);
                Map<String, Integer> pool = LatencyRun.poolHouseholds(bus, city.latencyHouseholds());
                Progress.line("latency: %,d of %,d pool households found on monitoring.household.v1", pool.size(),
                        city.latencyHouseholds());
                LatencyRun.Result latency = new LatencyRun(city, gateway, bus, options.signalsPerSecond(),
                        options.latencySeconds(), Math.max(1, options.signalsPerSecond() / 10)).run(pool);
                Map<String, Integer> members = bus.groupMembers();

                fill(city, month, screening, raw, latency, firstStart, rssFirstReady, platform, rssReady, rss, members);
                int fewest = partitions.values().stream().mapToInt(Integer::intValue).min().orElse(0);
                table.add("   partitions for the consumers", String.format("at least %d partitions a topic for %d instance(s) of "
                                + "each bureau service in one consumer group", fewest, options.instances()),
                        "every instance has partitions", fewest >= options.instances());
                table.context(String.format("City benchmark, %s (%s UTC); %,d households (+%,d latency pool), seed %d, "
                                + "latency %d s at %d signals/s, %d instance(s) of each bureau service, platform %s",
                        LocalDate.now(ZoneOffset.UTC), began.toString().substring(11, 19), city.households(),
                        city.latencyHouseholds(), city.seed(), options.latencySeconds(), options.signalsPerSecond(),
                        options.instances(), options.start() ? "started by the harness" : "already running"))
                        .context("Machine: " + machine() + "; load average before " + loadBefore + ", after " + loadAverage())
                        .context("Services' JVM flags: " + jvmFlags)
                        .context(String.format("Harness run time %d s", Duration.between(began, Instant.now()).toSeconds()));
            }
        } finally {
            Files.deleteIfExists(roster);
            if (platform != null) {
                Progress.line("stopping the platform");
                platform.close();
            }
        }
        System.out.println();
        System.out.println(table.text());
        Path out = options.out() != null ? options.out()
                : root.resolve("deploy/bench/target/bench-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, table.csv(), StandardCharsets.UTF_8);
        System.out.println("CSV: " + out);
    }

    // ---- a month of the city ----------------------------------------------------------------

    record Month(JsonNode importJob, double importSeconds, long settlementRows, long accepted, long duplicates,
                 double settlementSeconds, Histogram batchMillis, double totalSeconds, boolean settled,
                 Map<String, Long> recordsPerTopic) {
    }

    private Month month(SyntheticCity city, Path roster, Gateway gateway, Bus bus) throws Exception {
        Map<String, Long> before = endOffsets(bus);
        long monthBegan = System.nanoTime();

        Progress.line("month: roster import through the gateway (%s)", ADMIN_USER);
        long t = System.nanoTime();
        JsonNode job = gateway.upload("/api/monitoring/imports", ADMIN_USER, roster, "text/csv", 202);
        String id = job.get("id").asString();
        long lastPrint = 0;
        while (!List.of("DONE", "FAILED").contains(job.get("status").asString())) {
            Thread.sleep(1000);
            job = gateway.get("/api/monitoring/imports/" + id, ADMIN_USER);
            if (System.nanoTime() - lastPrint > 15e9) {
                Progress.line("month: import %s, %,d of %s rows", job.get("status").asString(), job.get("processedRows").asInt(),
                        job.path("totalRows").asString());
                lastPrint = System.nanoTime();
            }
        }
        double importSeconds = (System.nanoTime() - t) / 1e9;
        stageSeconds.put("import", importSeconds);
        Progress.line("month: import %s in %.1f s: %,d registered, %,d changed, %,d unchanged, %,d refused",
                job.get("status").asString(), importSeconds, job.get("householdsRegistered").asInt(),
                job.get("householdsChanged").asInt(), job.get("householdsUnchanged").asInt(), job.get("householdsRefused").asInt());

        t = System.nanoTime();
        boolean settled = awaitSettled("registrations reach every bureau", gateway, bus, Duration.ofMinutes(30));
        stageSeconds.put("registrations to every bureau", (System.nanoTime() - t) / 1e9);

        Progress.line("month: %,d settlements in batches of 1,000, %d at a time", options.settlementRows(), options.senders());
        Histogram batches = new Histogram(Duration.ofMinutes(10).toMillis(), 3);
        AtomicLong accepted = new AtomicLong();
        AtomicLong duplicates = new AtomicLong();
        AtomicInteger nextBatch = new AtomicInteger();
        int batchCount = (options.settlementRows() + 999) / 1000;
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1);
        t = System.nanoTime();
        long settleBegan = t;
        ExecutorService senders = Executors.newFixedThreadPool(options.senders());
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < options.senders(); s++) {
            work.add(senders.submit(() -> {
                for (int b = nextBatch.getAndIncrement(); b < batchCount; b = nextBatch.getAndIncrement()) {
                    String body = settlementBatch(city, b * 1000, Math.min(options.settlementRows(), b * 1000 + 1000), lastMonth);
                    long sent = System.nanoTime();
                    JsonNode answer = gateway.post("/api/medical-insurance/settlements", Gateway.INTEGRATION, body, 200);
                    synchronized (batches) {
                        batches.recordValue((System.nanoTime() - sent) / 1_000_000);
                    }
                    accepted.addAndGet(answer.path("accepted").asLong());
                    duplicates.addAndGet(answer.path("duplicates").asLong());
                    if (b % 100 == 99) {
                        Progress.line("month: %,d settlements posted, %.0f rows/s", (b + 1) * 1000L,
                                (b + 1) * 1000.0 / ((System.nanoTime() - settleBegan) / 1e9));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        senders.shutdown();
        double settlementSeconds = (System.nanoTime() - t) / 1e9;
        stageSeconds.put("settlements posted", settlementSeconds);
        Progress.line("month: %,d settlements in %.1f s (%,d accepted, %,d duplicates): %.0f rows/s", options.settlementRows(),
                settlementSeconds, accepted.get(), duplicates.get(), options.settlementRows() / settlementSeconds);

        t = System.nanoTime();
        settled &= awaitSettled("every bureau reacted", gateway, bus, Duration.ofMinutes(30));
        stageSeconds.put("signals, alerts, every bureau's reaction", (System.nanoTime() - t) / 1e9);
        double total = (System.nanoTime() - monthBegan) / 1e9;
        Map<String, Long> after = endOffsets(bus);
        Map<String, Long> records = new LinkedHashMap<>();
        after.forEach((topic, end) -> records.put(topic, end - before.getOrDefault(topic, 0L)));
        Progress.line("month: done in %.1f s; records per topic: %s", total, records);
        return new Month(job, importSeconds, options.settlementRows(), accepted.get(), duplicates.get(), settlementSeconds,
                batches, total, settled, records);
    }

    /**
     * One batch: even rows for a member of a household on the roster (a random one), odd rows for
     * someone the registry does not know; small amounts, except one row in 200 whose self-pay
     * (7,000) crosses the line of a monitored household (6,000), so some households are signalled.
     */
    static String settlementBatch(SyntheticCity city, int from, int to, YearMonth month) {
        StringBuilder body = new StringBuilder("{\"settlements\":[");
        for (int k = from; k < to; k++) {
            long m = SyntheticCity.mix(city.seed() ^ 0x51ed270bL, k);
            String idNumber;
            String county;
            boolean high = false;
            if (k % 2 == 0) {
                int person = (int) Math.floorMod(m, (long) city.cityPersons());
                idNumber = city.idNumber(person);
                county = city.village(city.householdOf(person)).substring(0, 6);
                high = k % 200 == 0;
            } else {
                idNumber = city.unknownIdNumber((int) Math.floorMod(m, 200_000L));
                county = SyntheticCity.UNKNOWN_COUNTY;
            }
            long totalCents = high ? 900_000 : 10_000 + Math.floorMod(m >>> 20, 90_000L);
            long rangeCents = totalCents * 8 / 10;
            long basicCents = high ? 200_000 : rangeCents / 2;
            LocalDate day = month.atDay(1 + (int) Math.floorMod(m >>> 40, (long) month.lengthOfMonth()));
            body.append(k > from ? "," : "").append("""
                    {"settlementId":"M-%d-%d","idNumber":"%s","insuredCounty":"%s","hospital":"抚顺市示例医院",\
                    "settledOn":"%s","totalCost":%s,"policyRangeCost":%s,"basicInsurancePaid":%s}"""
                    .formatted(city.seed(), k, idNumber, county, day, money(totalCents), money(high ? totalCents : rangeCents),
                            money(basicCents)));
        }
        return body.append("]}").toString();
    }

    private static String money(long cents) {
        return cents / 100 + "." + String.format("%02d", cents % 100);
    }

    /**
     * Waits until every service's outbox is empty and every consumer group has read everything it
     * consumes, twice in a row a second apart; prints the lag every 15 s.
     */
    private boolean awaitSettled(String what, Gateway gateway, Bus bus, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastPrint = System.nanoTime();
        int quiet = 0;
        while (System.nanoTime() < deadline) {
            Map<String, Long> lag = bus.lagPerGroup();
            long unsent = 0;
            for (String service : SERVICES) {
                unsent += gateway.get("/api/" + service + "/admin/outbox", ADMIN_USER).path("unsent").asLong();
            }
            long behind = lag.values().stream().mapToLong(Long::longValue).sum();
            quiet = behind == 0 && unsent == 0 ? quiet + 1 : 0;
            if (quiet >= 2) {
                Progress.line("month: %s", what);
                return true;
            }
            if (System.nanoTime() - lastPrint > 15e9) {
                Progress.line("month: waiting until %s: outboxes unsent %,d, consumer lag %s", what, unsent, lag);
                lastPrint = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        Progress.line("month: NOT settled within %s: %s", timeout, what);
        return false;
    }

    private static Map<String, Long> endOffsets(Bus bus) throws Exception {
        Map<String, Long> ends = new LinkedHashMap<>();
        try (var consumer = bus.consumer()) {
            var partitions = bus.partitions(fushun.contracts.Topics.all());
            consumer.endOffsets(partitions).forEach((tp, end) -> ends.merge(tp.topic(), end, Long::sum));
        }
        return new java.util.TreeMap<>(ends);
    }

    // ---- screening and the raw produce rate ---------------------------------------------------

    record Screening(int households, int atRisk, double seconds, double serviceSeconds) {
    }

    private Screening screening(Gateway gateway) throws Exception {
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();
        Progress.line("screening: the month %s over the city (%s, POST /api/monitoring/screenings)", month, ADMIN_USER);
        long t = System.nanoTime();
        JsonNode run = gateway.post("/api/monitoring/screenings", ADMIN_USER, "{\"month\":\"" + month + "\"}", 200);
        double seconds = (System.nanoTime() - t) / 1e9;
        double service = Duration.between(Instant.parse(run.get("startedAt").asString()),
                Instant.parse(run.get("finishedAt").asString())).toMillis() / 1e3;
        Progress.line("screening: %,d households, %,d at risk, %.1f s through the gateway (%.1f s in the service)",
                run.get("households").asInt(), run.get("atRisk").asInt(), seconds, service);
        return new Screening(run.get("households").asInt(), run.get("atRisk").asInt(), seconds, service);
    }

    private ProducerPerf.Result producerPerformance(Bus bus, PlatformUnderTest platform) throws Exception {
        Progress.line("ProducerPerformance: %,d records of 512 B, acks=all, on %s (topic %s, 3 partitions)",
                options.producerRecords(), platform.bootstrapServers(), SCRATCH_TOPIC);
        bus.createTopic(SCRATCH_TOPIC, 3);
        try {
            String classpath = root.resolve("deploy/bench/target/classes") + java.io.File.pathSeparator
                    + Files.readString(root.resolve("deploy/bench/target/classpath.txt")).trim();
            ProducerPerf.Result result = ProducerPerf.run(platform.kafkaAdminLogin(), SCRATCH_TOPIC, options.producerRecords(),
                    512, root.resolve("deploy/bench/target"), classpath);
            Progress.line("ProducerPerformance: %.0f records/s, %.1f MB/s, latency avg %.0f ms, p99 %d ms",
                    result.recordsPerSecond(), result.megabytesPerSecond(), result.avgLatencyMs(), result.p99Ms());
            return result;
        } finally {
            bus.deleteTopic(SCRATCH_TOPIC);
        }
    }

    // ---- the table ---------------------------------------------------------------------------

    private void fill(SyntheticCity city, Month month, Screening screening, ProducerPerf.Result raw, LatencyRun.Result latency,
                      long firstStart, long rssFirstReady, PlatformUnderTest platform, long rssReady, RssSampler rss,
                      Map<String, Integer> members) {
        double rowsPerSecond = month.settlementRows() / month.settlementSeconds();
        table.add("1. settlements, 1,000-row batches, half for members of households on the roster",
                String.format("%,.0f rows/s (%,d rows in %.1f s, %d senders; batch p50 %d ms, p99 %d ms; %,d accepted, %,d duplicates)",
                        rowsPerSecond, month.settlementRows(), month.settlementSeconds(), options.senders(),
                        month.batchMillis().getValueAtPercentile(50), month.batchMillis().getValueAtPercentile(99),
                        month.accepted(), month.duplicates()),
                ">= 10,000 rows/s", rowsPerSecond >= 10_000);
        double ratio = rowsPerSecond / raw.recordsPerSecond();
        table.add("2. (1) / raw Kafka produce, same broker (ProducerPerformance, 512 B, acks=all)",
                String.format("%.3f (raw %,.0f records/s, %.1f MB/s, %,d records)", ratio, raw.recordsPerSecond(),
                        raw.megabytesPerSecond(), raw.records()),
                ">= 0.15", ratio >= 0.15);
        JsonNode job = month.importJob();
        int imported = job.get("householdsRegistered").asInt() + job.get("householdsChanged").asInt()
                + job.get("householdsUnchanged").asInt();
        double importRate = imported / month.importSeconds();
        table.add("3. roster import (.csv through the gateway)",
                String.format("%,.0f households/s (%,d households, %,d rows, %.1f s; status %s, %,d refused)", importRate,
                        imported, city.rows(), month.importSeconds(), job.get("status").asString(),
                        job.get("householdsRefused").asInt()),
                ">= 5,000 households/s", importRate >= 5_000);
        Histogram e2e = latency.endToEnd();
        boolean latencyMeasured = latency.cases() > 0;
        table.add("4. settlement -> signal -> alert -> civil-affairs case",
                latencyMeasured ? String.format("p50 %d / p90 %d / p99 %d / max %d ms (%,d of %,d cases seen, the rest counted "
                                + "at the wait's end; %,d rejected; %.0f signals/s sent for %d s)", e2e.getValueAtPercentile(50), e2e.getValueAtPercentile(90),
                        e2e.getValueAtPercentile(99), e2e.getMaxValue(), latency.cases(), latency.sent(), latency.rejected(),
                        latency.achievedPerSecond(), options.latencySeconds()) : "no case seen",
                "p99 <= 250 ms at 100 signals/s", latencyMeasured ? e2e.getValueAtPercentile(99) <= 250 : Boolean.FALSE);
        table.add("   of which settlement -> signal (medical insurance)", percentiles(latency.toSignal()), "", null);
        table.add("   of which signal -> alert (monitoring)", percentiles(latency.toAlert()), "", null);
        table.add("   of which alert -> case (social assistance)", percentiles(latency.toCase()), "", null);
        StringBuilder stages = new StringBuilder();
        stageSeconds.forEach((stage, s) -> stages.append(stages.length() == 0 ? "" : "; ").append(String.format("%s %.0f s", stage, s)));
        table.add(String.format("5. a month of the city: %,d households, %,d department records -> every bureau's reaction",
                        city.households(), month.settlementRows()),
                String.format("%.0f s%s (%s)", month.totalSeconds(), month.settled() ? "" : " NOT SETTLED", stages),
                "<= 300 s", month.settled() && month.totalSeconds() <= 300);
        table.add("   records on the bus during the month", month.recordsPerTopic().entrySet().stream()
                .filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + String.format("%,d", e.getValue()))
                .reduce((a, b) -> a + "; " + b).orElse("none"), "", null);
        if (platform.startedHere()) {
            table.add("6. local platform ready, first start (fresh data dir)",
                    String.format("%.1f s (RSS at ready %.2f GiB)", firstStart / 1e3, rssFirstReady / 1048576.0),
                    "<= 120 s", firstStart <= 120_000);
            table.add("   second start (data kept)", String.format("%.1f s (RSS at ready %.2f GiB)", platform.readyMillis() / 1e3,
                    rssReady / 1048576.0), "<= 60 s", platform.readyMillis() <= 60_000);
        } else {
            table.add("6. local platform ready", "not measured: --platform running", "<= 120 s / <= 60 s", null);
        }
        table.add("   peak RSS of the platform's processes during the run",
                String.format("%.2f GiB (mean %.2f GiB over %,d samples, 1 a second)", rss.peakKiB() / 1048576.0,
                        rss.meanKiB() / 1048576.0, rss.samples()), "<= 3.0 GiB", rss.peakKiB() <= 3L * 1024 * 1024);
        double screeningRate = screening.households() / screening.seconds();
        table.add("7. monthly screening (POST /api/monitoring/screenings, whole city)",
                String.format("%,.0f households/s (%,d households in %.1f s through the gateway, %.1f s in the service; %,d at risk)",
                        screeningRate, screening.households(), screening.seconds(), screening.serviceSeconds(), screening.atRisk()),
                ">= 72,400 households/s (kept)", screeningRate >= 72_400);
        table.add("8. civil-affairs cases in the latency run, exactly once",
                String.format("%,d of %,d households with a case, %,d with more than one; %d instance(s) of each bureau service "
                                + "(consumer group members, a listener container each: %s)",
                        latency.cases(), latency.sent() - latency.rejected(), latency.duplicateCases(), options.instances(), members),
                "one per household, no duplicates", latency.duplicateCases() == 0 && latency.cases() == latency.sent() - latency.rejected());
    }

    private static String percentiles(Histogram h) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        return String.format("p50 %d / p90 %d / p99 %d / max %d ms", h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getMaxValue());
    }

    static String machine() {
        long memKiB = 0;
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memKiB = Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        String cpu = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format("%d cores%s, %.1f GiB RAM, %s %s (%s), %s %s", Runtime.getRuntime().availableProcessors(),
                cpu.isEmpty() ? "" : " (" + cpu + ")", memKiB / 1048576.0, System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The file that marks a data dir as the harness's own: only such a dir (or an empty one) is deleted. */
    static final String MARKER = "fushun-bench-data";

    /**
     * Empties the harness's data dir for a fresh start and marks it as the harness's. A folder it did
     * not make (a developer's {@code .local-data} given as {@code --data-dir}, say) is refused, not wiped.
     */
    static void freshDataDir(Path dir) throws IOException {
        if (Files.exists(dir)) {
            boolean empty;
            try (var entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (!empty && !Files.exists(dir.resolve(MARKER))) {
                throw new IllegalArgumentException(dir + " is not the benchmark's data dir (no " + MARKER
                        + " in it): choose another --data-dir; nothing was deleted");
            }
            DataFiles.deleteTree(dir);
        }
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(MARKER), "made by deploy/bench: deleted and made again at each run\n");
    }

}
