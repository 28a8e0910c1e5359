package fushun.platform.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import fushun.contracts.bureau.RiskSignalObserved;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The names Prometheus scrapes, as the dashboard and the alert rules (deploy/observability) read them. */
class MetricNamesTest {

    private final PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    @Test
    void shouldExportImportRowsAsATotalPerKindAndOutcomeFromTheStart() {
        ImportMetrics settlements = new ImportMetrics(prometheus, "settlement", ImportMetrics.Outcome.ACCEPTED,
                ImportMetrics.Outcome.REJECTED);
        assertThat(prometheus.scrape()).as("at zero before the first import")
                .contains("platform_import_rows_total{kind=\"settlement\",outcome=\"rejected\"} 0.0")
                .contains("platform_import_duration_seconds_count{kind=\"settlement\"} 0");

        settlements.rows(ImportMetrics.Outcome.ACCEPTED, 3);
        settlements.finished(settlements.start());

        assertThat(prometheus.scrape()).contains("platform_import_rows_total{kind=\"settlement\",outcome=\"accepted\"} 3.0")
                .contains("platform_import_duration_seconds_count{kind=\"settlement\"} 1")
                .contains("platform_import_duration_seconds_sum{kind=\"settlement\"}");
        assertThatThrownBy(() -> settlements.rows(ImportMetrics.Outcome.DUPLICATE, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseAKindThatIsNotAFixedWord() {
        assertThatThrownBy(() -> new ImportMetrics(prometheus, "花名册.xlsx", ImportMetrics.Outcome.ACCEPTED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldExportSignalsByBureauAndRiskTypeOutsideATransactionAtOnce() {
        new SignalMetrics(prometheus).published(new RiskSignalObserved(UUID.randomUUID(), UUID.randomUUID(), Bureau.HOUSING,
                RiskType.UNSAFE_HOUSING, "测试", Map.of(), null, Instant.now()));

        assertThat(prometheus.scrape())
                .contains("platform_signals_published_total{bureau=\"HOUSING\",risk_type=\"UNSAFE_HOUSING\"} 1.0");
    }

    @Test
    void shouldReadARecentValueOnceWithinItsAge() {
        AtomicInteger reads = new AtomicInteger();
        RecentValue<Integer> value = new RecentValue<>(reads::incrementAndGet, Duration.ofMinutes(1));

        assertThat(value.get()).isEqualTo(1);
        assertThat(value.get()).isEqualTo(1);
        assertThat(reads).hasValue(1);
        RecentValue<Integer> always = new RecentValue<>(reads::incrementAndGet, Duration.ZERO);
        assertThat(always.get()).isEqualTo(2);
        assertThat(always.get()).isEqualTo(3);
    }
}
