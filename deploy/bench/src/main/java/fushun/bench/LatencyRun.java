package fushun.bench;

import fushun.contracts.Topics;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

/**
 * Row 4: settlement → signal → alert → civil-affairs case at a sustained rate. Every household of
 * the latency pool gets one settlement whose self-pay crosses the threshold (7,000 of a 6,000
 * line), sent in small batches on a fixed schedule (open loop: a slow answer does not hold the
 * next batch back). A consumer without a group watches medical insurance's signals, monitoring's
 * alerts and civil affairs' acknowledgements (the case opened); each stage's time is the record's
 * timestamp (set by the relay's producer) minus the previous one, the first being the POST's send
 * time. Same clock: everything runs on this machine.
 */
final class LatencyRun {

    /** What the run measured, all in milliseconds. */
    record Result(int sent, int rejected, int signals, int alerts, int cases, int duplicateCases, Histogram endToEnd,
                  Histogram toSignal, Histogram toAlert, Histogram toCase, double achievedPerSecond) {
    }

    private final SyntheticCity city;
    private final Gateway gateway;
    private final Bus bus;
    private final int perSecond;
    private final int seconds;
    private final int batch;

    LatencyRun(SyntheticCity city, Gateway gateway, Bus bus, int perSecond, int seconds, int batch) {
        this.city = city;
        this.gateway = gateway;
        this.bus = bus;
        this.perSecond = perSecond;
        this.seconds = seconds;
        this.batch = batch;
    }

