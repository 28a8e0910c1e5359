package fushun.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshDataDirTest {

    @TempDir Path dir;

    @Test
    void shouldRefuseToWipeAFolderTheHarnessDidNotMake() throws Exception {
        Path developers = dir.resolve(".local-data");
        Files.createDirectories(developers.resolve("postgres"));
        Files.writeString(developers.resolve("secrets.properties"), "kept");

        assertThatThrownBy(() -> CityBenchmark.freshDataDir(developers)).hasMessageContaining("nothing was deleted");
        assertThat(developers.resolve("secrets.properties")).hasContent("kept");
    }

    @Test
    void shouldEmptyItsOwnFolderAndMarkANewOne() throws Exception {
        Path bench = dir.resolve("bench-data");
        CityBenchmark.freshDataDir(bench);
        assertThat(bench.resolve(CityBenchmark.MARKER)).exists();
        Files.writeString(bench.resolve("left-from-the-last-run"), "x");

        CityBenchmark.freshDataDir(bench);

        assertThat(bench.resolve("left-from-the-last-run")).doesNotExist();
        assertThat(bench.resolve(CityBenchmark.MARKER)).exists();
    }
}
