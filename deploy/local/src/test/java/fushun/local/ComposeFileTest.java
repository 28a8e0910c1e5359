package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** Keeps docker-compose.yml in step with the modules the launcher starts and their configuration. */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)");

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void shouldDeclareEveryModuleWithItsImageAndAHealthcheck() throws IOException {
        Map<String, Map<String, Object>> services = services();

        for (ServiceModule module : ServiceModule.ALL) {
            assertThat(services).as("compose service for %s", module.name()).containsKey(module.name());
            Map<String, Object> service = services.get(module.name());
            assertThat((String) service.get("image")).as(module.name() + "'s image")
                    .isEqualTo("${FUSHUN_IMAGE_PREFIX:-fushun}/" + module.name() + ":${FUSHUN_IMAGE_TAG:-local}");
            Map<String, Object> build = (Map<String, Object>) service.get("build");
            assertThat(build).as(module.name() + "'s image definition")
                    .containsEntry("context", ".").containsEntry("dockerfile", "deploy/docker/Dockerfile")
                    .containsEntry("args", Map.of("JAR", module.jarPath()));
            assertThat(service).as(module.name() + " runs its image, no jar mounted").doesNotContainKey("volumes");
            assertThat(service).as(module.name() + " healthcheck").containsKey("healthcheck");
        }
        for (String infrastructure : List.of("postgres", "kafka", "keycloak")) {
            assertThat(services.get(infrastructure)).as(infrastructure).containsKey("healthcheck");
        }
    }

    @Test
    void shouldOnlySetVariablesTheServicesRead() throws IOException {
        Map<String, Map<String, Object>> services = services();

        for (ServiceModule module : ServiceModule.ALL) {
            Set<String> read = variablesRead(module);
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services.get(module.name()).get("environment");
            assertThat(read).as("variables %s reads", module.name()).containsAll(environment.keySet());
        }
    }

    /** The environment variables a module reads: its application.yml's placeholders, a service's also the starter's. */
    static Set<String> variablesRead(ServiceModule module) throws IOException {
        Path applicationYml = ROOT.resolve(module.jarPath()).getParent().getParent().resolve("src/main/resources/application.yml");
        Set<String> read = new HashSet<>(placeholdersIn(applicationYml));
        if (module.database() != null) {
            read.addAll(placeholdersIn(ROOT.resolve("services/platform/src/main/resources/platform-defaults.yml")));
        }
        return read;
    }

    /** What compose sets for a module: its environment's names. */
    @SuppressWarnings("unchecked")
    static Set<String> composeEnvironment(ServiceModule module) throws IOException {
        return ((Map<String, Object>) services().get(module.name()).get("environment")).keySet();
    }

    @Test
    void shouldCreateEveryServiceDatabaseAndPointEachServiceAtItsOwn() throws IOException {
        String init = Files.readString(ROOT.resolve("deploy/postgres/init-databases.sh"));
        Map<String, Map<String, Object>> services = services();

        for (ServiceModule module : ServiceModule.ALL) {
            if (module.database() == null) {
                continue;
            }
            String role = module.database().toUpperCase();
            assertThat(init).contains("\ncreate " + module.database() + " " + role + "_DB_PASSWORD\n");
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) services.get(module.name()).get("environment");
            assertThat(String.valueOf(environment.get("DATABASE_URL"))).endsWith("/" + module.database());
            assertThat(environment).as("its own role, not the superuser").containsEntry("DATABASE_USERNAME", module.database());
            assertThat(String.valueOf(environment.get("DATABASE_PASSWORD"))).startsWith("${" + role + "_DB_PASSWORD:?");
        }
    }

    @Test
    void shouldTakeEverySecretFromTheEnvironmentWithoutADefault() throws IOException {
        String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
        Matcher secret = Pattern.compile("\\$\\{([A-Z0-9_]*(PASSWORD|SECRET|KEY))(:[^}]*)?}").matcher(compose);
        int secrets = 0;
        while (secret.find()) {
            secrets++;
            if (!secret.group(1).equals("PROVINCIAL_PLATFORM_API_KEY")) {
                assertThat(secret.group(3)).as(secret.group(1)).startsWith(":?"); // null (no default either) fails too
            }
        }
        assertThat(secrets).isGreaterThan(20);
        assertThat(compose).doesNotContainIgnoringCase("demo-").doesNotContain("fushun-realm.json:/opt");
    }

    /** deploy/kafka/init.sh applies the same bus plan as the launcher: topics and who consumes what. */
    @Test
    void shouldGiveTheBusTheLaunchersPlan() throws IOException {
        String plan = Files.readString(ROOT.resolve("deploy/kafka/init.sh"));
        Matcher topics = Pattern.compile("TOPICS=\\(([^)]*)\\)").matcher(plan);
        assertThat(topics.find()).isTrue();
        assertThat(List.of(topics.group(1).trim().split("\\s+"))).containsExactlyElementsOf(fushun.contracts.Topics.all());
        for (String service : fushun.contracts.Topics.services()) {
            Matcher line = Pattern.compile("\\nprincipal " + Pattern.quote(service) + " \"\\$"
                    + service.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD\"((?: \\\\\\n  [a-z.0-9-]+)+)").matcher(plan);
            assertThat(line.find()).as("principal line of " + service).isTrue();
            List<String> consumed = List.of(line.group(1).replace("\\", " ").trim().split("\\s+"));
            assertThat(consumed).as(service).containsExactlyInAnyOrderElementsOf(fushun.contracts.Topics.consumedBy(service));
        }
    }

    @Test
    void shouldRouteTheGatewayToEveryService() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> environment = (Map<String, Object>) services().get("gateway").get("environment");
        Set<String> gatewayReads = placeholdersIn(ROOT.resolve("gateway/src/main/resources/application.yml"));

        for (ServiceModule module : ServiceModule.ALL) {
            if (module.portIndex() >= 0) {
                assertThat(environment).containsEntry(module.urlVariable(), "http://" + module.name() + ":8080");
                assertThat(gatewayReads).contains(module.urlVariable());
            }
        }
    }

    private static Set<String> placeholdersIn(Path file) throws IOException {
        Set<String> names = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
