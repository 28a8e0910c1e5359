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

    @Test
    void shouldStartEachBureauServiceTwiceWhenTwoInstancesAreAsked() {
        var options = new LocalPlatformOptions(Path.of("."), Path.of("data"), Ports.withOffset(0), 0, null, null, null,
                Set.of("employment"), 2);

        assertThat(ServiceModule.ALL).filteredOn(options::startsTwice).extracting(ServiceModule::name)
                .containsExactly("social-assistance", "medical-insurance", "housing-safety", "asset-management");
        ServiceModule second = ServiceModule.ALL.get(1).secondInstance();
        assertThat(second.name()).isEqualTo("social-assistance-2");
        assertThat(second.service()).isEqualTo("social-assistance");
        assertThat(second.database()).isEqualTo("social_assistance");
        // its own ports, checked free with the others before anything starts
        assertThat(second.port(Ports.withOffset(0))).isEqualTo(8112);
        assertThat(second.managementPort(Ports.withOffset(0))).isEqualTo(8212);
        assertThat(Ports.withOffset(0).all(true, 2)).doesNotHaveDuplicates().contains(8112, 8212, 8116, 8216)
                .hasSize(Ports.withOffset(0).all(true).size() + 10);
    }

    @Test
    void shouldStartEveryServiceOnceWhenOneInstanceIsAsked() {
        assertThat(ServiceModule.ALL).noneMatch(options(Set.of())::startsTwice);
        assertThatThrownBy(() -> new LocalPlatformOptions(Path.of("."), Path.of("data"), Ports.withOffset(0), 0, null,
                null, null, Set.of(), 3)).hasMessageContaining("PLATFORM_INSTANCES");
    }

    private static LocalPlatformOptions options(Set<String> skipped) {
        return new LocalPlatformOptions(Path.of("."), Path.of("data"), Ports.withOffset(0), 0, null, null, null, skipped);
    }
}
