package fushun.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private final Path root = Path.of("/repo");

    @Test
    void shouldUseTheIssuesDefaultsWhenNothingIsGiven() {
        BenchOptions options = BenchOptions.parse(new String[0], Map.of(), root);

        assertThat(options.households()).isEqualTo(300_000);
        assertThat(options.seed()).isEqualTo(20261202L);
        assertThat(options.latencySeconds()).isEqualTo(300);
        assertThat(options.instances()).isEqualTo(1);
        assertThat(options.start()).isTrue();
        assertThat(options.settlementRows()).isEqualTo(1_000_000);
        assertThat(options.latencyHouseholds()).isEqualTo(30_000);
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/deploy/bench/target/bench-data"));
    }

    @Test
    void shouldPreferAFlagToTheEnvironmentWhenBothAreGiven() {
        BenchOptions options = BenchOptions.parse(new String[] {"--households", "20000", "--latency-seconds=60",
                "--platform", "running"}, Map.of("BENCH_HOUSEHOLDS", "5", "BENCH_SEED", "42"), root);

        assertThat(options.households()).isEqualTo(20_000);
        assertThat(options.seed()).isEqualTo(42L);
        assertThat(options.latencySeconds()).isEqualTo(60);
        assertThat(options.start()).isFalse();
    }

    @Test
    void shouldRefuseAnUnknownPlatformModeOrInstanceCount() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--platform", "cloud"}, Map.of(), root))
                .hasMessageContaining("start or running");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--instances", "3"}, Map.of(), root))
                .hasMessageContaining("1 or 2");
    }
}
