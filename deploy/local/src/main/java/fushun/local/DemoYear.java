package fushun.local;

import fushun.platform.pii.SyntheticIdNumbers;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo city's past year (ADR 0038): on a fresh data folder, after the platform is ready, the
 * launcher plays twelve months of a county's work through the gateway as the demo users would, so
 * that every dashboard, queue, league table, timeline and the December report have content on the
 * first start. The services' shared clock ({@code DemoClock}) is moved from the first day of the
 * month a year ago to the end of last month, one step at a time; the file is deleted at the end
 * and the platform runs on the real time from then on.
 *
 * <p>Everything goes through the services' own APIs and events: clues from the three channels (a
 * household's application, a cadre's visit, the bureaus' data: a hospital settlement, a house
 * appraisal, a lost job, 教育局's pupil roster and 水务局's water census), procedures at each level (one late, one green channel), alerts naming
 * every bureau, their measures and closings, dibao and its monthly payroll, temporary aid,
 * settlements with their tiers, a renovation, a public-welfare post with its attendance, an asset
 * income plan, three eliminations and one rollback, and assignments left open to become overdue
 * and escalated. The story is fixed and the random draws are seeded: two fresh starts write the
 * same year. A step that fails is logged and the story goes on (its household's later steps are
 * skipped); the log shows each month as it is written.
 */
final class DemoYear {

    private static final Logger log = LoggerFactory.getLogger(DemoYear.class);
    static final String CLOCK_FILE = "demo-clock";
    static final String DONE_FILE = "demo-year.done";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration EFFECT_TIMEOUT = Duration.ofSeconds(90);
    private static final int MAX_FAILED = 20;
    private static final String VILLAGE = "210422100201";
    private static final String TOWNSHIP = "210422100";
    private static final String COUNTY = "210422";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String tokenUrl;
    private final LocalSecrets secrets;
    private final Path clockFile;
    private final YearMonth first;
    private final Random random = new Random(2025);
    private final Map<String, String[]> tokens = new HashMap<>();
    private final Map<String, Household> households = new LinkedHashMap<>();
    private Instant now;
    private int steps;
    private int failed;

    /** One of the story's households: who it is and what the story has learnt about it. */
    private static final class Household {
        final String label;
        final String category;
        final String headIdNumber;
        String pupilIdNumber;
        String id;
        String holding;
        boolean broken;

        Household(String label, String category, String headIdNumber) {
            this.label = label;
            this.category = category;
            this.headIdNumber = headIdNumber;
        }
    }

    DemoYear(String gateway, String issuer, LocalSecrets secrets, Path dataDir) {
        this.gateway = gateway;
        this.tokenUrl = issuer + "/protocol/openid-connect/token";
        this.secrets = secrets;
        this.clockFile = dataDir.resolve(CLOCK_FILE);
        this.first = YearMonth.now(CHINA).minusMonths(12);
    }

    /** Where the year starts: the services' clock is set here before they start, so the demo city is registered then. */
    static Instant start(YearMonth first) {
        return first.atDay(1).atTime(8, 0).atZone(CHINA).toInstant();
    }

