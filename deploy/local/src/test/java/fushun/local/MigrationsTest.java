package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A Flyway migration that has been committed is never edited: a database migrated before the edit
 * would fail Flyway's checksum validation (or, worse, miss the change). The committed manifest
 * (src/test/resources/applied-migrations.sha256) pins every migration of every service and of the
 * platform; this test fails when one changes or disappears, and when a new one is not yet listed.
 */
class MigrationsTest {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "../..")).toAbsolutePath().normalize();

    @Test
    void shouldNeverChangeACommittedMigration() throws IOException {
        Map<String, String> pinned = manifest();
        Map<String, String> actual = migrations();

        for (Map.Entry<String, String> entry : pinned.entrySet()) {
            assertThat(actual).as("%s is pinned in the manifest: migrations are never removed", entry.getKey())
                    .containsKey(entry.getKey());
            assertThat(actual.get(entry.getKey())).as("%s was edited after it was committed: restore it and add a new "
                    + "migration instead", entry.getKey()).isEqualTo(entry.getValue());
        }
        for (Map.Entry<String, String> entry : actual.entrySet()) {
            assertThat(pinned).as("a new migration: add this line to applied-migrations.sha256%n%s  %s",
                    entry.getValue(), entry.getKey()).containsKey(entry.getKey());
        }
        assertThat(pinned).hasSizeGreaterThan(40);
    }

    private static Map<String, String> manifest() throws IOException {
        Map<String, String> pinned = new TreeMap<>();
        try (var in = MigrationsTest.class.getResourceAsStream("/applied-migrations.sha256")) {
            assertThat(in).as("applied-migrations.sha256 on the test classpath").isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] parts = line.trim().split("\\s+", 2);
                    pinned.put(parts[1], parts[0]);
                }
            }
        }
        return pinned;
    }

    private static Map<String, String> migrations() throws IOException {
        Map<String, String> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("services"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql"))
                    .filter(f -> ROOT.relativize(f).toString().replace('\\', '/').matches("services/[^/]+/src/main/resources/db/.*"))
                    .toList()) {
                String text = Files.readString(file).replace("\r", "");
                found.put(ROOT.relativize(file).toString().replace('\\', '/'), sha256(text));
            }
        }
        return found;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
