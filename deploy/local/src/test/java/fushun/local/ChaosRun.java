package fushun.local;

import static fushun.local.E2EPlatform.JSON;
import static fushun.local.E2EPlatform.call;
import static fushun.local.E2EPlatform.clientToken;
import static fushun.local.E2EPlatform.userToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fushun.contracts.Topics;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.TopicReader;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The fault run (not part of the build's tests; {@code deploy/local/chaos.sh} runs it): the real
 * platform under a steady load of hospital settlements that each raise an alert, while every
 * service in turn, then the broker, is killed with SIGKILL and started again. Then it checks that
 * nothing was lost or applied twice: every household has one alert, one civil-affairs case, one
 * acknowledgement and one medical-insurance measure (counted as distinct facts on the topics),
 * every bureau recorded every alert once, every outbox is empty and no dead letter was written,
 * and the console's dashboard shows monitoring's figures. It prints the counts.
 */
@ExtendWith(E2EPlatform.class)
class ChaosRun {

    private static final int HOUSEHOLDS = Integer.getInteger("chaos.households", 200);
    private static final int BATCH = Integer.getInteger("chaos.batch", 5);
    private static final Duration INTERVAL = Duration.ofMillis(Long.getLong("chaos.intervalMillis", 6000));
    private static final Duration BROKER_DOWN = Duration.ofSeconds(Long.getLong("chaos.brokerDownSeconds", 30));
    private static final String VILLAGE = "210422100201";
    private static final String TOWNSHIP = VILLAGE.substring(0, 9);
    private static final List<String> SERVICES = ServiceModule.ALL.stream().map(ServiceModule::name)
            .filter(name -> !name.equals("gateway")).toList();
    private static final List<String> BUREAUS_RECORDING_ALERTS = List.of("housing-safety", "employment", "asset-management");

    private final Map<String, CachedToken> tokens = new ConcurrentHashMap<>();
    private final List<String> timeline = new ArrayList<>();
    private final Instant started = Instant.now();

    @Test
    void shouldApplyEveryAlertsWorkOnceThroughKillsOfEveryServiceAndTheBroker() throws Exception {
        Map<String, Long> dashboardBefore = dashboard();
        Map<String, Long> recordedBefore = new HashMap<>();
        for (String bureau : BUREAUS_RECORDING_ALERTS) {
            recordedBefore.put(bureau, recordedAlerts(bureau));
        }
        List<Household> households = register();
        note("registered " + households.size() + " households in " + VILLAGE);

        AtomicBoolean faultsDone = new AtomicBoolean();
        CompletableFuture<Integer> load = CompletableFuture.supplyAsync(() -> unchecked(() -> settle(households, faultsDone)));
        for (String service : SERVICES) {
            Thread.sleep(INTERVAL.toMillis());
            E2EPlatform.platform().kill(service);
            note("kill -9 " + service);
            Thread.sleep(3000);
            E2EPlatform.platform().restart(service);
            note(service + " ready again");
        }
        Thread.sleep(INTERVAL.toMillis());
        E2EPlatform.platform().kill("kafka");
        note("kill -9 kafka");
        Thread.sleep(BROKER_DOWN.toMillis());
        E2EPlatform.platform().restart("kafka");
        note("kafka ready again after " + BROKER_DOWN.toSeconds() + " s down");
        faultsDone.set(true);
        int accepted = load.get();
        note("every settlement posted: " + accepted + " accepted in all");

        // the closed loop settles: each household warned, civil affairs acknowledged, medical insurance helped
        Map<String, JsonNode> alerts = new ConcurrentHashMap<>();
        settles(Duration.ofMinutes(10), () -> {
            for (Household h : households) {
                if (!alerts.containsKey(h.id()) || !settled(alerts.get(h.id()))) {
                    JsonNode list = json(get("/api/monitoring/households/" + h.id() + "/alerts", "city-analyst"));
                    if (list.size() > 0) {
                        alerts.put(h.id(), list);
                    }
                }
            }
            return alerts.size() == households.size() && alerts.values().stream().allMatch(ChaosRun::settled);
        });
        note("the closed loop settled for " + alerts.values().stream().filter(ChaosRun::settled).count() + " households");
        settles(Duration.ofMinutes(2), () -> {
            for (String service : SERVICES) {
                if (json(get("/api/" + service + "/admin/outbox", "city-admin")).get("unsent").asLong() > 0) {
                    return false;
                }
            }
            return true;
        });
        note("outboxes checked");

        Set<String> ours = new HashSet<>();
        households.forEach(h -> ours.add(h.id()));
        Facts facts = facts(ours);
        Map<String, Integer> casesPerHousehold = casesPerHousehold(ours);
        long alertsInMonitoring = alerts.values().stream().mapToLong(JsonNode::size).sum();
        long helpedInMonitoring = 0;
        for (JsonNode list : alerts.values()) {
            for (JsonNode alert : list) {
                helpedInMonitoring += helped(alert) ? 1 : 0;
            }
        }
        long helpedTotal = helpedInMonitoring;
        Map<String, Long> recorded = new LinkedHashMap<>();
        settles(Duration.ofMinutes(2), () -> {
            for (String bureau : BUREAUS_RECORDING_ALERTS) {
                recorded.put(bureau, recordedAlerts(bureau) - recordedBefore.get(bureau));
            }
            return recorded.values().stream().allMatch(n -> n >= alertsInMonitoring);
        });
        Map<String, Long> dashboardDelta = new LinkedHashMap<>();
        settles(Duration.ofMinutes(2), () -> {
            Map<String, Long> now = dashboard();
            now.forEach((k, v) -> dashboardDelta.put(k, v - dashboardBefore.getOrDefault(k, 0L)));
            return dashboardDelta.get("warned") == alertsInMonitoring && dashboardDelta.get("assisted") == helpedTotal;
        });
        Map<String, Long> unsent = new LinkedHashMap<>();
        Map<String, Long> parked = new LinkedHashMap<>();
        Map<String, Long> deadLetters = new LinkedHashMap<>();
        for (String service : SERVICES) {
            JsonNode outbox = json(get("/api/" + service + "/admin/outbox", "city-admin"));
            unsent.put(service, outbox.get("unsent").asLong());
            parked.put(service, outbox.get("parked").asLong());
            deadLetters.put(service, json(get("/api/" + service + "/admin/dead-letters?size=1", "city-admin")).get("total").asLong());
        }

        System.out.println(report(households.size(), accepted, alertsInMonitoring, helpedInMonitoring, casesPerHousehold,
                facts, recorded, dashboardDelta, unsent, parked, deadLetters));

        assertThat(accepted).as("settlements accepted once each").isEqualTo(households.size());
        assertThat(alerts.values()).as("one alert per household").allMatch(a -> a.size() == 1);
        assertThat(casesPerHousehold).as("civil-affairs cases").hasSize(households.size()).allSatisfy((h, n) -> assertThat(n).isEqualTo(1));
        assertThat(facts.alertsPerHousehold()).as("RiskAlertRaised per household").hasSize(households.size())
                .allSatisfy((h, n) -> assertThat(n).isEqualTo(1));
        assertThat(facts.acknowledgementsPerAssignment()).as("civil affairs' AssignmentAcknowledged per assignment")
                .hasSize(households.size()).allSatisfy((a, n) -> assertThat(n).isEqualTo(1));
        assertThat(facts.measuresPerAssignment()).as("medical insurance's MeasureApplied per assignment")
                .hasSize(households.size()).allSatisfy((a, n) -> assertThat(n).isEqualTo(1));
        assertThat(recorded).as("alerts each bureau recorded").allSatisfy((b, n) -> assertThat(n).isEqualTo(alertsInMonitoring));
        assertThat(unsent).as("unsent outbox rows").allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(parked).as("parked outbox rows").allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(deadLetters).as("dead letters").allSatisfy((s, n) -> assertThat(n).isZero());
        assertThat(dashboardDelta.get("warned")).isEqualTo(alertsInMonitoring);
        assertThat(dashboardDelta.get("assisted")).isEqualTo(helpedInMonitoring);
    }

    /** Waits until the figures settle; if they never do, the report shows where they stopped. */
    private static void settles(Duration atMost, Callable<Boolean> settled) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofSeconds(2)).until(settled);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            System.out.println("[chaos] not settled within " + atMost + ": " + e.getMessage());
        }
    }

    private record Household(String id, String idNumber) {
    }

    private List<Household> register() throws Exception {
        Random random = new Random();
        List<Household> households = new ArrayList<>();
        for (int i = 0; i < HOUSEHOLDS; i++) {
            String idNumber = SyntheticIdNumbers.next(random, "210422");
            HttpResponse<String> registered = call("POST", "/api/monitoring/households", token("xinbin-cadre"), """
                    {"divisionCode":"%s","category":"OUT_OF_POVERTY",
                     "members":[{"name":"故障演练户%d","idNumber":"%s","relationship":"户主","labourCapacity":"PARTIAL"}]}
                    """.formatted(VILLAGE, i, idNumber));
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
            households.add(new Household(JSON.readTree(registered.body()).get("householdId").asString(), idNumber));
        }
        return households;
    }

    /**
     * Posts one high self-pay settlement per household, a few per request, at a steady pace while
     * the faults go on; a request that fails (the gateway's 5xx while a service is down, a broken
     * connection) is sent again unchanged, so the service's idempotence decides. Returns the sum of
     * the answers' {@code accepted}.
     */
    private int settle(List<Household> households, AtomicBoolean faultsDone) throws Exception {
        int accepted = 0;
        LocalDate settledOn = LocalDate.now().withDayOfMonth(1);
        for (int from = 0; from < households.size(); from += BATCH) {
            List<String> rows = new ArrayList<>();
            for (Household h : households.subList(from, Math.min(from + BATCH, households.size()))) {
                rows.add("""
                        {"settlementId":"CHAOS-%s","idNumber":"%s","insuredCounty":"210422","hospital":"抚顺市示例医院",
                         "settledOn":"%s","totalCost":9000.00,"policyRangeCost":9000.00,"basicInsurancePaid":2000.00}"""
                        .formatted(h.id(), h.idNumber(), settledOn));
            }
            String batch = "{\"settlements\":[" + String.join(",", rows) + "]}";
            while (true) {
                HttpResponse<String> answer = tryCall("POST", "/api/medical-insurance/settlements", "integration", batch);
                if (answer != null && answer.statusCode() == 200) {
                    JsonNode body = JSON.readTree(answer.body());
                    accepted += body.get("accepted").asInt();
                    assertThat(body.get("accepted").asInt() + body.get("duplicates").asInt()).as(answer.body())
                            .isEqualTo(rows.size());
                    break;
                }
                if (answer != null && answer.statusCode() < 500) {
                    throw new AssertionError("settlements refused: " + answer.statusCode() + " " + answer.body());
                }
                Thread.sleep(1000);
            }
            if (!faultsDone.get()) {
                Thread.sleep(INTERVAL.toMillis());
            }
        }
        return accepted;
    }

    private static boolean settled(JsonNode alerts) {
        if (alerts == null || alerts.size() == 0) {
            return false;
        }
        JsonNode first = alerts.get(0);
        return statusOf(first, "CIVIL_AFFAIRS").equals("ACKNOWLEDGED") && helped(first);
    }

    private static boolean helped(JsonNode alert) {
        return List.of("MEASURE_APPLIED", "CLOSED").contains(statusOf(alert, "MEDICAL_INSURANCE"));
    }

    private static String statusOf(JsonNode alert, String bureau) {
        for (JsonNode assignment : alert.get("assignments")) {
            if (bureau.equals(assignment.get("bureau").asString())) {
                return assignment.get("status").asString();
            }
        }
        return "MISSING";
    }

    /** Civil affairs' cases of these households, through every page of the county operator's queue. */
    private Map<String, Integer> casesPerHousehold(Set<String> ours) throws Exception {
        Map<String, Integer> cases = new HashMap<>();
        for (int page = 0; ; page++) {
            JsonNode answer = json(get("/api/social-assistance/cases?size=100&page=" + page, "xinbin-operator"));
            for (JsonNode item : answer.get("items")) {
                String household = item.get("householdId").asString();
                if (ours.contains(household)) {
                    cases.merge(household, 1, Integer::sum);
                }
            }
            if ((long) (page + 1) * 100 >= answer.get("total").asLong()) {
                return cases;
            }
        }
    }

    /**
     * The facts on the topics, read to their end with the launcher's principal: distinct events
     * (by event id) per household or assignment. A record the relay sent twice (a kill between
     * send and mark) has the same event id and is one fact: the inboxes skip the copy.
     */
    private record Facts(Map<String, Integer> alertsPerHousehold, Map<String, Integer> acknowledgementsPerAssignment,
                         Map<String, Integer> measuresPerAssignment, int copies) {
    }

    private Facts facts(Set<String> ours) {
        Map<String, Set<String>> alertEvents = new HashMap<>();
        Map<String, Set<String>> acks = new HashMap<>();
        Map<String, Set<String>> measures = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int copies = 0;
        List<String> topics = List.of(Topics.MONITORING_RISK_ALERT, Topics.SOCIAL_ASSISTANCE_MEASURE,
                Topics.MEDICAL_INSURANCE_MEASURE);
        for (ConsumerRecord<String, String> record : readToEnd(topics)) {
            JsonNode event = JSON.readTree(record.value());
            String eventId = event.get("eventId").asString();
            if (!seen.add(eventId)) {
                copies++;
            }
            JsonNode data = event.get("data");
            if (!ours.contains(data.path("householdId").asString())) {
                continue;
            }
            String type = event.get("type").asString();
            if (type.equals("RiskAlertRaised")) {
                alertEvents.computeIfAbsent(data.get("householdId").asString(), k -> new HashSet<>()).add(eventId);
            } else if (type.equals("AssignmentAcknowledged") && record.topic().equals(Topics.SOCIAL_ASSISTANCE_MEASURE)) {
                acks.computeIfAbsent(data.get("assignmentId").asString(), k -> new HashSet<>()).add(eventId);
            } else if (type.equals("MeasureApplied") && record.topic().equals(Topics.MEDICAL_INSURANCE_MEASURE)) {
                measures.computeIfAbsent(data.get("assignmentId").asString(), k -> new HashSet<>()).add(eventId);
            }
        }
        return new Facts(sizes(alertEvents), sizes(acks), sizes(measures), copies);
    }

    private static Map<String, Integer> sizes(Map<String, Set<String>> sets) {
        Map<String, Integer> sizes = new HashMap<>();
        sets.forEach((k, v) -> sizes.put(k, v.size()));
        return sizes;
    }

    private static List<ConsumerRecord<String, String>> readToEnd(List<String> topics) {
        LocalSecrets secrets = E2EPlatform.platform().secrets();
        Map<String, Object> connection = new HashMap<>(KafkaBroker.login(KafkaBroker.ADMIN, secrets.get(KafkaBroker.ADMIN_PASSWORD)));
        connection.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, E2EPlatform.platform().bootstrapServers());
        return TopicReader.readToEnd(connection, topics, Duration.ofMinutes(2));
    }

    /** The dashboard's funnel for the village's township, as the city's analyst sees it. */
    private Map<String, Long> dashboard() throws Exception {
        JsonNode funnel = json(get("/api/console/dashboard?area=" + TOWNSHIP, "city-analyst")).get("funnel");
        return Map.of("identified", funnel.get("identified").asLong(), "warned", funnel.get("warned").asLong(),
                "assisted", funnel.get("assisted").asLong());
    }

    private long recordedAlerts(String bureau) throws Exception {
        JsonNode answer = json(get("/api/" + bureau + "/alerts?namedOnly=false&size=1", "city-analyst"));
        return answer.isArray() ? answer.size() : answer.get("total").asLong();
    }

    private String report(int households, int accepted, long alerts, long helped, Map<String, Integer> cases, Facts facts,
                          Map<String, Long> recorded, Map<String, Long> dashboard, Map<String, Long> unsent,
                          Map<String, Long> parked, Map<String, Long> deadLetters) {
        StringBuilder out = new StringBuilder("\n==== fault run, ").append(LocalDate.now()).append(" ====\n");
        timeline.forEach(line -> out.append(line).append('\n'));
        out.append(String.format("""
                households %d, settlements accepted %d
                alerts in monitoring %d (households with exactly one: %d), helped %d
                civil-affairs cases %d (households with exactly one: %d)
                distinct facts on the topics: RiskAlertRaised %d, AssignmentAcknowledged (civil affairs) %d, MeasureApplied (medical insurance) %d; most per household or assignment: %d / %d / %d
                records the relay sent twice (same event id; skipped by the inboxes): %d
                alerts each bureau recorded: %s
                console dashboard (change during the run): %s
                unsent outbox rows: %s
                parked outbox rows: %s
                dead letters: %s
                """, households, accepted, alerts, facts.alertsPerHousehold().values().stream().filter(n -> n == 1).count(),
                helped, cases.values().stream().mapToInt(Integer::intValue).sum(),
                cases.values().stream().filter(n -> n == 1).count(),
                facts.alertsPerHousehold().size(), facts.acknowledgementsPerAssignment().size(),
                facts.measuresPerAssignment().size(), max(facts.alertsPerHousehold()),
                max(facts.acknowledgementsPerAssignment()), max(facts.measuresPerAssignment()), facts.copies(),
                recorded, dashboard, unsent, parked, deadLetters));
        return out.toString();
    }

    private static int max(Map<String, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    private void note(String what) {
        String line = String.format("%5d s  %s", Duration.between(started, Instant.now()).toSeconds(), what);
        timeline.add(line);
        System.out.println("[chaos] " + line);
    }

    private String get(String path, String user) throws Exception {
        HttpResponse<String> answer = call("GET", path, token(user), null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    private HttpResponse<String> tryCall(String method, String path, String user, String body) throws Exception {
        try {
            return call(method, path, token(user), body);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private record CachedToken(String value, Instant fetched) {
    }

    /** A user's (or, for {@code integration}, the integration client's) token, fetched again after a minute. */
    private String token(String user) throws Exception {
        CachedToken cached = tokens.get(user);
        if (cached == null || cached.fetched().isBefore(Instant.now().minusSeconds(60))) {
            cached = new CachedToken(user.equals("integration") ? clientToken() : userToken(user), Instant.now());
            tokens.put(user, cached);
        }
        return cached.value();
    }

    private static <T> T unchecked(Callable<T> work) {
        try {
            return work.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