    /** Sets the shared clock to {@code at}: the launcher's one writer, replaced at once, never ahead of the real time. */
    static void setClock(Path clockFile, Instant at) throws IOException {
        long offset = Math.min(0, at.toEpochMilli() - System.currentTimeMillis());
        Path next = clockFile.resolveSibling(CLOCK_FILE + ".next");
        Files.writeString(next, Long.toString(offset), StandardCharsets.US_ASCII);
        Files.move(next, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Plays the year; the clock file is gone afterwards whatever happened. Returns the steps that failed. */
    int run() throws InterruptedException {
        long started = System.nanoTime();
        try {
            register();
            for (int m = 0; m < 12; m++) {
                month(m);
                log.info(String.format("demo   %-18s %s written (%d/12), %d steps, %d failed, %5.1f s", "year",
                        first.plusMonths(m), m + 1, steps, failed, (System.nanoTime() - started) / 1e9));
            }
            at(first.plusMonths(11).atEndOfMonth(), 20);
            release();
            draftReports();
        } finally {
            release();
        }
        return failed;
    }

    // ---------------------------------------------------------------- the story, month by month

    private void register() throws InterruptedException {
        at(first.atDay(1), 9);
        add("甲", "OUT_OF_POVERTY", "FULL", "NONE");      // illness by application; dibao; tiers every month
        add("乙", "OUT_OF_POVERTY", "FULL");              // illness found on a cadre's visit
        add("丙", "ORDINARY", "FULL", "PARTIAL");          // an ordinary household's application; the county decides late
        add("丁", "ORDINARY", "FULL", "FULL");             // a flood: green channel, temporary aid; eliminated
        add("戊", "OUT_OF_POVERTY", "FULL", "NONE");       // a D house: renovation; eliminated
        add("己", "UNSTABLE_OUT_OF_POVERTY", "FULL");      // lost job: a public-welfare post, attendance every month
        add("庚", "MARGINAL", "FULL", "FULL", "FULL");     // a pupil dropping out: education; eliminated, then rolled back
        add("辛", "MARGINAL", "FULL");                     // drinking water
        add("壬", "UNSTABLE_OUT_OF_POVERTY", "FULL", "FULL"); // a failed business: agriculture
        add("癸", "UNSTABLE_OUT_OF_POVERTY", "PARTIAL", "NONE"); // disability: the federation and civil affairs
        add("子", "MARGINAL", "FULL");                     // other: the rural revitalization bureau itself
        add("丑", "OUT_OF_POVERTY", "FULL");               // a hospital's settlement: the bureaus' data channel
        add("寅", "UNSTABLE_OUT_OF_POVERTY", "FULL", "NONE"); // illness late in the year, left open: overdue, escalated
        add("卯", "OUT_OF_POVERTY", "FULL");               // a cracked house late in the year, left open
        addWithPupil("辰");                                 // 教育局's pupil roster: a child not at school
        add("巳", "OUT_OF_POVERTY", "FULL", "PARTIAL");    // 水务局's census: unsafe drinking water
        step("reserve fund", null, () -> call("POST", "/api/social-assistance/reserve-funds/" + TOWNSHIP + "/top-ups",
                "xinbin-operator", Map.of("amount", 80000, "reason", "年度县级财政拨付乡镇临时救助备用金")));
        // the bureaus learn of the households from monitoring's events before anything is asked of them
        for (Household h : households.values()) {
            if (h.id != null) {
                step("households reach the bureaus", h, () -> until(() ->
                        get("/api/employment/households/" + h.id + "/people", "xinbin-hr").size() > 0
                                && status("GET", "/api/housing-safety/households/" + h.id + "/appraisals", "xinbin-housing") == 200));
            }
        }
    }

    private void month(int m) throws InterruptedException {
        YearMonth month = first.plusMonths(m);
        switch (m) {
            case 0 -> {
                Household h = households.get("甲");
                at(month.atDay(3), 9);
                String procedure = clue(h, "applications", "ILLNESS", "户主确诊慢性肾病，长期透析，医疗支出大，申请纳入监测");
                at(month.atDay(3), 15);
                decide(procedure, "xinbin-cadre", null);
                at(month.atDay(9), 10);
                decide(procedure, "xinbin-township", null);
                at(month.atDay(11), 10);
                decide(procedure, "xinbin-approver", "UNSTABLE_OUT_OF_POVERTY");
                bureauMeasure(h, "HEALTH", "xinbin-health", "FAMILY_DOCTOR", null, month.atDay(11));
                close(h, "HEALTH", "xinbin-health", "已签约家庭医生，按季度随访");
                at(month.atDay(16), 10);
                dibao(h);
            }
            case 1 -> {
                at(month.atDay(4), 9);
                Household b = households.get("乙");
                visit(b, "ILLNESS", "回访发现户主突发脑梗住院，家庭收入骤减", month.atDay(4));
                Household c = households.get("丙");
                String procedure = clue(c, "applications", "ILLNESS", "家中老人重病住院，自付费用高");
                decide(procedure, "xinbin-cadre", null);
                String lateOne = openProcedure(b);
                decide(lateOne, "xinbin-cadre", null);
                at(month.atDay(10), 10);
                decide(procedure, "xinbin-township", null);
                decide(lateOne, "xinbin-township", null);
                at(month.atDay(12), 10);
                decide(lateOne, "xinbin-approver", "UNSTABLE_OUT_OF_POVERTY");
                bureauMeasure(b, "HEALTH", "xinbin-health", "TREAT_FIRST_PAY_LATER", null, month.atDay(12));
                closeCase(b, "已落实医疗救助和临时生活补助");
                // the county's decision on 丙 comes after the procedure's clock ran out: a late procedure
                at(month.atDay(26), 10);
                decide(procedure, "xinbin-approver", "MARGINAL");
            }
            case 2 -> {
                at(month.atDay(5), 9);
                Household h = households.get("戊");
                appraise(h, "D", month.atDay(5));
                // the department's data on an out-of-poverty household: an alert at once and the procedure
                String procedure = openProcedure(h);
                decide(procedure, "xinbin-cadre", null);
                at(month.atDay(12), 10);
                decide(procedure, "xinbin-township", null);
                at(month.atDay(14), 10);
                decide(procedure, "xinbin-approver", "UNSTABLE_OUT_OF_POVERTY");
                Household s = households.get("丑");
                settlement(s, month.atDay(6), new BigDecimal("48000.00"), new BigDecimal("12000.00"));
                at(month.atDay(20), 10);
                startRenovation(h, month.atDay(20));
                closeCase(households.get("丙"), "已落实医疗救助");
                bureauMeasure(households.get("丙"), "HEALTH", "xinbin-health", "CHRONIC_FOLLOW_UP", null, month.atDay(20));
                close(households.get("丙"), "HEALTH", "xinbin-health", "已纳入慢病随访管理");
            }
            case 3 -> {
                at(month.atDay(2), 9);
                Household h = households.get("己");
                lostJob(h, month.atDay(1));
                Household s = households.get("丑");
                String procedure = openProcedure(s);
                decide(procedure, "xinbin-cadre", null);
                at(month.atDay(9), 15);
                decide(procedure, "xinbin-township", null);
                at(month.atDay(10), 10);
                hire(h, month.atDay(10));
                assetPlan(month);
                at(month.atDay(11), 10);
                decide(procedure, "xinbin-approver", "UNSTABLE_OUT_OF_POVERTY");
                closeCase(s, "已落实医疗救助");
            }
            case 4 -> {
                Household h = households.get("丁");
                at(month.atDay(18), 9);
                String procedure = clue(h, "applications", "DISASTER", "暴雨冲毁房屋和农田，基本生活暂时困难");
                // green channel: help first, every level decides the same day
                decide(procedure, "xinbin-cadre", null);
                temporaryAid(h, new BigDecimal("3000.00"), "暴雨冲毁房屋，基本生活暂时困难");
                at(month.atDay(18), 15);
                decide(procedure, "xinbin-township", null);
                decide(procedure, "xinbin-approver", "SUDDEN_SEVERE_DIFFICULTY");
                at(month.atDay(25), 10);
                closeCase(h, "已发放临时救助，基本生活已恢复");
                income(households.get("戊"), month, new BigDecimal("26000"));
                income(households.get("庚"), month, new BigDecimal("42000"));
            }
            case 5 -> {
                at(month.atDay(6), 9);
                completeRenovation(households.get("戊"), month.atDay(6));
                Household g = households.get("庚");
                visit(g, "SCHOOL_DROPOUT", "回访发现家中初二学生辍学在家", month.atDay(6));
                at(month.atDay(12), 10);
                bureauMeasure(g, "EDUCATION", "xinbin-education", "CONTROL_DROPOUT", null, month.atDay(12));
                close(g, "EDUCATION", "xinbin-education", "学生已劝返复学");
                Household p = households.get("癸");
                clue(p, "applications", "DISABILITY", "户主因意外致重度残疾，丧失劳动能力");
                at(month.atDay(20), 10);
                bureauMeasure(p, "DISABLED_PERSONS_FEDERATION", "xinbin-disabled", "SEVERE_DISABILITY_NURSING_SUBSIDY",
                        new BigDecimal("1200.00"), month.atDay(20));
                close(p, "DISABLED_PERSONS_FEDERATION", "xinbin-disabled", "已办理残疾证和护理补贴");
                dibao(p);
            }
            case 6 -> {
                at(month.atDay(8), 9);
                Household w = households.get("辛");
                visit(w, "DRINKING_WATER", "回访发现水井干涸，饮水困难", month.atDay(8));
                Household o = households.get("子");
                clue(o, "applications", "OTHER", "家中两名成员长期外出失联，生活困难");
                at(month.atDay(15), 10);
                bureauMeasure(w, "WATER", "xinbin-water", "WATER_SUPPLY_CONNECTION", new BigDecimal("4500.00"), month.atDay(15));
                close(w, "WATER", "xinbin-water", "已接通集中供水");
                bureauMeasure(o, "RURAL_REVITALIZATION", "xinbin-approver", "RESIDENT_TEAM_PAIRING", null, month.atDay(15));
                close(o, "RURAL_REVITALIZATION", "xinbin-approver", "已落实结对帮扶");
                income(households.get("丁"), month, new BigDecimal("30000"));
            }
            case 7 -> {
                at(month.atDay(5), 9);
                Household f = households.get("壬");
                clue(f, "applications", "FAILED_BUSINESS", "养殖肉牛因疫病死亡，经营亏损");
                at(month.atDay(16), 10);
                bureauMeasure(f, "AGRICULTURE", "xinbin-agriculture", "INDUSTRY_SUPPORT_FUND", new BigDecimal("5000.00"), month.atDay(16));
                bureauMeasure(f, "AGRICULTURE", "xinbin-agriculture", "ANTI_POVERTY_INSURANCE_CLAIM", new BigDecimal("8000.00"),
                        month.atDay(16));
                close(f, "AGRICULTURE", "xinbin-agriculture", "已恢复养殖");
            }
            case 8 -> {
                // six months after its alert: the renovated household's risk is eliminated
                eliminate(households.get("戊"), month, 8);
                // the bureaus without a service send their own data: 教育局's roster of the school year, 水务局's census
                Household pupil = households.get("辰");
                at(month.atDay(12), 10);
                feed(pupil, "EDUCATION_PUPIL_ROSTER", "xinbin-education", "身份证号,在校状态\n" + pupil.pupilIdNumber + ",未在校\n",
                        month.atDay(12));
                Household water = households.get("巳");
                feed(water, "WATER_CENSUS", "xinbin-water", "户主身份证号,饮水安全\n" + water.headIdNumber + ",不安全\n",
                        month.atDay(12));
                at(month.atDay(20), 10);
                bureauMeasure(pupil, "EDUCATION", "xinbin-education", "CONTROL_DROPOUT", null, month.atDay(20));
                close(pupil, "EDUCATION", "xinbin-education", "学生已劝返复学");
                bureauMeasure(water, "WATER", "xinbin-water", "WATER_SUPPLY_CONNECTION", new BigDecimal("3800.00"), month.atDay(20));
            }
            case 9 -> {
                at(month.atDay(3), 9);
                Household late = households.get("寅");
                clue(late, "applications", "ILLNESS", "户主确诊肺癌，需长期治疗");
            }
            case 10 -> {
                at(month.atDay(3), 9);
                Household crack = households.get("卯");
                visit(crack, "UNSAFE_HOUSING", "回访发现住房西墙贯通裂缝，雨季有倒塌危险", month.atDay(3));
                eliminate(households.get("丁"), month, 19);
            }
            case 11 -> {
                Household g = households.get("庚");
                eliminate(g, month, 7);
                at(month.atDay(24), 9);
                step("rollback", g, () -> call("POST", "/api/monitoring/households/" + g.id + "/elimination/rollback",
                        "xinbin-approver", Map.of("reason", "县级复查发现该户学生再次辍学，风险未消除")));
            }
            default -> throw new IllegalArgumentException("month " + m);
        }
        monthly(month);
    }

    /** What every month has, at its end: hospital settlements, the dibao payroll, the post's attendance. */
    private void monthly(YearMonth month) throws InterruptedException {
        at(month.atDay(28), 16);
        for (String label : List.of("甲", "乙", "寅")) {
            Household h = households.get(label);
            if (h.id != null && (!label.equals("寅") || month.isAfter(first.plusMonths(8)))) {
                BigDecimal total = BigDecimal.valueOf(3000 + random.nextInt(9000)).setScale(2);
                settlement(h, month.atDay(15), total, total.multiply(new BigDecimal("0.45")).setScale(2));
            }
        }
        step("payroll " + month, null, () -> call("POST", "/api/social-assistance/payrolls", "xinbin-operator",
                Map.of("county", COUNTY, "month", month.toString())));
        Household worker = households.get("己");
        if (worker.holding != null) {
            step("attendance " + month, worker, () -> call("POST", "/api/employment/holdings/" + worker.holding + "/attendance",
                    "xinbin-hr-payroll", Map.of("month", month.toString(), "daysWorked", 20 + random.nextInt(3))));
        }
    }

    // ---------------------------------------------------------------- the steps, through the APIs

    private void add(String label, String category, String... labour) throws InterruptedException {
        List<Map<String, Object>> members = new ArrayList<>();
        String head = null;
        for (int i = 0; i < labour.length; i++) {
            String idNumber = SyntheticIdNumbers.next(random, COUNTY);
            head = head == null ? idNumber : head;
            members.add(Map.of("name", (i == 0 ? "演示" + label + "户主" : "演示" + label + "成员" + i), "idNumber", idNumber,
                    "relationship", i == 0 ? "户主" : i == 1 ? "配偶" : "子女", "labourCapacity", labour[i]));
        }
        Household h = new Household(label, category, head);
        households.put(label, h);
        step("register", h, () -> h.id = call("POST", "/api/monitoring/households", "xinbin-cadre",
                Map.of("divisionCode", VILLAGE, "category", category, "members", members)).get("householdId").asString());
    }

    /** A marginal household of three whose youngest is of school age (twelve when the year ends). */
    private void addWithPupil(String label) throws InterruptedException {
        String head = SyntheticIdNumbers.next(random, COUNTY);
        LocalDate born = first.plusMonths(11).atEndOfMonth().minusYears(12).minusDays(random.nextInt(200));
        String pupil = SyntheticIdNumbers.next(random, COUNTY, born);
        Household h = new Household(label, "MARGINAL", head);
        h.pupilIdNumber = pupil;
        households.put(label, h);
        step("register", h, () -> h.id = call("POST", "/api/monitoring/households", "xinbin-cadre", Map.of(
                "divisionCode", VILLAGE, "category", "MARGINAL", "members", List.of(
                        Map.of("name", "演示" + label + "户主", "idNumber", head, "relationship", "户主", "labourCapacity", "FULL"),
                        Map.of("name", "演示" + label + "成员1", "idNumber", SyntheticIdNumbers.next(random, COUNTY),
                                "relationship", "配偶", "labourCapacity", "FULL"),
                        Map.of("name", "演示" + label + "学生", "idNumber", pupil, "relationship", "子女", "labourCapacity", "NONE"))))
                .get("householdId").asString());
    }

    /** A bureau's own data (a CSV file of the day) uploaded as its officer: the department-comparison channel. */
    private void feed(Household h, String kind, String user, String csv, LocalDate asOf) throws InterruptedException {
        step("feed " + kind, h, () -> {
            String boundary = "demo" + UUID.nameUUIDFromBytes((kind + asOf).getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"asOf\"\r\n\r\n" + asOf + "\r\n"
                    + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind + ".csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + "/api/monitoring/department-feeds/" + kind))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token(user))
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("the " + kind + " upload answered " + response.statusCode() + ": " + response.body());
            }
            return response;
        });
    }

    /** A household's application or a cadre's visit; returns the procedure it opened, if any. */
    private String clue(Household h, String channel, String risk, String description) throws InterruptedException {
        step("clue " + risk, h, () -> call("POST", "/api/monitoring/households/" + h.id + "/" + channel, "xinbin-cadre",
                Map.of("riskTypes", List.of(risk), "description", description)));
        return h.category.equals("ORDINARY") || h.category.equals("OUT_OF_POVERTY") ? openProcedure(h) : null;
    }

    private void visit(Household h, String risk, String findings, LocalDate on) throws InterruptedException {
        step("visit " + risk, h, () -> call("POST", "/api/monitoring/households/" + h.id + "/visits", "xinbin-cadre",
                Map.of("visitedOn", on.toString(), "findings", findings, "riskTypes", List.of(risk))));
    }

    /** The household's open procedure (identification or elimination), as the cadre's list shows it. */
    private String openProcedure(Household h) throws InterruptedException {
        String[] found = new String[1];
        step("procedure", h, () -> found[0] = awaitListed("/api/monitoring/identifications?", 200, "xinbin-cadre", h, "id"));
        return found[0];
    }

    /**
     * Waits until a paged list ({@code path} ends with its query's {@code ?} or {@code &}) shows an item
     * of the household, and returns that item's {@code idField}.
     */
    private String awaitListed(String path, int size, String user, Household h, String idField) throws Exception {
        String[] found = new String[1];
        until(() -> {
            for (int page = 0; ; page++) {
                JsonNode list = get(path + "size=" + size + "&page=" + page, user);
                for (JsonNode item : list.get("items")) {
                    if (h.id.equals(item.get("householdId").asString())) {
                        found[0] = item.get(idField).asString();
                        return true;
                    }
                }
                if ((page + 1L) * size >= list.get("total").asLong()) {
                    return false;
                }
            }
        });
        return found[0];
    }

    private void decide(String procedure, String user, String category) throws InterruptedException {
        if (procedure == null) {
            return;
        }
        Map<String, Object> body = new HashMap<>(Map.of("decision", "APPROVE", "reason", "入户核实，情况属实"));
        if (category != null) {
            body.put("category", category);
        }
        step("decision " + user, null, () -> call("POST", "/api/monitoring/identifications/" + procedure + "/decisions", user, body));
    }

    /** A bureau without a service records a measure of its catalogue once monitoring has assigned the alert to it. */
    private void bureauMeasure(Household h, String bureau, String user, String measureType, BigDecimal amount, LocalDate on)
            throws InterruptedException {
        step("measure " + bureau, h, () -> {
            String assignment = assignment(h, bureau);
            Map<String, Object> body = new HashMap<>(Map.of("measureType", measureType, "appliedOn", on.toString()));
            if (amount != null) {
                body.put("amount", amount);
            }
            return call("POST", "/api/monitoring/assignments/" + assignment + "/measures", user, body);
        });
    }

    private void close(Household h, String bureau, String user, String outcome) throws InterruptedException {
        step("close " + bureau, h, () -> call("POST", "/api/monitoring/assignments/" + assignment(h, bureau) + "/close", user,
                Map.of("outcome", outcome)));
    }

    /** The household's newest assignment for the bureau, once there is one. */
    private String assignment(Household h, String bureau) throws Exception {
        String[] found = new String[1];
        until(() -> {
            for (JsonNode alert : get("/api/monitoring/households/" + h.id + "/alerts", "city-analyst")) {
                for (JsonNode a : alert.get("assignments")) {
                    if (bureau.equals(a.get("bureau").asString()) && !"CLOSED".equals(a.get("status").asString())) {
                        found[0] = a.get("id").asString();
                        return true;
                    }
                }
            }
            return false;
        });
        return found[0];
    }

    /** Civil affairs: the case the alert opened, a dibao application, the township's review, the county's approval, closed. */
    private void dibao(Household h) throws InterruptedException {
        step("dibao", h, () -> {
            String caseId = openCase(h);
            JsonNode detail = get("/api/social-assistance/cases/" + caseId, "xinbin-operator");
            List<Map<String, Object>> members = new ArrayList<>();
            for (JsonNode member : detail.at("/household/members")) {
                members.add(Map.of("personId", member.get("personId").asString(), "capacity", "PARTIAL", "ownYearlyIncome", 1200,
                        "underSixteen", false));
            }
            JsonNode application = call("POST", "/api/social-assistance/applications", "xinbin-operator", Map.of(
                    "householdId", h.id, "caseId", caseId, "programme", "DIBAO", "coveredPersons", List.of(),
                    "declaration", Map.of("totalIncome", 2400, "basicPension", 0, "illnessSpending", 9000,
                            "schoolingSpending", 0, "employmentCosts", 0),
                    "members", members));
            String id = application.get("id").asString();
            call("POST", "/api/social-assistance/applications/" + id + "/review", "xinbin-ca-reviewer",
                    Map.of("recommend", true, "opinion", "乡镇审核：入户核查属实"));
            call("POST", "/api/social-assistance/applications/" + id + "/decision", "xinbin-ca-approver",
                    Map.of("approve", true, "reason", "收入低于低保标准，同意纳入农村低保"));
            return call("POST", "/api/social-assistance/cases/" + caseId + "/close", "xinbin-operator",
                    Map.of("outcome", "已纳入农村低保"));
        });
    }

    private void closeCase(Household h, String outcome) throws InterruptedException {
        step("case closed", h, () -> call("POST", "/api/social-assistance/cases/" + openCase(h) + "/close", "xinbin-operator",
                Map.of("outcome", outcome)));
    }

    private String openCase(Household h) throws Exception {
        return awaitListed("/api/social-assistance/cases?status=OPEN&", 100, "xinbin-operator", h, "caseId");
    }

    private void temporaryAid(Household h, BigDecimal amount, String reason) throws InterruptedException {
        step("temporary aid", h, () -> call("POST", "/api/social-assistance/reserve-funds/" + TOWNSHIP + "/payouts",
                "xinbin-operator", Map.of("requestId", UUID.nameUUIDFromBytes(("demo-aid-" + h.label).getBytes(StandardCharsets.UTF_8)),
                        "householdId", h.id, "caseId", openCase(h), "amount", amount, "reason", reason, "greenChannel", true)));
    }

    private void settlement(Household h, LocalDate on, BigDecimal total, BigDecimal basicPaid) throws InterruptedException {
        step("settlement", h, () -> call("POST", "/api/medical-insurance/settlements", null, Map.of("settlements", List.of(Map.of(
                "settlementId", "DEMO-" + h.label + "-" + on, "idNumber", h.headIdNumber, "insuredCounty", COUNTY,
                "hospital", "抚顺市示例人民医院", "settledOn", on.toString(), "totalCost", total, "policyRangeCost", total,
                "basicInsurancePaid", basicPaid)))));
    }

    private void appraise(Household h, String grade, LocalDate on) throws InterruptedException {
        step("appraisal", h, () -> call("POST", "/api/housing-safety/appraisals", "xinbin-housing", Map.of(
                "householdId", h.id, "grade", grade, "inspector", "王示工", "appraisedOn", on.toString(),
                "findings", "墙体严重开裂，屋面漏雨，整体危险")));
    }

    private void startRenovation(Household h, LocalDate on) throws InterruptedException {
        step("renovation started", h, () -> {
            assignment(h, "HOUSING");
            return call("POST", "/api/housing-safety/renovations/" + renovation(h, "PLANNED") + "/start", "xinbin-housing",
                    Map.of("startedOn", on.toString()));
        });
    }

    private void completeRenovation(Household h, LocalDate on) throws InterruptedException {
        step("renovation completed", h, () -> call("POST", "/api/housing-safety/renovations/" + renovation(h, "STARTED")
                + "/complete", "xinbin-housing-acceptor", Map.of("completedOn", on.toString(), "inspector", "李示工", "grade", "A")));
    }

    private String renovation(Household h, String status) throws Exception {
        return awaitListed("/api/housing-safety/renovations?status=" + status + "&", 500, "xinbin-housing", h, "id");
    }

    private void lostJob(Household h, LocalDate since) throws InterruptedException {
        step("lost job", h, () -> call("PUT", "/api/employment/people/" + worker(h) + "/employment-status", "xinbin-hr",
                Map.of("status", "LOST_JOB", "since", since.toString())));
    }

    private void hire(Household h, LocalDate on) throws InterruptedException {
        step("hired", h, () -> {
            assignment(h, "HUMAN_RESOURCES");
            String post = null;
            for (JsonNode p : get("/api/employment/posts?size=500", "xinbin-hr").get("items")) {
                if (post == null && p.get("holders").asInt() < p.get("seats").asInt()) {
                    post = p.get("id").asString();
                }
            }
            if (post == null) {
                throw new IllegalStateException("no demo post with a free seat");
            }
            JsonNode hired = call("POST", "/api/employment/posts/" + post + "/hires", "xinbin-hr",
                    Map.of("personId", worker(h), "hiredOn", on.toString()));
            h.holding = hired.get("id").asString();
            return hired;
        });
    }

    private String worker(Household h) throws Exception {
        for (JsonNode person : get("/api/employment/households/" + h.id + "/people", "xinbin-hr")) {
            if ("FULL".equals(person.get("labourCapacity").asString())) {
                return person.get("personId").asString();
            }
        }
        throw new IllegalStateException("no one able to work");
    }

    /** Last year's income of the demo village's collective assets, a share to each monitored household. */
    private void assetPlan(YearMonth month) throws InterruptedException {
        step("asset income plan", null, () -> {
            List<Map<String, Object>> lines = new ArrayList<>();
            int shares = 0;
            for (JsonNode h : get("/api/asset-management/villages/" + VILLAGE + "/households?size=500", "xinbin-assets-village")
                    .get("items")) {
                if (h.get("monitored").asBoolean() && shares < 40) {
                    lines.add(Map.of("purpose", "MONITORED_HOUSEHOLD", "householdId", h.get("householdId").asString(), "amount", 800));
                    shares++;
                }
            }
            lines.add(Map.of("purpose", "MAINTENANCE", "amount", 36000 - 800 * shares));
            return call("PUT", "/api/asset-management/villages/" + VILLAGE + "/plans/" + (month.getYear() - 1),
                    "xinbin-assets-village", Map.of("lines", lines));
        });
    }

    private void income(Household h, YearMonth month, BigDecimal wages) throws InterruptedException {
        step("income", h, () -> call("PUT", "/api/monitoring/households/" + h.id + "/incomes/" + month.getYear(), "xinbin-cadre",
                Map.of("components", Map.of("WAGES", wages))));
    }

    /** Risk elimination through village, township (after the five days' notice) and county, from the day given. */
    private void eliminate(Household h, YearMonth month, int day) throws InterruptedException {
        at(month.atDay(day), 9);
        String[] procedure = new String[1];
        step("elimination", h, () -> {
            JsonNode started = call("POST", "/api/monitoring/households/" + h.id + "/elimination", "xinbin-cadre",
                    Map.of("reason", "帮扶措施已落实，收入稳定超过监测线，帮扶任务均已办结"));
            procedure[0] = started.get("identificationId").asString();
            return started;
        });
        decide(procedure[0], "xinbin-cadre", null);
        at(month.atDay(day + 6), 10);
        decide(procedure[0], "xinbin-township", null);
        at(month.atDay(day + 7), 10);
        decide(procedure[0], "xinbin-approver", null);
    }

    /** Every county's December report is drafted on the first of the month; the demo's are drafted now. */
    private void draftReports() throws InterruptedException {
        step("report drafts", null, () -> call("POST", "/api/console/reports/" + first.plusMonths(11).getYear() + "/drafts",
                "city-analyst", Map.of()));
    }

    // ---------------------------------------------------------------- plumbing

    /** Moves the shared clock forward to the day and hour (China time); never back. */
    private void at(LocalDate day, int hour) throws InterruptedException {
        Instant target = day.atTime(hour, 0).atZone(CHINA).toInstant();
        if (now != null && !target.isAfter(now)) {
            return;
        }
        now = target;
        try {
            setClock(clockFile, target);
        } catch (IOException e) {
            throw new IllegalStateException("the demo clock could not be moved", e);
        }
        // the services read the file at most 100 ms after it changed
        Thread.sleep(300);
    }

    /** The real time again: the clock file is deleted. */
    private void release() throws InterruptedException {
        try {
            Files.deleteIfExists(clockFile);
        } catch (IOException e) {
            log.warn("the demo clock file {} could not be deleted: {}", clockFile, e.toString());
        }
        Thread.sleep(300);
    }

    /** Runs one step; a failure is logged with the household's label, and that household's later steps are skipped. */
    private void step(String what, Household h, Callable<?> action) throws InterruptedException {
        if (h != null && (h.broken || (h.id == null && !what.equals("register")))) {
            return;
        }
        steps++;
        try {
            action.call();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failed++;
            if (failed > MAX_FAILED) {
                // the platform is not answering as it should: stop rather than wait out every step
                throw new IllegalStateException("more than " + MAX_FAILED + " steps failed, the last: " + what, e);
            }
            if (h != null) {
                h.broken = true;
            }
            log.warn("demo year: {}{} did not go through: {}", what, h == null ? "" : " (household " + h.label + ")",
                    e.getMessage());
        }
    }

    private interface Check {
        boolean met() throws Exception;
    }

    /** Polls an effect of an event until it shows, at most {@link #EFFECT_TIMEOUT}. */
    private static boolean until(Check check) throws Exception {
        long deadline = System.nanoTime() + EFFECT_TIMEOUT.toNanos();
        while (!check.met()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("its effect did not show within " + EFFECT_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
        return true;
    }

    private JsonNode get(String path, String user) throws Exception {
        return call("GET", path, user, null);
    }

    private int status(String method, String path, String user) throws Exception {
        return send(method, path, user, null).statusCode();
    }

    /** A call through the gateway as a demo user ({@code null}: the medical-insurance integration); anything but 2xx throws. */
    private JsonNode call(String method, String path, String user, Object body) throws Exception {
        HttpResponse<String> response = send(method, path, user, body);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(method + " " + path.replaceAll("[0-9a-f-]{36}", "{id}") + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String user, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A demo user's token through the local command-line client, or the integration's; kept for a minute. */
    private String token(String user) throws Exception {
        String key = user == null ? "medical-insurance-integration" : user;
        String[] cached = tokens.get(key);
        if (cached != null && System.currentTimeMillis() - Long.parseLong(cached[1]) < 60_000) {
            return cached[0];
        }
        Map<String, String> form = user == null
                ? Map.of("grant_type", "client_credentials", "client_id", "medical-insurance-integration",
                        "client_secret", secrets.get(KeycloakServer.clientSecretKey("medical-insurance-integration")))
                : Map.of("grant_type", "password", "client_id", "fushun-local-cli",
                        "client_secret", secrets.get(KeycloakServer.clientSecretKey("fushun-local-cli")),
                        "username", user, "password", secrets.demoPassword());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.entrySet().stream()
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&")))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + key + ": " + response.statusCode());
        }
        String token = JSON.readTree(response.body()).get("access_token").asString();
        tokens.put(key, new String[] {token, Long.toString(System.currentTimeMillis())});
        return token;
    }
}
