package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import fushun.contracts.Topics;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * Keeps deploy/kubernetes in step with the modules, the bus's plan and the realm files, without a
 * cluster or a kustomize binary: the base and each overlay are rendered ({@link KustomizeSubset}),
 * every document is read into its typed model (fabric8's for Kubernetes, Strimzi's for the bus)
 * with unknown fields refused, CloudNativePG's and Keycloak's resources against the fields listed
 * here, and then the platform's rules are checked on what a cluster would receive.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    private static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    private static final List<String> OVERLAYS = List.of("local", "production");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|KEY).*");

    /** Jackson 2 (fabric8's and Strimzi's), strict: their models keep unknown fields in an any-setter, which is switched off. */
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
                @Override
                public Boolean hasAnySetter(Annotated annotated) {
                    return Boolean.FALSE;
                }
            });

    private static final Map<String, Class<?>> TYPED = Map.ofEntries(
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaUser", KafkaUser.class));

    /**
     * The operators without a typed model here: the spec fields these manifests may use (from each
     * operator's CRD for the versions named in the README), and those each must set.
     */
    private static final Map<String, Set<String>> ALLOWED_SPEC = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "primaryUpdateStrategy", "primaryUpdateMethod",
                    "enableSuperuserAccess", "postgresql", "bootstrap", "managed", "storage", "walStorage", "resources", "affinity",
                    "backup", "monitoring", "certificates", "description", "inheritedMetadata", "enablePDB", "priorityClassName",
                    "topologySpreadConstraints", "startDelay", "stopDelay", "smartShutdownTimeout", "switchoverDelay", "failoverDelay",
                    "logLevel", "minSyncReplicas", "maxSyncReplicas", "imagePullPolicy", "imagePullSecrets"),
            "postgresql.cnpg.io/v1/Database", Set.of("cluster", "name", "owner", "ensure", "databaseReclaimPolicy", "encoding",
                    "template", "tablespace", "allowConnections", "connectionLimit", "isTemplate", "schemas", "extensions"),
            "k8s.keycloak.org/v2alpha1/Keycloak", Set.of("instances", "image", "imagePullSecrets", "db", "http", "hostname", "proxy",
                    "ingress", "features", "transaction", "additionalOptions", "resources", "startOptimized", "unsupported",
                    "truststores", "cache", "httpManagement", "scheduling", "bootstrapAdmin", "networkPolicy", "tracing", "update", "env"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Set.of("keycloakCRName", "realm", "placeholders", "resources"));
    private static final Map<String, Set<String>> REQUIRED_SPEC = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("instances", "imageName", "storage", "bootstrap", "managed"),
            "postgresql.cnpg.io/v1/Database", Set.of("cluster", "name", "owner"),
            "k8s.keycloak.org/v2alpha1/Keycloak", Set.of("instances", "image", "db", "http", "hostname"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Set.of("keycloakCRName", "realm", "placeholders"));
    private static final Set<String> ALLOWED_METADATA = Set.of("name", "namespace", "labels", "annotations");

    /** A rendered overlay: its documents and their typed models by kind and name. */
    private record Rendered(String overlay, List<Map<String, Object>> documents, Map<String, Object> typed) {

        <T> T get(Class<T> type, String name) {
            Object found = typed.get(type.getSimpleName() + "/" + name);
            assertThat(found).as("%s %s in %s", type.getSimpleName(), name, overlay).isNotNull();
            return type.cast(found);
        }

        <T> List<T> all(Class<T> type) {
            return typed.values().stream().filter(type::isInstance).map(type::cast).toList();
        }

        List<Map<String, Object>> untyped(String kind) {
            return documents.stream().filter(d -> kind.equals(d.get("kind"))).toList();
        }
    }

    private static Rendered render(String overlay) {
        Path directory = overlay.equals("base") ? KUBERNETES.resolve("base") : KUBERNETES.resolve("overlays").resolve(overlay);
        List<Map<String, Object>> documents = KustomizeSubset.render(directory);
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map<String, Object> document : documents) {
            String key = document.get("apiVersion") + "/" + document.get("kind");
            String name = KustomizeSubset.name(document);
            Object model;
            if (TYPED.containsKey(key)) {
                model = read(document, TYPED.get(key));
            } else {
                assertThat(ALLOWED_SPEC).as("a kind the test knows (%s %s in %s)", key, name, overlay).containsKey(key);
                checkFields(document, key);
                model = document;
            }
            Object previous = typed.put(document.get("kind") + "/" + name, model);
            assertThat(previous).as("one %s named %s in %s", key, name, overlay).isNull();
        }
        return new Rendered(overlay, documents, typed);
    }

    private static <T> T read(Map<String, Object> document, Class<T> type) {
        return STRICT.convertValue(document, type);
    }

    @SuppressWarnings("unchecked")
    private static void checkFields(Map<String, Object> document, String key) {
        String name = KustomizeSubset.name(document);
        assertThat(document.keySet()).as("%s %s: top-level fields", key, name).containsOnly("apiVersion", "kind", "metadata", "spec");
        assertThat(((Map<String, Object>) document.get("metadata")).keySet()).as("%s %s: metadata", key, name).isSubsetOf(ALLOWED_METADATA);
        Map<String, Object> spec = (Map<String, Object>) document.get("spec");
        assertThat(spec.keySet()).as("%s %s: spec fields", key, name).isSubsetOf(ALLOWED_SPEC.get(key)).containsAll(REQUIRED_SPEC.get(key));
    }

    @Test
    void shouldReadTheBaseAndEveryOverlayIntoTheTypedModels() {
        for (String overlay : List.of("base", "local", "production")) {
            Rendered rendered = render(overlay);
            assertThat(rendered.documents()).as(overlay).hasSizeGreaterThan(50);
            for (Map<String, Object> document : rendered.documents()) {
                if (!document.get("kind").equals("Namespace")) {
                    assertThat(((Map<?, ?>) document.get("metadata")).get("namespace")).as("%s %s's namespace in %s",
                            document.get("kind"), KustomizeSubset.name(document), overlay).isEqualTo("fushun");
                }
            }
        }
    }

    @Test
    void shouldRefuseAMisspeltFieldInEveryKindOfModel() {
        Map<String, Object> deployment = new Yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: misspelt}
                spec:
                  replica: 2
                """);
        assertThatThrownBy(() -> read(deployment, Deployment.class)).hasRootCauseInstanceOf(UnrecognizedPropertyException.class)
                .rootCause().hasMessageContaining("replica");
        Map<String, Object> probe = new Yaml().load("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: misspelt}
                spec:
                  template:
                    spec:
                      containers:
                        - name: app
                          readinessProbe:
                            httpGet: {path: /readyz, prot: http}
                """);
        assertThatThrownBy(() -> read(probe, Deployment.class)).hasRootCauseInstanceOf(UnrecognizedPropertyException.class);
        Map<String, Object> topic = new Yaml().load("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: misspelt}
                spec: {partition: 6, replicas: 3}
                """);
        assertThatThrownBy(() -> read(topic, KafkaTopic.class)).hasRootCauseInstanceOf(UnrecognizedPropertyException.class);
        Map<String, Object> cluster = new Yaml().load("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: misspelt}
                spec: {instance: 3, imageName: x, storage: {size: 1Gi}, bootstrap: {}, managed: {}}
                """);
        assertThatThrownBy(() -> checkFields(cluster, "postgresql.cnpg.io/v1/Cluster")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("instance");
    }

    /** The rendering does what Kustomize does with the fields it knows, and refuses the others. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldRenderTheKustomizeSubsetAndRefuseTheRest(@TempDir Path directory) throws IOException {
        Path base = Files.createDirectories(directory.resolve("base"));
        Files.writeString(base.resolve("kustomization.yaml"), "resources: [app.yaml]\nnamespace: fushun\n");
        Files.writeString(base.resolve("app.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: app}
                spec:
                  replicas: 2
                  template:
                    spec:
                      containers:
                        - {name: app, image: fushun/app, resources: {limits: {memory: 512Mi}}}
                        - {name: sidecar, image: other/sidecar:1}
                """);
        Path overlay = Files.createDirectories(directory.resolve("overlay"));
        Files.writeString(overlay.resolve("kustomization.yaml"), """
                resources: [../base]
                images: [{name: fushun/app, newName: registry.example.cn/fushun/app, newTag: 0.1.0}]
                replicas: [{name: app, count: 1}]
                patches: [{path: small.yaml, target: {kind: Deployment}}]
                """);
        Files.writeString(overlay.resolve("small.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: any}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: app, resources: {requests: {cpu: 50m}}}
                """);

        Map<String, Object> rendered = KustomizeSubset.render(overlay).get(0);
        Deployment deployment = read(rendered, Deployment.class);
        assertThat(deployment.getMetadata().getName()).isEqualTo("app");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("fushun");
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).extracting(Container::getImage).containsExactly("registry.example.cn/fushun/app:0.1.0", "other/sidecar:1");
        assertThat(containers.get(0).getResources().getLimits()).containsKey("memory");
        assertThat(containers.get(0).getResources().getRequests()).containsKey("cpu");

        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [../base]\nconfigMapGenerator: [{name: x}]\n");
        assertThatThrownBy(() -> KustomizeSubset.render(overlay)).hasMessageContaining("configMapGenerator");
        Files.writeString(overlay.resolve("kustomization.yaml"), "resources: [../base]\npatches: [{path: small.yaml, target: {kind: StatefulSet}}]\n");
        assertThatThrownBy(() -> KustomizeSubset.render(overlay)).hasMessageContaining("matches no document");
    }

    @Test
    void shouldDeployEveryModuleAsItsImageRuns() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("deploy/docker/Dockerfile"));
        Matcher user = Pattern.compile("\\nUSER (\\d+):(\\d+)\\n").matcher(dockerfile);
        assertThat(user.find()).as("the image's user").isTrue();
        Matcher expose = Pattern.compile("\\nEXPOSE (\\d+) (\\d+)\\n").matcher(dockerfile);
        assertThat(expose.find()).as("the image's ports").isTrue();

        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            Map<String, String> images = overlayImages(overlay);
            for (ServiceModule module : ServiceModule.ALL) {
                String name = module.name();
                Deployment deployment = rendered.get(Deployment.class, name);
                PodSpec pod = deployment.getSpec().getTemplate().getSpec();
                assertThat(pod.getContainers()).hasSize(1);
                Container app = pod.getContainers().get(0);
                assertThat(app.getImage()).as("%s's image in %s", name, overlay).isEqualTo(images.get("fushun/" + name))
                        .matches("([a-z0-9.-]+(:\\d+)?/)?fushun/" + Pattern.quote(name) + ":[A-Za-z0-9._-]+").doesNotEndWith(":latest");

                assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
                assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(Long.parseLong(user.group(1)));
                assertThat(pod.getSecurityContext().getRunAsGroup()).isEqualTo(Long.parseLong(user.group(2)));
                assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(app.getVolumeMounts()).anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/tmp"));
                assertThat(pod.getVolumes()).anySatisfy(v -> assertThat(v.getEmptyDir()).isNotNull());
                assertThat(pod.getAutomountServiceAccountToken()).isFalse();
                assertThat(pod.getServiceAccountName()).isEqualTo(name);
                assertThat(rendered.get(ServiceAccount.class, name).getAutomountServiceAccountToken()).isFalse();

                Map<String, Integer> ports = app.getPorts().stream().collect(Collectors.toMap(p -> p.getName(), p -> p.getContainerPort()));
                assertThat(ports).as(name + "'s ports, the image's").containsExactlyInAnyOrderEntriesOf(
                        Map.of("http", Integer.parseInt(expose.group(1)), "management", Integer.parseInt(expose.group(2))));
                Map<String, String> env = plainValues(app);
                assertThat(env).as(name + " listens where the ports say").containsEntry("SERVER_PORT", expose.group(1))
                        .containsEntry("MANAGEMENT_PORT", expose.group(2));

                // on the application port: a probe on the management port would pass while the
                // server that answers requests is stuck
                assertProbe(app.getLivenessProbe().getHttpGet(), "/livez", "http");
                assertProbe(app.getStartupProbe().getHttpGet(), "/livez", "http");
                assertProbe(app.getReadinessProbe().getHttpGet(), "/readyz", "http");
                assertThat(app.getStartupProbe().getFailureThreshold() * app.getStartupProbe().getPeriodSeconds())
                        .as("a slow start's allowance, at least the image's 90 s").isGreaterThanOrEqualTo(90);

                assertThat(app.getResources().getRequests()).containsKeys("cpu", "memory");
                assertThat(app.getResources().getLimits()).containsKeys("cpu", "memory");
                assertThat(app.getResources().getLimits().get("memory").toString()).isEqualTo("512Mi"); // compose's 512M

                Service service = rendered.get(Service.class, name);
                assertThat(service.getSpec().getType()).as("no Service is published but through the Ingress").isIn(null, "ClusterIP");
                assertThat(service.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
                assertThat(service.getSpec().getPorts()).extracting(p -> p.getPort()).containsExactly(8080, 9090);

                PodDisruptionBudget budget = rendered.get(PodDisruptionBudget.class, name);
                assertThat(budget.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector());
            }
        }
    }

    @Test
    void shouldSetTheVariablesEachModuleReadsAndNoSecretValue() throws IOException {
        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            ConfigMap config = rendered.get(ConfigMap.class, "fushun-platform");
            for (ServiceModule module : ServiceModule.ALL) {
                Container app = rendered.get(Deployment.class, module.name()).getSpec().getTemplate().getSpec().getContainers().get(0);
                assertThat(app.getEnvFrom()).as("every variable by name").isNullOrEmpty();
                Set<String> names = app.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
                assertThat(names).as("%s sets only variables it reads", module.name()).isSubsetOf(ComposeFileTest.variablesRead(module));
                assertThat(names).as("%s sets what compose sets", module.name()).containsAll(ComposeFileTest.composeEnvironment(module));
                for (EnvVar variable : app.getEnv()) {
                    if (SECRET_NAME.matcher(variable.getName()).matches()) {
                        assertThat(variable.getValue()).as(variable.getName() + " has no value written").isNull();
                        assertThat(variable.getValueFrom().getSecretKeyRef()).as(variable.getName() + " from a Secret").isNotNull();
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        assertThat(variable.getValueFrom().getConfigMapKeyRef().getName()).isEqualTo("fushun-platform");
                        assertThat(config.getData()).containsKey(variable.getValueFrom().getConfigMapKeyRef().getKey());
                    }
                }
                if (module.database() != null) {
                    assertThat(plainValues(app)).containsEntry("DATABASE_URL", "jdbc:postgresql://fushun-postgres-rw:5432/" + module.database())
                            .containsEntry("DATABASE_USERNAME", module.database());
                    assertThat(secretOf(app, "KAFKA_PASSWORD")).as("the password Strimzi made for its KafkaUser").isEqualTo(module.name() + "/password");
                    assertThat(secretOf(app, "DATABASE_PASSWORD")).isEqualTo(module.name() + "-db/password");
                } else {
                    for (ServiceModule routed : ServiceModule.ALL) {
                        if (routed.portIndex() >= 0) {
                            assertThat(plainValues(app)).containsEntry(routed.urlVariable(), "http://" + routed.name() + ":8080");
                        }
                    }
                }
            }
            for (Map<String, Object> document : rendered.documents()) {
                String text = new Yaml().dump(document);
                assertThat(text).as("no Secret written in the manifests").doesNotContain("kind: Secret");
                if (!document.get("kind").equals("KeycloakRealmImport")) {
                    assertThat(text).as(KustomizeSubset.name(document)).doesNotContainPattern("(?i)(password|secret)[ \\t]*:[ \\t]*['\"]?[^\\s{'\"]");
                }
            }
        }
    }

    /** Every Secret the manifests name is made by an operator or listed in the README for the city to create. */
    @Test
    void shouldNameEverySecretTheCityCreatesInTheReadme() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        Set<String> byOperators = new HashSet<>(Topics.services()); // the KafkaUsers' passwords, made by Strimzi
        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            Set<String> secrets = new TreeSet<>();
            for (Deployment deployment : rendered.all(Deployment.class)) {
                for (EnvVar variable : deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        secrets.add(variable.getValueFrom().getSecretKeyRef().getName());
                    }
                }
            }
            for (Ingress ingress : rendered.all(Ingress.class)) {
                ingress.getSpec().getTls().forEach(t -> secrets.add(t.getSecretName()));
            }
            Matcher named = Pattern.compile("(?:passwordSecret|usernameSecret|secret):\\s*\\{?\\s*name:\\s*([a-z0-9-]+)").matcher(
                    rendered.documents().stream().filter(d -> !TYPED.containsKey(d.get("apiVersion") + "/" + d.get("kind")))
                            .map(d -> new Yaml().dump(d)).collect(Collectors.joining("\n")));
            while (named.find()) {
                secrets.add(named.group(1));
            }
            secrets.removeAll(byOperators);
            assertThat(secrets).as("Secrets in %s", overlay).contains("platform-person-key", "keycloak-db", "keycloak-realm", "monitoring-db");
            for (String secret : secrets) {
                assertThat(readme).as("README names the Secret %s", secret).contains("`" + secret + "`");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveTheBusTheContractsPlan() {
        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            boolean production = overlay.equals("production");
            int replication = production ? 3 : 1;
            int minInSync = production ? 2 : 1;
            Duration inbox = duration(rendered.get(ConfigMap.class, "fushun-platform").getData().get("inbox-retention"));
            int maxInstances = rendered.all(HorizontalPodAutoscaler.class).stream().mapToInt(h -> h.getSpec().getMaxReplicas()).max().orElse(1);

            Map<String, KafkaTopic> topics = rendered.all(KafkaTopic.class).stream()
                    .collect(Collectors.toMap(t -> t.getSpec().getTopicName(), t -> t));
            List<String> expected = new ArrayList<>(Topics.all());
            Topics.all().forEach(t -> expected.add(Topics.deadLetterOf(t)));
            assertThat(topics.keySet()).as("topics in %s", overlay).containsExactlyInAnyOrderElementsOf(expected);
            for (String topic : Topics.all()) {
                KafkaTopic events = topics.get(topic);
                assertThat(events.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "fushun");
                assertThat(events.getSpec().getReplicas()).as(topic).isEqualTo(replication);
                assertThat(events.getSpec().getConfig()).as(topic)
                        .containsEntry("min.insync.replicas", minInSync)
                        // a read model is rebuilt from every event: never compacted, never expired
                        .containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", -1);
                assertThat(events.getSpec().getPartitions()).as(topic + ": a partition for each instance").isGreaterThanOrEqualTo(maxInstances);
                KafkaTopic dead = topics.get(Topics.deadLetterOf(topic));
                assertThat(dead.getSpec().getReplicas()).isEqualTo(replication);
                assertThat(dead.getSpec().getConfig()).containsEntry("min.insync.replicas", minInSync).containsEntry("cleanup.policy", "delete");
                Duration kept = Duration.ofMillis(((Number) dead.getSpec().getConfig().get("retention.ms")).longValue());
                assertThat(kept).as(dead.getSpec().getTopicName() + ": time to fix and replay").isGreaterThanOrEqualTo(Duration.ofDays(30));
                assertThat(inbox).as("the inbox outlasts a dead letter's replay (docs/adr/0010)").isGreaterThan(kept);
            }

            Kafka kafka = rendered.get(Kafka.class, "fushun");
            assertThat(kafka.getSpec().getKafka().getVersion()).as("the minor version compose runs").startsWith(composeKafkaMinor());
            Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
            assertThat(config).containsEntry("default.replication.factor", replication).containsEntry("min.insync.replicas", minInSync)
                    .containsEntry("offsets.topic.replication.factor", replication).containsEntry("auto.create.topics.enable", false);
            assertThat(((Number) config.get("offsets.retention.minutes")).longValue()).as("positions outlive any stop")
                    .isGreaterThanOrEqualTo(Duration.ofDays(365).toMinutes());
            assertThat(kafka.getSpec().getKafka().getListeners()).singleElement().satisfies(listener -> {
                assertThat(listener.getPort()).isEqualTo(9092);
                assertThat(listener.getAuth().getType()).as("the services' SASL mechanism").isEqualTo("scram-sha-512");
            });
            assertThat(rendered.all(KafkaNodePool.class)).singleElement().satisfies(pool -> {
                assertThat(pool.getSpec().getReplicas()).isEqualTo(replication);
                assertThat(pool.getSpec().getRoles()).hasSize(2);
            });
            if (production) {
                assertThat(replication).as("never a single broker in production").isEqualTo(3);
            }

            Map<String, KafkaUser> users = rendered.all(KafkaUser.class).stream().collect(Collectors.toMap(u -> u.getMetadata().getName(), u -> u));
            assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(Topics.services());
            for (String service : Topics.services()) {
                KafkaUser user = users.get(service);
                assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
                Set<String> granted = new TreeSet<>();
                for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                    String resource = rule.getResource() instanceof AclRuleTopicResource topic
                            ? "topic:" + topic.getName() + ":" + topic.getPatternType().toValue()
                            : "group:" + ((AclRuleGroupResource) rule.getResource()).getName() + ":"
                                    + ((AclRuleGroupResource) rule.getResource()).getPatternType().toValue();
                    rule.getOperations().forEach(o -> granted.add(resource + ":" + o.toValue()));
                }
                assertThat(granted).as("%s's access lists, as deploy/kafka/init.sh grants them", service).isEqualTo(accessListOf(service));
            }
        }
    }

    /** compose's broker image's minor version, e.g. 4.1 of apache/kafka:4.1.2. */
    @SuppressWarnings("unchecked")
    private static String composeKafkaMinor() {
        Map<String, Object> compose = new Yaml().load(readString(ROOT.resolve("docker-compose.yml")));
        String image = (String) ((Map<String, Map<String, Object>>) compose.get("services")).get("kafka").get("image");
        String version = image.substring(image.indexOf(':') + 1);
        return version.substring(0, version.lastIndexOf('.') + 1);
    }

    /** What init.sh grants a service: write on its own topics, read on what it consumes, both on their dead letters, its group. */
    private static Set<String> accessListOf(String service) {
        Set<String> acl = new TreeSet<>();
        acl.add("topic:" + service + ".:prefix:Write");
        acl.add("group:" + service + ":literal:Read");
        for (String topic : Topics.consumedBy(service)) {
            acl.add("topic:" + topic + ":literal:Read");
            acl.add("topic:" + Topics.deadLetterOf(topic) + ":literal:Read");
            acl.add("topic:" + Topics.deadLetterOf(topic) + ":literal:Write");
        }
        // the write prefix covers exactly the topics (and dead letters) the contracts say it owns
        for (String topic : Topics.all()) {
            for (String written : List.of(topic, Topics.deadLetterOf(topic))) {
                assertThat(written.startsWith(service + ".")).as("%s may write %s", service, written)
                        .isEqualTo(Topics.ownerOf(written).equals(service));
            }
        }
        return acl;
    }

    @Test
    void shouldScaleTheBureausAndKeepEveryDeploymentThroughADrain() {
        Rendered production = render("production");
        Set<String> scaled = production.all(HorizontalPodAutoscaler.class).stream().map(h -> {
            assertThat(h.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(h.getSpec().getMinReplicas()).as("two instances at least").isGreaterThanOrEqualTo(2);
            assertThat(h.getSpec().getMetrics()).isNotEmpty();
            return h.getSpec().getScaleTargetRef().getName();
        }).collect(Collectors.toSet());
        // monitoring keeps one instance: its roster import spools uploads in the pod's /tmp
        Set<String> bureaus = ServiceModule.ALL.stream().filter(m -> m.database() != null
                        && !m.name().equals("console") && !m.name().equals("monitoring"))
                .map(ServiceModule::name).collect(Collectors.toSet());
        assertThat(scaled).containsExactlyInAnyOrderElementsOf(bureaus);
        for (String name : scaled) {
            assertThat(production.get(Deployment.class, name).getSpec().getReplicas())
                    .as("%s's count belongs to its autoscaler: an apply must not reset it", name).isNull();
        }
        Deployment monitoring = production.get(Deployment.class, "monitoring");
        assertThat(monitoring.getSpec().getReplicas()).isEqualTo(1);
        assertThat(monitoring.getSpec().getStrategy().getType()).as("never two at once, even during a rollout").isEqualTo("Recreate");
        assertThat(render("local").all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(render("local").all(Deployment.class)).allSatisfy(d -> assertThat(d.getSpec().getReplicas()).isEqualTo(1));

        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            for (Deployment deployment : rendered.all(Deployment.class)) {
                PodDisruptionBudget budget = rendered.get(PodDisruptionBudget.class, deployment.getMetadata().getName());
                assertThat(budget.getSpec().getMaxUnavailable()).as("a one-replica Deployment can still be drained").isNotNull();
            }
        }
    }

    @Test
    void shouldExposeOnlyTheGatewayAndKeycloaksSignIn() {
        Rendered production = render("production");
        Ingress ingress = production.all(Ingress.class).stream().reduce((a, b) -> {
            throw new AssertionError("one Ingress");
        }).orElseThrow();
        Set<String> hosts = new HashSet<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            hosts.add(rule.getHost());
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String backend = path.getBackend().getService().getName();
                assertThat(backend).as(rule.getHost() + path.getPath()).isIn("gateway", "keycloak-service");
                if (backend.equals("keycloak-service")) {
                    assertThat(path.getPath()).as("Keycloak's sign-in, never its administration").isIn("/realms/fushun/", "/resources/");
                }
            }
        }
        assertThat(ingress.getSpec().getTls()).allSatisfy(tls -> assertThat(tls.getSecretName()).isNotBlank());
        assertThat(ingress.getSpec().getTls().stream().flatMap(t -> t.getHosts().stream())).containsExactlyInAnyOrderElementsOf(hosts);
        assertThat(render("local").all(Ingress.class)).isEmpty();

        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            assertThat(rendered.all(Service.class)).allSatisfy(s -> assertThat(s.getSpec().getType()).isIn(null, "ClusterIP"));
            NetworkPolicy deny = rendered.get(NetworkPolicy.class, "default-deny-ingress");
            assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
            NetworkPolicy fromOutside = rendered.get(NetworkPolicy.class, "gateway-from-ingress-controller");
            assertThat(fromOutside.getSpec().getPodSelector().getMatchLabels()).containsEntry("app.kubernetes.io/name", "gateway");
            NetworkPolicy fromGateway = rendered.get(NetworkPolicy.class, "services-from-gateway");
            assertThat(fromGateway.getSpec().getIngress()).singleElement().satisfies(rule -> {
                assertThat(rule.getFrom()).singleElement().satisfies(peer ->
                        assertThat(peer.getPodSelector().getMatchLabels()).containsExactlyEntriesOf(Map.of("app.kubernetes.io/name", "gateway")));
                assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(8080));
            });
            NetworkPolicy actuator = rendered.get(NetworkPolicy.class, "actuator-from-prometheus");
            assertThat(actuator.getSpec().getIngress()).singleElement()
                    .satisfies(rule -> assertThat(rule.getPorts()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(9090)));
            // the gateway's and the services' component labels are what the policies select
            for (ServiceModule module : ServiceModule.ALL) {
                Map<String, String> labels = rendered.get(Deployment.class, module.name()).getSpec().getTemplate().getMetadata().getLabels();
                assertThat(labels).containsEntry("app.kubernetes.io/component", module.portIndex() < 0 ? "gateway" : "service")
                        .containsEntry("app.kubernetes.io/part-of", "fushun-platform");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldGiveEveryServiceItsOwnDatabaseOnPostgres17() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        String composeImage = (String) ((Map<String, Map<String, Object>>) compose.get("services")).get("postgres").get("image");
        String version = composeImage.substring(composeImage.indexOf(':') + 1);
        for (String overlay : OVERLAYS) {
            Rendered rendered = render(overlay);
            Map<String, Object> cluster = rendered.untyped("Cluster").get(0);
            Map<String, Object> spec = (Map<String, Object>) cluster.get("spec");
            assertThat(spec.get("imageName")).as("the PostgreSQL compose runs").isEqualTo("ghcr.io/cloudnative-pg/postgresql:" + version);
            assertThat(spec.get("instances")).isEqualTo(overlay.equals("production") ? 3 : 1);
            Map<String, String> roles = new HashMap<>();
            for (Map<String, Object> role : (List<Map<String, Object>>) ((Map<String, Object>) spec.get("managed")).get("roles")) {
                roles.put((String) role.get("name"), (String) ((Map<String, Object>) role.get("passwordSecret")).get("name"));
            }
            Map<String, Object> initdb = (Map<String, Object>) ((Map<String, Object>) spec.get("bootstrap")).get("initdb");
            roles.put((String) initdb.get("owner"), (String) ((Map<String, Object>) initdb.get("secret")).get("name"));
            Map<String, String> databases = new HashMap<>();
            for (Map<String, Object> database : rendered.untyped("Database")) {
                Map<String, Object> d = (Map<String, Object>) database.get("spec");
                assertThat(((Map<String, Object>) d.get("cluster")).get("name")).isEqualTo(KustomizeSubset.name(cluster));
                databases.put((String) d.get("name"), (String) d.get("owner"));
            }
            databases.put((String) initdb.get("database"), (String) initdb.get("owner"));
            for (String database : ServiceModule.databases()) {
                assertThat(databases).as("database %s, owned by its own role", database).containsEntry(database, database);
                assertThat(roles).containsEntry(database, database.replace('_', '-') + "-db");
            }
            assertThat(databases).containsEntry("keycloak", "keycloak");
            assertThat(databases).hasSize(ServiceModule.databases().size() + 1);
        }
    }

    /** The realm imports are the realm files, unchanged; -Dkubernetes.write-realm-imports=true writes them anew. */
    @Test
    @SuppressWarnings("unchecked")
    void shouldImportTheRealmFilesAsTheyAre() throws IOException {
        Map<String, String> realmOf = Map.of("production", "fushun-realm-production.json", "local", "fushun-realm.json");
        for (String overlay : OVERLAYS) {
            Path file = KUBERNETES.resolve("overlays").resolve(overlay).resolve("realm-import.yaml");
            String expected = realmImport(realmOf.get(overlay));
            if (Boolean.getBoolean("kubernetes.write-realm-imports")) {
                Files.writeString(file, expected);
            }
            assertThat(Files.readString(file)).as(file + " (write it anew with -Dkubernetes.write-realm-imports=true)").isEqualTo(expected);

            Rendered rendered = render(overlay);
            Map<String, Object> spec = (Map<String, Object>) rendered.untyped("KeycloakRealmImport").get(0).get("spec");
            assertThat(spec.get("keycloakCRName")).isEqualTo(KustomizeSubset.name(rendered.untyped("Keycloak").get(0)));
            Object realm = new Yaml().load(Files.readString(ROOT.resolve("deploy/keycloak").resolve(realmOf.get(overlay))));
            assertThat(spec.get("realm")).isEqualTo(realm);
            Map<String, Object> realmMap = (Map<String, Object>) spec.get("realm");
            if (overlay.equals("production")) {
                assertThat((List<Map<String, Object>>) realmMap.getOrDefault("users", List.of())).as("no demo users in production")
                        .allSatisfy(u -> assertThat(u).containsKey("serviceAccountClientId"));
            }
            assertThat(((Map<String, Object>) spec.get("placeholders")).keySet()).as("every placeholder without a default")
                    .containsExactlyInAnyOrderElementsOf(placeholdersOf(realmOf.get(overlay)));
        }
    }

    /** The realm file's placeholders that have no default, e.g. FUSHUN_PLATFORM_SECRET (not FUSHUN_SSL_REQUIRED:all). */
    private static Set<String> placeholdersOf(String realmFile) throws IOException {
        Matcher placeholder = Pattern.compile("\\$\\{(FUSHUN_[A-Z_]+)}").matcher(Files.readString(ROOT.resolve("deploy/keycloak").resolve(realmFile)));
        Set<String> names = new TreeSet<>();
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        return names;
    }

    /** The KeycloakRealmImport of a realm file: the JSON as it is (JSON is YAML), placeholders from the Secret keycloak-realm. */
    private static String realmImport(String realmFile) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# Generated from deploy/keycloak/").append(realmFile).append(" by KubernetesManifestsTest\n")
                .append("# (-Dkubernetes.write-realm-imports=true): edit the realm file, not this one. The operator imports\n")
                .append("# the realm once; its placeholders come from the Secret keycloak-realm (README: Kubernetes).\n")
                .append("apiVersion: k8s.keycloak.org/v2alpha1\n")
                .append("kind: KeycloakRealmImport\n")
                .append("metadata:\n  name: fushun\n")
                .append("spec:\n  keycloakCRName: keycloak\n  placeholders:\n");
        for (String placeholder : placeholdersOf(realmFile)) {
            text.append("    ").append(placeholder).append(":\n      secret:\n        name: keycloak-realm\n        key: ")
                    .append(placeholder.substring("FUSHUN_".length()).toLowerCase().replace('_', '-')).append('\n');
        }
        text.append("  realm:\n");
        for (String line : Files.readString(ROOT.resolve("deploy/keycloak").resolve(realmFile)).strip().split("\n")) {
            text.append("    ").append(line).append('\n');
        }
        return text.toString();
    }

    private static Map<String, String> overlayImages(String overlay) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> images = (List<Map<String, Object>>) new Yaml().<Map<String, Object>>load(readString(
                KUBERNETES.resolve("overlays").resolve(overlay).resolve("kustomization.yaml"))).get("images");
        Map<String, String> byName = new HashMap<>();
        for (Map<String, Object> image : images) {
            byName.put((String) image.get("name"), image.getOrDefault("newName", image.get("name")) + ":" + image.get("newTag"));
        }
        return byName;
    }

    private static void assertProbe(HTTPGetAction probe, String path, String port) {
        assertThat(probe.getPath()).isEqualTo(path);
        assertThat(probe.getPort().getStrVal()).isEqualTo(port);
    }

    private static Map<String, String> plainValues(Container container) {
        Map<String, String> values = new HashMap<>();
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> values.put(e.getName(), e.getValue()));
        return values;
    }

    private static String secretOf(Container container, String variable) {
        EnvVar env = container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst().orElseThrow();
        return env.getValueFrom().getSecretKeyRef().getName() + "/" + env.getValueFrom().getSecretKeyRef().getKey();
    }

    /** Spring's short form, as the services read it: 30d, 12h. */
    private static Duration duration(String value) {
        Matcher matcher = Pattern.compile("(\\d+)([dhm])").matcher(value);
        assertThat(matcher.matches()).as(value).isTrue();
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "d" -> Duration.ofDays(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofMinutes(amount);
        };
    }

    private static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
