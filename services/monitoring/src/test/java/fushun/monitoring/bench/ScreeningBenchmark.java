package fushun.monitoring.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fushun.monitoring.screening.MonthlyScreening;
import fushun.monitoring.screening.ScreeningRun;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test: a benchmark that screens {@code bench.households} households (default 300,000; two
 * members each, a year's income each, an illness signal in the month for one in ten) and prints
 * households per second and the JVM's peak resident memory. The data is written with SQL first.
 * {@code ./mvnw -pl services/monitoring -am verify -Dit.test=ScreeningBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.households=300000}
 */
@ServiceIntegrationTest
class ScreeningBenchmark {

    @Autowired MonthlyScreening screening;
    @Autowired JdbcClient jdbc;

    @Test
    void screenACityForAMonth() throws Exception {
        int households = Integer.getInteger("bench.households", 300_000);
        YearMonth month = YearMonth.now();
        long seeding = System.nanoTime();
        jdbc.sql("""
                insert into household (id, division_code, category, not_entitled_to_policy, head_name)
                select md5('bench-h' || g)::uuid, (array['210422100201', '210423100201', '210421100201'])[1 + g % 3],
                       'MARGINAL', false, '基准' || g
                from generate_series(1, :n) g""").param("n", households).update();
        jdbc.sql("""
                insert into household_member (id, household_id, name, id_number, id_number_masked, person_ref, relationship, labour_capacity)
                select md5('bench-m' || g || '-' || k)::uuid, md5('bench-h' || g)::uuid, '基准成员',
                       lpad((g * 2 + k)::text, 18, '0'), '****', md5('r' || g || '-' || k) || md5('s' || g || '-' || k),
                       case when k = 1 then '户主' else '配偶' end, 'FULL'
                from generate_series(1, :n) g, generate_series(1, 2) k""").param("n", households).update();
        jdbc.sql("""
                insert into income_record (household_id, year, component, amount, recorded_by)
                select md5('bench-h' || g)::uuid, :year, 'WAGES', 8000 + (g::bigint * 7919) % 40000, 'bench'
                from generate_series(1, :n) g""").param("n", households).param("year", month.getYear()).update();
        jdbc.sql("""
                insert into risk_signal (id, household_id, source_bureau, risk_type, observed_at)
                select md5('bench-s' || g)::uuid, md5('bench-h' || g)::uuid, 'MEDICAL_INSURANCE', 'ILLNESS', :at
                from generate_series(1, :n) g where g % 10 = 0""")
                .param("n", households).param("at", java.sql.Timestamp.valueOf(month.atDay(1).atStartOfDay().plusHours(10)))
                .update();
        jdbc.sql("analyze").update();
        System.out.printf("BENCH seeded %,d households in %d s%n", households,
                Duration.ofNanos(System.nanoTime() - seeding).toSeconds());

        long start = System.nanoTime();
        ScreeningRun run = screening.run(month, Jurisdiction.of("210400"), "bench");
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        System.out.printf("BENCH screening: %,d households, %,d at risk, %,d without income, %.1f s, %.0f households/s, "
                        + "peak RSS %d MiB (JVM max heap %d MiB)%n", run.households(), run.atRisk(), run.noIncomeData(),
                took.toMillis() / 1000.0, run.households() / Math.max(0.001, took.toMillis() / 1000.0), peakRssMiB(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
        assertThat(run.households()).isGreaterThanOrEqualTo(households);
    }

    private static long peakRssMiB() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }
}
