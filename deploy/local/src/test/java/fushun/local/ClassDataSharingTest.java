package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassDataSharingTest {

    private static final ServiceModule MODULE = ServiceModule.ALL.get(0);

    private static final java.util.List<String> OPTIONS = LocalPlatform.SERVICE_JVM_OPTIONS;

    @TempDir Path dir;

    @Test
    void shouldKeepTheStampWhenAJarIsBuiltAgainWithTheSameContent() throws IOException {
        Path first = jar("first.jar", "class A", FileTime.fromMillis(1_000_000));
        Path rebuilt = jar("rebuilt.jar", "class A", FileTime.fromMillis(9_000_000));
        Path changed = jar("changed.jar", "class B", FileTime.fromMillis(1_000_000));

        assertThat(ClassDataSharing.contentStamp(rebuilt, OPTIONS)).isEqualTo(ClassDataSharing.contentStamp(first, OPTIONS));
        assertThat(ClassDataSharing.contentStamp(changed, OPTIONS)).isNotEqualTo(ClassDataSharing.contentStamp(first, OPTIONS));
        assertThat(ClassDataSharing.contentStamp(first, java.util.List.of("-XX:+UseG1GC")))
                .as("an archive is the JVM options' too").isNotEqualTo(ClassDataSharing.contentStamp(first, OPTIONS));
    }

    @Test
    void shouldRunTheJarAsBuiltUntilAnArchiveIsRecordedForItsContent() throws IOException {
        Path jar = jar("monitoring.jar", "class A", FileTime.fromMillis(1_000_000));
        ClassDataSharing cds = ClassDataSharing.of(MODULE, jar, dir.resolve("data"));
        assertThat(cds.ready()).isFalse();
        assertThat(cds.launch()).containsExactly("-jar", jar.toString());

        // what a training run leaves: the extracted jar, the archive and the content's stamp
        Path place = dir.resolve("data/cds").resolve(MODULE.name());
        Files.createDirectories(place);
        Files.writeString(place.resolve(MODULE.name() + ".jar"), "extracted");
        Files.writeString(cds.archive(), "archive");
        Files.writeString(place.resolve("content.sha256"), ClassDataSharing.contentStamp(jar, LocalPlatform.SERVICE_JVM_OPTIONS));

        assertThat(cds.ready()).isTrue();
        assertThat(cds.launch()).containsExactly("-XX:SharedArchiveFile=" + cds.archive(), "-jar",
                place.resolve(MODULE.name() + ".jar").toString());

        Path changed = jar("monitoring-changed.jar", "class B", FileTime.fromMillis(1_000_000));
        ClassDataSharing afterAChange = ClassDataSharing.of(MODULE, changed, dir.resolve("data"));
        assertThat(afterAChange.ready()).as("an archive of other classes is not used").isFalse();
        assertThat(afterAChange.launch()).containsExactly("-jar", changed.toString());
    }

    private Path jar(String name, String content, FileTime time) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            ZipEntry entry = new ZipEntry("BOOT-INF/classes/A.class");
            entry.setLastModifiedTime(time);
            out.putNextEntry(entry);
            out.write(content.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
