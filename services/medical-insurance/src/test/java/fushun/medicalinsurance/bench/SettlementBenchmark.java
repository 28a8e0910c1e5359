package fushun.medicalinsurance.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.HouseholdCategory;
import fushun.contracts.RiskType;
import fushun.contracts.monitoring.HouseholdRegistered;
import fushun.contracts.monitoring.RiskAlertRaised;
import fushun.medicalinsurance.cover.CoverRegister;
import fushun.medicalinsurance.insured.InsuredRoster;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Not a test: a benchmark of settlement ingestion through the real HTTP path (MockMvc, a real
 * PostgreSQL). It registers {@code bench.persons} persons (default 20,000): half of them members of
 * monitored households (two members each, category MARGINAL, cover tilted by an alert naming medical
 * insurance), the other half unknown to the registry. Then it posts {@code bench.rows} settlements
 * (default 100,000) in batches of {@code bench.batch} (default 1,000), every other row for a member
 * of a monitored household (so the year-to-date, cover and self-pay signal paths run), dates rising
 * through last year as monthly feeds would, and prints rows/s, p50/p99 batch latency and the signals
 * raised. Its name keeps it out of the normal test run:
 * {@code ./mvnw -pl services/medical-insurance -am verify -Dtest=NONE -Dit.test=SettlementBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dbench.rows=100000}
 */
@ServiceIntegrationTest
class SettlementBenchmark {

    private static final String CLIENT = "Bearer " + TestTokens.user("service-account-medical-insurance-integration",
            "210400", "medical-insurance-integration");
    private static final String VILLAGE = "210422100201";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRefs personRefs;
    @Autowired InsuredRoster roster;
    @Autowired CoverRegister cover;
    @Autowired TransactionTemplate transaction;

    @Test
    void settleAYearOfACountysSettlements() throws Exception {
        int persons = Integer.getInteger("bench.persons", 20_000) / 2 * 2;
        int rows = Integer.getInteger("bench.rows", 100_000);
        int batchSize = Integer.getInteger("bench.batch", 1_000);
        int year = LocalDate.now().getYear() - 1;
        String[] idNumbers = new String[persons];
        for (int p = 0; p < persons; p++) {
            idNumbers[p] = idNumber(p);
        }

        long start = System.nanoTime();
        register(idNumbers, persons / 2);
        System.out.printf("BENCH settlement setup: %,d persons, %,d of them in %,d monitored households, %d s%n",
                persons, persons / 2, persons / 4, (System.nanoTime() - start) / 1_000_000_000);

        Random random = new Random(42);
        List<Long> latencies = new ArrayList<>();
        long accepted = 0;
        long began = System.nanoTime();
        for (int first = 0; first < rows; first += batchSize) {
            StringBuilder body = new StringBuilder("{\"settlements\":[");
            int size = Math.min(batchSize, rows - first);
            for (int k = first; k < first + size; k++) {
                // even rows: a monitored household's member; odd rows: a person the registry does not know
                int person = (k / 2) % (persons / 2) + (k % 2 == 0 ? 0 : persons / 2);
                LocalDate day = LocalDate.of(year, 1, 1).plusDays((long) k * 360 / rows);
                BigDecimal total = BigDecimal.valueOf(100 + random.nextInt(290_000), 2).add(BigDecimal.valueOf(100));
                BigDecimal range = total.multiply(new BigDecimal("0.8")).setScale(2, RoundingMode.HALF_UP);
                BigDecimal basic = range.multiply(new BigDecimal("0.5")).setScale(2, RoundingMode.HALF_UP);
                if (k > first) {
                    body.append(',');
                }
                body.append("""
                        {"settlementId":"B-%d","idNumber":"%s","insuredCounty":"210422","hospital":"新宾县人民医院",\
                        "settledOn":"%s","totalCost":%s,"policyRangeCost":%s,"basicInsurancePaid":%s}"""
                        .formatted(k, idNumbers[person], day, total, range, basic));
            }
            body.append("]}");
            long t0 = System.nanoTime();
            mvc.perform(post("/api/medical-insurance/settlements").header("Authorization", CLIENT)
                            .contentType(MediaType.APPLICATION_JSON).content(body.toString()))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.accepted").value(size));
            latencies.add(System.nanoTime() - t0);
            accepted += size;
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long signals = jdbc.sql("select count(*) from self_pay_signal").query(Long.class).single();
        long stored = jdbc.sql("select count(*) from settlement").query(Long.class).single();
        assertThat(stored).isEqualTo(accepted);
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("BENCH settlement: %,d rows in %,d batches of %,d, %.1f s, %.0f rows/s, batch latency p50 %d ms,"
                        + " p99 %d ms, max %d ms, %,d self-pay signals%n",
                accepted, sorted.length, batchSize, seconds, accepted / seconds, percentile(sorted, 50),
                percentile(sorted, 99), sorted[sorted.length - 1] / 1_000_000, signals);
        System.out.printf("BENCH settlement first 10 batches (ms): %s%n", Arrays.toString(latencies.stream()
                .limit(10).mapToLong(l -> l / 1_000_000).toArray()));
    }

    /** The first {@code monitored} persons, two to a monitored household whose cover an alert tilted. */
    private void register(String[] idNumbers, int monitored) {
        Instant raised = LocalDate.now().minusYears(2).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        for (int from = 0; from < monitored; from += 1_000) {
            int to = Math.min(monitored, from + 1_000);
            int start = from;
            transaction.executeWithoutResult(tx -> {
                for (int p = start; p < to; p += 2) {
                    UUID householdId = UUID.randomUUID();
                    List<HouseholdRegistered.Member> members = new ArrayList<>();
                    for (int m = p; m < Math.min(p + 2, to); m++) {
                        members.add(new HouseholdRegistered.Member(UUID.randomUUID(), personRefs.of(idNumbers[m]),
                                "基准" + m, "2104**********0000", m == p ? "户主" : "家庭成员", "FULL"));
                    }
                    roster.onRegistered(new HouseholdRegistered(householdId, VILLAGE, HouseholdCategory.MARGINAL,
                            false, "基准" + p, members));
                    RiskAlertRaised.Assignment assignment = new RiskAlertRaised.Assignment(UUID.randomUUID(),
                            Bureau.MEDICAL_INSURANCE, LocalDate.now().plusDays(30));
                    cover.onAssigned(new RiskAlertRaised(UUID.randomUUID(), householdId, VILLAGE, List.of(RiskType.ILLNESS),
                            "基准", raised, List.of(assignment)), assignment);
                }
            });
        }
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000;
    }

    /** Unique by construction: a birth day per 100 persons, the sequence number's last two digits from n. */
    private static String idNumber(long n) {
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(n / 100);
        String first17 = "210422" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(),
                birth.getDayOfMonth()) + "7" + String.format("%02d", n % 100);
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }
}
