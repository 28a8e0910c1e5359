package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked of the images on a machine without a Docker daemon: the image definition
 * keeps its rules (base pinned by digest, a user that is not root, a liveness health check, the
 * loader as entry point), every module's jar extracts into the layers the Dockerfile copies, and
 * the gateway starts from those layers the way the image starts it.
 */
class ImageLayoutIT {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();
    private static final Path DOCKERFILE = ROOT.resolve("deploy/docker/Dockerfile");
    private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void shouldPinTheBaseByDigestRunAsAUserAndProbeLiveness() throws IOException {
        List<String> lines = Files.readAllLines(DOCKERFILE);
        String base = lines.stream().filter(l -> l.startsWith("ARG JRE=")).findFirst().orElseThrow();
        assertThat(base).as("the base image, pinned").matches("ARG JRE=[a-z0-9./-]+:[\\w.-]+@sha256:[0-9a-f]{64}");
        assertThat(lines.stream().filter(l -> l.startsWith("FROM "))).as("every stage from the pinned base")
                .allMatch(l -> l.startsWith("FROM ${JRE}"));
        int lastFrom = lastIndexOf(lines, "FROM ");
        List<String> finalStage = lines.subList(lastFrom, lines.size());
        assertThat(finalStage.stream().filter(l -> l.startsWith("USER "))).as("the final stage's user")
                .singleElement().matches(user -> Pattern.matches("USER [1-9][0-9]{3,}:[1-9][0-9]{3,}", user));
        assertThat(String.join("\n", finalStage)).contains("HEALTHCHECK").contains("/livez")
                .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
        for (String layer : LAYERS) {
            assertThat(finalStage).as("the layer " + layer + " copied on its own")
                    .contains("COPY --from=layers /layers/extracted/" + layer + "/ ./");
        }
    }

    @Test
    void shouldExtractEveryModulesJarIntoItsLayers(@TempDir Path tmp) throws Exception {
        for (ServiceModule module : ServiceModule.ALL) {
            Path extracted = extract(module, tmp.resolve(module.name()));
            assertThat(extracted.resolve("dependencies/BOOT-INF/lib")).as(module.name() + " dependencies").isDirectory();
            assertThat(extracted.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
                    .as(module.name() + " loader").isRegularFile();
            assertThat(extracted.resolve("application/BOOT-INF/classes")).as(module.name() + " classes").isDirectory();
        }
    }

    @Test
    void shouldStartTheGatewayFromItsLayersAsTheImageDoes(@TempDir Path tmp) throws Exception {
        ServiceModule gateway = ServiceModule.ALL.stream().filter(m -> m.name().equals("gateway")).findFirst().orElseThrow();
        Path extracted = extract(gateway, tmp.resolve("extracted"));
        Path app = tmp.resolve("app");
        for (String layer : LAYERS) {
            copyInto(extracted.resolve(layer), app); // as the image's COPY instructions do
        }
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(JAVA, "-Xmx256m", "org.springframework.boot.loader.launch.JarLauncher")
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("gateway.log").toFile());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        builder.environment().put("MANAGEMENT_PORT", Integer.toString(freePort()));
        builder.environment().put("MANAGEMENT_SERVER_ADDRESS", "127.0.0.1");
        builder.environment().put("OIDC_ISSUER_URI", "http://127.0.0.1:9/realms/fushun");
        Process process = builder.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/livez"))
                    .timeout(Duration.ofSeconds(5)).build();
            await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } finally {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Path extract(ServiceModule module, Path destination) throws Exception {
        Path jar = ROOT.resolve(module.jarPath());
        assertThat(jar).as(module.name() + "'s jar (build it first)").isRegularFile();
        Process extract = new ProcessBuilder(JAVA, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--layers",
                "--launcher", "--destination", destination.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(extract.waitFor(120, TimeUnit.SECONDS)).as(module.name() + " extracted in time").isTrue();
        assertThat(extract.exitValue()).as(module.name() + " extraction's exit code").isZero();
        return destination;
    }

    private static void copyInto(Path layer, Path app) throws IOException {
        if (!Files.isDirectory(layer)) {
            return; // an empty layer is not written (the Dockerfile makes it)
        }
        try (Stream<Path> paths = Files.walk(layer)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = app.resolve(layer.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int lastIndexOf(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix + "in the Dockerfile");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
