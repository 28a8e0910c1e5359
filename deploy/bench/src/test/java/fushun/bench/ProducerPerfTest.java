package fushun.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProducerPerfTest {

    @Test
    void shouldReadTheSummaryLineWhenProducerPerformanceFinishes() {
        ProducerPerf.Result result = ProducerPerf.parse(List.of(
                "112345 records sent, 22469.0 records/sec (10.97 MB/sec), 1500.2 ms avg latency, 2100.0 ms max latency.",
                "500000 records sent, 61050.061050 records/sec (29.81 MB/sec), 812.43 ms avg latency, 2205.00 ms max latency, "
                        + "790 ms 50th, 1400 ms 95th, 1980 ms 99th, 2190 ms 99.9th."));

        assertThat(result.records()).isEqualTo(500_000);
        assertThat(result.recordsPerSecond()).isEqualTo(61050.061050);
        assertThat(result.megabytesPerSecond()).isEqualTo(29.81);
        assertThat(result.p50Ms()).isEqualTo(790);
        assertThat(result.p99Ms()).isEqualTo(1980);
    }

    @Test
    void shouldFindNoResultWhenThereIsNoSummary() {
        assertThat(ProducerPerf.parse(List.of("ERROR something"))).isNull();
    }
}