    /**
     * The pool's household ids, from monitoring's HouseholdRegistered events (the heads are named
     * {@code 时延户<n>}): read to the end of the topic as it is now.
     */
    static Map<String, Integer> poolHouseholds(Bus bus, int pool) throws Exception {
        Map<String, Integer> ids = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = bus.consumer()) {
            List<TopicPartition> partitions = bus.partitions(List.of(Topics.MONITORING_HOUSEHOLD));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (ids.size() < pool && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Bus.poll())) {
                    if (!record.value().contains(SyntheticCity.LATENCY_HEAD)) {
                        continue;
                    }
                    JsonNode event = Gateway.JSON.readTree(record.value());
                    if (!"HouseholdRegistered".equals(event.path("type").asString())) {
                        continue;
                    }
                    int index = SyntheticCity.latencyIndexOf(event.path("data").path("headName").asString());
                    if (index >= 0 && index < pool) {
                        ids.put(event.path("data").path("householdId").asString(), index);
                    }
                }
                boolean atEnd = partitions.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
                if (atEnd) {
                    break;
                }
            }
        }
        return ids;
    }

    Result run(Map<String, Integer> households) throws Exception {
        int pool = Math.min(city.latencyHouseholds(), perSecond * seconds);
        long[] sentAt = new long[pool];
        AtomicLongArray signalAt = new AtomicLongArray(pool);
        AtomicLongArray alertAt = new AtomicLongArray(pool);
        AtomicLongArray caseAt = new AtomicLongArray(pool);
        Map<Integer, java.util.Set<String>> caseEvents = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger signals = new AtomicInteger();
        AtomicInteger alerts = new AtomicInteger();
        AtomicInteger cases = new AtomicInteger();

        KafkaConsumer<String, String> consumer = bus.consumer();
        List<TopicPartition> partitions = bus.partitions(List.of(Topics.MEDICAL_INSURANCE_SIGNAL,
                Topics.MONITORING_RISK_ALERT, Topics.SOCIAL_ASSISTANCE_MEASURE));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve "the end" now, before the first settlement
        java.util.concurrent.atomic.AtomicBoolean watching = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread watcher = new Thread(() -> {
            try {
                while (watching.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Bus.poll())) {
                        JsonNode event = Gateway.JSON.readTree(record.value());
                        Integer index = households.get(event.path("data").path("householdId").asString());
                        if (index == null || index >= pool) {
                            continue;
                        }
                        String type = event.path("type").asString();
                        if (record.topic().equals(Topics.MEDICAL_INSURANCE_SIGNAL) && type.equals("RiskSignalObserved")) {
                            signalAt.compareAndSet(index, 0, record.timestamp());
                            signals.incrementAndGet();
                        } else if (record.topic().equals(Topics.MONITORING_RISK_ALERT) && type.equals("RiskAlertRaised")) {
                            alertAt.compareAndSet(index, 0, record.timestamp());
                            alerts.incrementAndGet();
                        } else if (record.topic().equals(Topics.SOCIAL_ASSISTANCE_MEASURE) && type.equals("AssignmentAcknowledged")) {
                            caseAt.compareAndSet(index, 0, record.timestamp());
                            // a record the relay sent twice has the same event id: one case
                            caseEvents.computeIfAbsent(index, k -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                                    .add(event.path("eventId").asString());
                            cases.incrementAndGet();
                        }
                    }
                }
            } finally {
                consumer.close();
            }
        }, "latency-watcher");
        watcher.start();

        String[] idNumbers = new String[pool];
        for (int i = 0; i < pool; i++) {
            idNumbers[i] = city.idNumber(city.firstPerson(city.households() + i));
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String runId = UUID.randomUUID().toString().substring(0, 8);
        AtomicInteger rejected = new AtomicInteger();
        List<CompletableFuture<HttpResponse<String>>> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger next = new AtomicInteger();
        long periodMicros = 1_000_000L * batch / perSecond;
        long began = System.nanoTime();
        String token = gateway.token(Gateway.INTEGRATION);
        schedule.scheduleAtFixedRate(() -> {
            int from = next.getAndAdd(batch);
            if (from >= pool) {
                return;
            }
            int to = Math.min(pool, from + batch);
            StringBuilder body = new StringBuilder("{\"settlements\":[");
            for (int i = from; i < to; i++) {
                body.append(i > from ? "," : "").append("""
                        {"settlementId":"LAT-%s-%d","idNumber":"%s","insuredCounty":"210422","hospital":"抚顺市示例医院",\
                        "settledOn":"%s","totalCost":9000.00,"policyRangeCost":9000.00,"basicInsurancePaid":2000.00}"""
                        .formatted(runId, i, idNumbers[i], today));
            }
            body.append("]}");
            try {
                long now = System.currentTimeMillis();
                for (int i = from; i < to; i++) {
                    sentAt[i] = now;
                }
                answers.add(gateway.postAsync("/api/medical-insurance/settlements", Gateway.INTEGRATION, body.toString())
                        .whenComplete((answer, failure) -> {
                            if (failure != null || answer.statusCode() != 200) {
                                // the first few say why (a timeout, the gateway's 429 or 503); the rest are counted
                                if (rejected.getAndAdd(to - from) < 5 * batch) {
                                    Progress.line("latency: a batch refused: %s", failure != null ? failure.toString()
                                            : "HTTP " + answer.statusCode());
                                }
                            }
                        }));
            } catch (Exception e) {
                rejected.addAndGet(to - from);
            }
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        int lastReported = 0;
        while (next.get() < pool) {
            Thread.sleep(1000);
            int sent = Math.min(pool, next.get());
            if (sent - lastReported >= perSecond * 10 || sent >= pool) {
                Progress.line("latency: %,d of %,d settlements sent, %,d cases seen", sent, pool, cases.get());
                lastReported = sent;
            }
        }
        double sendSeconds = (System.nanoTime() - began) / 1e9;
        schedule.shutdown();
        schedule.awaitTermination(1, TimeUnit.MINUTES);
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).get(2, TimeUnit.MINUTES);
        // the stragglers: while cases still come (a backlog drains), up to three times the run's length
        long deadline = System.nanoTime() + Duration.ofSeconds(Math.max(120, 3L * seconds)).toNanos();
        int seen = -1;
        long lastProgress = System.nanoTime();
        long lastPrint = System.nanoTime();
        while (caseEvents.size() < pool - rejected.get() && System.nanoTime() < deadline
                && System.nanoTime() - lastProgress < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(1000);
            if (caseEvents.size() != seen) {
                seen = caseEvents.size();
                lastProgress = System.nanoTime();
            }
            if (System.nanoTime() - lastPrint > Duration.ofSeconds(10).toNanos()) {
                Progress.line("latency: %,d of %,d cases seen", seen, pool);
                lastPrint = System.nanoTime();
            }
        }
        watching.set(false);
        watcher.join(10_000);
        long waitEnded = System.currentTimeMillis();

        Histogram endToEnd = histogram();
        Histogram toSignal = histogram();
        Histogram toAlert = histogram();
        Histogram toCase = histogram();
        for (int i = 0; i < pool; i++) {
            // a case never seen counts as the wait's end: a lower bound, so the percentiles do not flatter
            endToEnd.recordValue(Math.max(0, (caseAt.get(i) > 0 ? caseAt.get(i) : waitEnded) - sentAt[i]));
            if (signalAt.get(i) > 0) {
                toSignal.recordValue(Math.max(0, signalAt.get(i) - sentAt[i]));
            }
            if (alertAt.get(i) > 0 && signalAt.get(i) > 0) {
                toAlert.recordValue(Math.max(0, alertAt.get(i) - signalAt.get(i)));
            }
            if (caseAt.get(i) > 0 && alertAt.get(i) > 0) {
                toCase.recordValue(Math.max(0, caseAt.get(i) - alertAt.get(i)));
            }
        }
        int duplicates = (int) caseEvents.values().stream().filter(s -> s.size() > 1).count();
        return new Result(pool, rejected.get(), signals.get(), alerts.get(), caseEvents.size(), duplicates, endToEnd,
                toSignal, toAlert, toCase, pool / sendSeconds);
    }

    private static Histogram histogram() {
        return new Histogram(Duration.ofHours(1).toMillis(), 3);
    }
}
