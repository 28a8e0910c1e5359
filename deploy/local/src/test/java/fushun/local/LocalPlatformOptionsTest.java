package fushun.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LocalPlatformOptionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                      | 0",
            "monitoring              | 1",
            "' monitoring , console' | 2",
            "all                     | 8",
    })
    void shouldSkipWhatPlatformSkipNames(String setting, int skipped) {
        assertThat(LocalPlatformOptions.skipped(setting)).hasSize(skipped);
    }

    @Test
    void shouldStartEverythingButTheSkippedModules() {
        var options = options(Set.of("monitoring"));
        assertThat(ServiceModule.ALL).filteredOn(options::starts).extracting(ServiceModule::name)
                .hasSize(ServiceModule.ALL.size() - 1).doesNotContain("monitoring");
    }

    @Test
    void shouldRefuseANameThatIsNoModule() {
        assertThatThrownBy(() -> options(Set.of("monitorin")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("monitorin");
    }

    private static LocalPlatformOptions options(Set<String> skipped) {
        return new LocalPlatformOptions(Path.of("."), Path.of("data"), Ports.withOffset(0), 0, null, null, null, skipped);
    }
}
