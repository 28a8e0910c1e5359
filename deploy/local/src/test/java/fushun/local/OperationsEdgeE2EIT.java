package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * What the pen-test found open at the edge stays closed: no actuator path through the gateway, a
 * service's metrics only on its management port (loopback), the probes on the application port,
 * every port of the local platform on loopback only.
 */
@ExtendWith(E2EPlatform.class)
class OperationsEdgeE2EIT {

    // HTTP/1.1 as a probe speaks it (no h2c upgrade); the suite's bound for one call, 30 s: on two busy
    // cores a probe that answers in milliseconds once took longer than 10 s to be scheduled
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private static int get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shouldServeMetricsOnlyOnTheManagementPort() throws Exception {
        Ports ports = E2EPlatform.platform().ports();
        for (ServiceModule module : ServiceModule.ALL) {
            String application = "http://127.0.0.1:" + module.port(ports);
            assertThat(get(application + "/readyz")).as(module.name() + " readiness probe").isEqualTo(200);
            assertThat(get(application + "/actuator/prometheus")).as(module.name() + " metrics on its API port")
                    .isIn(401, 403, 404);
            assertThat(get("http://127.0.0.1:" + module.managementPort(ports) + "/actuator/prometheus"))
                    .as(module.name() + " metrics on its management port").isEqualTo(200);
        }
        String gateway = E2EPlatform.platform().gatewayUrl();
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env",
                "/api/monitoring/actuator/prometheus", "/readyz/../actuator/prometheus"}) {
            assertThat(get(gateway + path)).as(path + " through the gateway").isNotEqualTo(200);
        }
    }

    /** Every metric the alert rules (deploy/observability/alert-rules.yml) read is exported by the running platform. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldExportEveryMetricTheAlertRulesRead() throws Exception {
        Path rulesFile = Path.of(System.getProperty("platform.root", "../..")).resolve("deploy/observability/alert-rules.yml");
        Map<String, Object> rules = new Yaml().load(Files.readString(rulesFile));
        Set<String> read = new TreeSet<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) rules.get("groups")) {
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                Matcher name = METRIC.matcher(String.valueOf(rule.get("expr")));
                while (name.find()) {
                    read.add(name.group());
                }
            }
        }
        read.remove("up"); // Prometheus's own, per scrape
        assertThat(read).contains("platform_outbox_parked", "http_server_requests_seconds_count");

        Ports ports = E2EPlatform.platform().ports();
        StringBuilder exported = new StringBuilder();
        for (ServiceModule module : ServiceModule.ALL) {
            exported.append(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + module.managementPort(ports)
                            + "/actuator/prometheus")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
        }
        for (String metric : read) {
            assertThat(exported.toString()).as("a metric the alert rules read").containsPattern("(?m)^" + metric + "[{ ]");
        }
    }

    /** A metric's name in a PromQL expression: words with underscores, not PromQL's functions or the labels in braces. */
    private static final Pattern METRIC = Pattern.compile("(?<![{,\\w\"=~.])(?!by\\b|rate\\b|sum\\b|max\\b)[a-z][a-z0-9_]*_[a-z0-9_]+(?![\\w\"]*=)|\\bup\\b");

    /** Each service's administrators see its outbox and its dead letters (its principal may read its dead-letter topics). */
    @Test
    void shouldShowEachServicesOutboxAndDeadLettersToAnAdministrator() throws Exception {
        String admin = E2EPlatform.userToken("city-admin");
        String analyst = E2EPlatform.userToken("city-analyst");
        for (ServiceModule module : ServiceModule.ALL) {
            if (module.portIndex() < 0) {
                continue;
            }
            var outbox = E2EPlatform.call("GET", "/api/" + module.name() + "/admin/outbox", admin, null);
            assertThat(outbox.statusCode()).as(module.name() + " outbox: " + outbox.body()).isEqualTo(200);
            assertThat(outbox.body()).contains("\"parked\":0");
            var deadLetters = E2EPlatform.call("GET", "/api/" + module.name() + "/admin/dead-letters", admin, null);
            assertThat(deadLetters.statusCode()).as(module.name() + " dead letters: " + deadLetters.body()).isEqualTo(200);
            assertThat(deadLetters.body()).contains("\"total\"");
            assertThat(E2EPlatform.call("GET", "/api/" + module.name() + "/admin/dead-letters", analyst, null).statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void shouldListenOnLoopbackOnly() throws Exception {
        // an address of this machine that is not loopback, if it has one: nothing answers there
        InetAddress outside = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> !isLoopback(i)).flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address).findFirst().orElse(null);
        Assumptions.assumeTrue(outside != null, "this machine has no address but loopback");
        Ports ports = E2EPlatform.platform().ports();
        for (int port : ports.all(true)) {
            try (Socket socket = new Socket()) {
                boolean connected;
                try {
                    socket.connect(new InetSocketAddress(outside, port), 1000);
                    connected = true;
                } catch (IOException refused) {
                    connected = false;
                }
                assertThat(connected).as("port " + port + " on " + outside).isFalse();
            }
        }
    }

    private static boolean isLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isLoopback() || !networkInterface.isUp();
        } catch (SocketException e) {
            return true;
        }
    }
}
