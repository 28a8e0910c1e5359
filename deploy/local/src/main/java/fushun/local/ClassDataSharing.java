package fushun.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Class-data sharing for the services (docs/adr/0034). A service with an archive runs from its jar
 * extracted into the data folder ({@code java -Djarmode=tools extract}: the JVM cannot share
 * classes read from jars nested in a jar) and maps the archive instead of loading, verifying and
 * parsing its start-up classes again, which starts it in about half the time at the same resident
 * memory. A service without one runs from its jar as built.
 *
 * <p>The archive comes from Spring Boot's training run ({@link #record}): the extracted jar started
 * with the service's own environment up to the end of its context refresh
 * ({@code -Dspring.context.exit=onRefresh}: no port bound, no listener, no scheduled job or runner
 * started) and {@code -XX:ArchiveClassesAtExit}. The launcher records the missing archives one at a
 * time after the platform is ready, so neither start waits for them. An archive belongs to the
 * jar's content (its entries' names, sizes and CRCs) and the JDK: a rebuilt jar with the same
 * classes keeps its archive, a changed one runs as built until it is recorded again.
 */
final class ClassDataSharing {

    private final String name;
    private final Path jar;
    private final Path directory;
    private final String stamp;

    private ClassDataSharing(String name, Path jar, Path directory, String stamp) {
        this.name = name;
        this.jar = jar;
        this.directory = directory;
        this.stamp = stamp;
    }

    /**
     * The service's place under {@code <data dir>/cds/<service>}; nothing is written. A second
     * instance of a service ({@code PLATFORM_INSTANCES=2}) maps the same archive, read-only.
     */
    static ClassDataSharing of(ServiceModule module, Path jar, Path dataDir) throws IOException {
        return new ClassDataSharing(module.service(), jar, dataDir.resolve("cds").resolve(module.service()),
                contentStamp(jar, LocalPlatform.SERVICE_JVM_OPTIONS));
    }

    /** An archive recorded for this jar's content and this JDK. */
    boolean ready() throws IOException {
        Path stampFile = directory.resolve("content.sha256");
        return Files.isRegularFile(stampFile) && Files.readString(stampFile).equals(stamp)
                && Files.isRegularFile(archive()) && Files.isRegularFile(extractedJar());
    }

    /** What follows the JVM options on the command line: the archive and the extracted jar, or the jar as built. */
    List<String> launch() throws IOException {
        return ready() ? List.of("-XX:SharedArchiveFile=" + archive(), "-jar", extractedJar().toString())
                : List.of("-jar", jar.toString());
    }

    /**
     * Extracts the jar and runs the training run with the service's environment and JVM options,
     * then keeps the archive for the next starts. Returns false when the run failed (its output is in
     * {@code logFile}); the service then simply starts without an archive.
     */
    boolean record(String java, List<String> jvmOptions, Map<String, String> environment, Path logFile)
            throws IOException, InterruptedException {
        DataFiles.deleteTree(directory);
        Files.createDirectories(directory);
        if (run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                directory.toString()), Map.of(), logFile) != 0) {
            return false;
        }
        Path extracted = directory.resolve(jar.getFileName());
        if (!extracted.equals(extractedJar())) {
            Files.move(extracted, extractedJar());
        }
        Path recording = directory.resolve(name + ".jsa.recording");
        // below the running platform's priority: it records for the next start, nobody waits for it
        List<String> command = new ArrayList<>(List.of("nice", "-n", "10"));
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-XX:ArchiveClassesAtExit=" + recording, "-Dspring.context.exit=onRefresh",
                "-jar", extractedJar().toString()));
        if (run(command, environment, logFile) != 0 || !Files.isRegularFile(recording)) {
            return false;
        }
        Files.move(recording, archive(), StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(directory.resolve("content.sha256"), stamp);
        return true;
    }

    Path archive() {
        return directory.resolve(name + ".jsa");
    }

    private Path extractedJar() {
        return directory.resolve(name + ".jar");
    }

    private static int run(List<String> command, Map<String, String> environment, Path logFile)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } finally {
            // an interrupted launcher (Ctrl-C during a recording) leaves no training run behind
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * What the jar holds, not when it was built (the repackaged jar is written again by every build),
     * with the JDK and the JVM options: an archive the JVM would refuse for either is recorded again.
     */
    static String contentStamp(Path jar, List<String> jvmOptions) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((System.getProperty("java.vm.version") + '\n' + String.join(" ", jvmOptions) + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            List<? extends ZipEntry> entries = zip.stream().sorted(Comparator.comparing(ZipEntry::getName)).toList();
            for (ZipEntry entry : entries) {
                digest.update((entry.getName() + ' ' + entry.getSize() + ' ' + entry.getCrc() + '\n')
                        .getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
