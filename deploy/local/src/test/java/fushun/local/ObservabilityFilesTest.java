package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard and the alert rules (deploy/observability) read only metrics that exist: the
 * meters the platform's code registers (their Prometheus names) and the few the libraries export.
 * Without starting anything: OperationsEdgeE2EIT checks the running platform exports what the rules
 * read, and each service's *MetricsIT that its meters move on the real path.
 */
class ObservabilityFilesTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    private static final Path DASHBOARD = ROOT.resolve("deploy/observability/grafana-dashboard.json");
    private static final Path RULES = ROOT.resolve("deploy/observability/alert-rules.yml");

    /**
     * Exported by Micrometer's and Boot's own binders (JVM, HTTP, Kafka clients, the pool) and by
     * Prometheus itself ({@code up}). The HTTP buckets exist because of the SLO setting checked below.
     */
    private static final Set<String> LIBRARY_METRICS = Set.of(
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum", "http_server_requests_seconds_max",
            "http_server_requests_seconds_bucket", "jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "kafka_consumer_fetch_manager_records_lag_max", "hikaricp_connections_pending", "up");

    @Test
    void shouldCollectThePlatformsOwnMetricsFromTheCode() throws IOException {
        assertThat(codeMetrics().keySet()).contains("platform_outbox_unsent", "platform_outbox_oldest_unsent_age_seconds",
                "platform_dead_letters", "platform_signals_published_total", "platform_import_rows_total",
                "platform_import_duration_seconds", "monitoring_risk_alerts_raised_total", "monitoring_assignments_open",
                "monitoring_assignments_overdue");
        assertThat(codeMetrics().get("platform_import_duration_seconds")).contains("platform_import_duration_seconds_count",
                "platform_import_duration_seconds_sum");
    }

    @Test
    void shouldFindTheMetricNamesInPromQl() {
        assertThat(metricsIn("histogram_quantile(0.95, sum by (application, le) (rate(http_server_requests_seconds_bucket"
                + "{application=~\"$application\", uri!=\"/a_b\"}[$__rate_interval])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(metricsIn("sum by (kind) (rate(a_sum[5m])) / sum without (x_y) (rate(a_count[5m])) > 0 and on (z) up"))
                .containsExactlyInAnyOrder("a_sum", "a_count", "up");
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldBeAGrafanaDashboardWithADatasourceVariableAndChineseTitles() throws IOException {
        Map<String, Object> dashboard = dashboard();
        assertThat((Integer) dashboard.get("schemaVersion")).isBetween(36, 41);
        assertThat(dashboard).containsKeys("uid", "title", "panels", "templating", "time");
        List<Map<String, Object>> variables = (List<Map<String, Object>>) ((Map<String, Object>) dashboard.get("templating")).get("list");
        assertThat(variables).anySatisfy(v -> assertThat(v).containsEntry("name", "datasource")
                .containsEntry("type", "datasource").containsEntry("query", "prometheus"));
        assertThat(variables).anySatisfy(v -> {
            assertThat(v).containsEntry("name", "application").containsEntry("type", "query")
                    .containsEntry("datasource", Map.of("type", "prometheus", "uid", "${datasource}"));
            assertThat(String.valueOf(v.get("definition"))).startsWith("label_values(").endsWith(", application)");
        });

        Set<Integer> ids = new HashSet<>();
        for (Map<String, Object> panel : panels()) {
            assertThat(ids.add((Integer) panel.get("id"))).as("panel ids are unique: " + panel.get("id")).isTrue();
            String title = (String) panel.get("title");
            assertThat(title).as("panel " + panel.get("id") + " has a Chinese title").containsPattern("\\p{IsHan}");
            Map<String, Integer> grid = (Map<String, Integer>) panel.get("gridPos");
            assertThat(grid.get("x") + grid.get("w")).as(title + " fits the 24 columns").isLessThanOrEqualTo(24);
            if ("row".equals(panel.get("type"))) {
                continue;
            }
            assertThat(panel.get("datasource")).as(title).isEqualTo(Map.of("type", "prometheus", "uid", "${datasource}"));
            List<Map<String, Object>> targets = (List<Map<String, Object>>) panel.get("targets");
            assertThat(targets).as(title + " has queries").isNotEmpty();
            Set<String> refIds = new HashSet<>();
            for (Map<String, Object> target : targets) {
                assertThat(refIds.add((String) target.get("refId"))).as(title + ": refIds unique").isTrue();
                assertThat(target.get("datasource")).as(title).isEqualTo(Map.of("type", "prometheus", "uid", "${datasource}"));
                assertThat((String) target.get("expr")).as(title + " follows the application variable")
                        .contains("application=~\"$application\"");
            }
        }
    }

    @Test
    void shouldReadOnlyMetricsTheCodeOrItsLibrariesExport() throws IOException {
        Set<String> exported = exported();
        Set<String> read = new TreeSet<>();
        for (String expr : dashboardExpressions()) {
            Set<String> names = metricsIn(expr);
            assertThat(names).as("an expression reads a metric: " + expr).isNotEmpty();
            read.addAll(names);
        }
        assertThat(exported).as("the dashboard's metrics").containsAll(read);
        assertThat(exported).as("the alert rules' metrics").containsAll(ruleMetrics());
    }

    /** The end-to-end test extracts the rules' metrics with its own pattern: it must find only real names there. */
    @Test
    void shouldGiveTheEndToEndTestOnlyRealMetricNamesFromTheRules() throws IOException {
        Pattern endToEnd = Pattern.compile(
                "(?<![{,\\w\"=~.])(?!by\\b|rate\\b|sum\\b|max\\b)[a-z][a-z0-9_]*_[a-z0-9_]+(?![\\w\"]*=)|\\bup\\b");
        Set<String> found = new TreeSet<>();
        for (String expr : ruleExpressions()) {
            Matcher name = endToEnd.matcher(expr);
            while (name.find()) {
                found.add(name.group());
            }
        }
        assertThat(found).containsAll(ruleMetrics());
        assertThat(exported()).containsAll(found);
    }

    @Test
    void shouldShowEveryBusinessMetricOnTheDashboard() throws IOException {
        Set<String> read = new HashSet<>();
        dashboardExpressions().forEach(expr -> read.addAll(metricsIn(expr)));
        for (Map.Entry<String, Set<String>> metric : codeMetrics().entrySet()) {
            assertThat(read).as("a panel shows " + metric.getKey()).containsAnyElementsOf(metric.getValue());
        }
        assertThat(ruleMetrics()).contains("platform_dead_letters", "monitoring_assignments_overdue", "platform_import_rows_total");
    }

    /** The p95 panel reads buckets: every service and the gateway export them for HTTP requests. */
    @Test
    void shouldExportHttpBucketsForThePercentilePanel() throws IOException {
        for (Path settings : List.of(ROOT.resolve("services/platform/src/main/resources/platform-defaults.yml"),
                ROOT.resolve("gateway/src/main/resources/application.yml"))) {
            assertThat(sloOfHttpRequests(settings)).as(settings.toString()).isNotBlank();
        }
    }

    @SuppressWarnings("unchecked")
    private static String sloOfHttpRequests(Path settings) throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(settings));
        Map<String, Object> metrics = (Map<String, Object>) ((Map<String, Object>) yaml.get("management")).get("metrics");
        Map<String, Object> distribution = (Map<String, Object>) metrics.get("distribution");
        Map<String, Object> slo = distribution == null ? Map.of() : (Map<String, Object>) distribution.get("slo");
        return String.valueOf(slo.getOrDefault("http.server.requests", ""));
    }

    // --- the files ---

    @SuppressWarnings("unchecked")
    private static Map<String, Object> dashboard() throws IOException {
        // JSON is YAML: no JSON library on this module's classpath
        return new Yaml().load(Files.readString(DASHBOARD));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> panels() throws IOException {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Map<String, Object> panel : (List<Map<String, Object>>) dashboard().get("panels")) {
            all.add(panel);
            all.addAll((List<Map<String, Object>>) panel.getOrDefault("panels", List.of()));
        }
        return all;
    }

    @SuppressWarnings("unchecked")
    private static List<String> dashboardExpressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> panel : panels()) {
            for (Map<String, Object> target : (List<Map<String, Object>>) panel.getOrDefault("targets", List.of())) {
                expressions.add((String) target.get("expr"));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(10);
        return expressions;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ruleExpressions() throws IOException {
        Map<String, Object> rules = new Yaml().load(Files.readString(RULES));
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                expressions.add(String.valueOf(rule.get("expr")));
            }
        }
        return expressions;
    }

    private static Set<String> ruleMetrics() throws IOException {
        Set<String> read = new TreeSet<>();
        ruleExpressions().forEach(expr -> read.addAll(metricsIn(expr)));
        return read;
    }

    private static Set<String> exported() throws IOException {
        Set<String> exported = new TreeSet<>(LIBRARY_METRICS);
        codeMetrics().values().forEach(exported::addAll);
        return exported;
    }

    // --- PromQL: the metric names in an expression ---

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
    private static final Pattern MATCHERS = Pattern.compile("\\{[^}]*}");
    private static final Pattern RANGE = Pattern.compile("\\[[^]]*]");
    private static final Pattern GROUPING = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{?\\w+}?");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan");

    /** Identifiers that are neither a function (followed by a parenthesis), a keyword, a label nor a number. */
    static Set<String> metricsIn(String expr) {
        String bare = STRING.matcher(expr).replaceAll("\"\"");
        bare = MATCHERS.matcher(bare).replaceAll(" ");
        bare = RANGE.matcher(bare).replaceAll(" ");
        bare = GROUPING.matcher(bare).replaceAll(" ");
        bare = VARIABLE.matcher(bare).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) == null && !KEYWORDS.contains(name.toLowerCase())) {
                names.add(name);
            }
        }
        return names;
    }

    // --- the code: the meters it registers, by their Prometheus names ---

    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([a-z][a-z0-9.]*)\";");
    private static final Pattern BUILDER = Pattern.compile(
            "\\b(Gauge|Counter|Timer)\\.builder\\(\\s*(?:\"([a-z][a-z0-9.]*)\"|(?:(\\w+)\\.)?([A-Z][A-Z0-9_]*)\\b)");

    /** Each meter the code builds (Prometheus family name) with the series names it exports. */
    private static Map<String, Set<String>> codeMetrics() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (Path module : List.of(ROOT.resolve("services"), ROOT.resolve("gateway"))) {
            try (Stream<Path> files = Files.walk(module)) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/"))
                        .forEach(sources::add);
            }
        }
        // a constant by its class (the file's name) and its own name: ImportMetrics.ROWS
        Map<String, String> constants = new HashMap<>();
        for (Path source : sources) {
            Matcher constant = CONSTANT.matcher(Files.readString(source));
            while (constant.find()) {
                constants.put(classOf(source) + "." + constant.group(1), constant.group(2));
            }
        }
        Map<String, Set<String>> metrics = new HashMap<>();
        for (Path source : sources) {
            String code = Files.readString(source);
            Matcher builder = BUILDER.matcher(code);
            while (builder.find()) {
                String name = builder.group(2) != null ? builder.group(2)
                        : constants.get((builder.group(3) != null ? builder.group(3) : classOf(source)) + "." + builder.group(4));
                assertThat(name).as("the meter name " + builder.group(4) + " in " + source).isNotNull();
                int register = code.indexOf(".register(", builder.end());
                String chain = code.substring(builder.end(), register < 0 ? code.length() : register);
                String base = name.replace('.', '_');
                switch (builder.group(1)) {
                    case "Gauge" -> {
                        String family = chain.contains(".baseUnit(\"seconds\")") ? base + "_seconds" : base;
                        metrics.put(family, Set.of(family));
                    }
                    case "Counter" -> metrics.put(base + "_total", Set.of(base + "_total"));
                    default -> metrics.put(base + "_seconds", Set.of(base + "_seconds_count", base + "_seconds_sum",
                            base + "_seconds_max"));
                }
            }
        }
        return metrics;
    }

    private static String classOf(Path source) {
        String file = source.getFileName().toString();
        return file.substring(0, file.length() - ".java".length());
    }
}
