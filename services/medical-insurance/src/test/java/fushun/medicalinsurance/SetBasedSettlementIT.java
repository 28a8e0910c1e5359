package fushun.medicalinsurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fushun.platform.pii.PersonRefs;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.MigrationSteps;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A batch is settled as a set (issue 16, ADR 0030): its answers are those of the same rows sent one
 * by one, and the persons' years always equal their stored settlements.
 */
@ServiceIntegrationTest
class SetBasedSettlementIT {

    private static final String CLIENT = "Bearer " + TestTokens.user("service-account-medical-insurance-integration",
            "210400", "medical-insurance-integration");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PersonRefs personRefs;

    private final Random random = new Random();
    private final int year = LocalDate.now().getYear() - 1;

    @Test
    void shouldAnswerABatchAsItsRowsSentOneByOneWhenOnePersonHasSeveralRowsInAnyDateOrder() throws Exception {
        String inOneBatch = SyntheticIdNumbers.next(random, "210421");
        String oneByOne = SyntheticIdNumbers.next(random, "210423");
        String run = UUID.randomUUID().toString().substring(0, 8);
        // dates out of order, two on one day (then by id), a repeated id, and a late earlier-dated row after them
        String[][] rows = {
                {"C", "03-01", "20000.00", "18000.00", "6000.00"},
                {"A", "02-01", "15000.00", "14000.00", "5000.00"},
                {"B", "03-01", "9000.00", "8000.00", "2000.00"},
                {"A", "02-01", "15000.00", "14000.00", "5000.00"},
                {"D", "06-30", "30000.00", "26000.00", "9000.00"},
                {"E", "01-15", "12000.00", "11000.00", "4000.00"},
        };
        String[] late = {"F", "01-10", "8000.00", "7000.00", "1000.00"};

        List<String> batch = new ArrayList<>();
        for (String[] r : rows) {
            batch.add(row(run + "-1-" + r[0], inOneBatch, r));
        }
        List<Map<String, Object>> together = new ArrayList<>(answers(send(batch)));
        together.addAll(answers(send(List.of(row(run + "-1-" + late[0], inOneBatch, late)))));

        List<Map<String, Object>> single = new ArrayList<>();
        for (String[] r : rows) {
            single.addAll(answers(send(List.of(row(run + "-2-" + r[0], oneByOne, r)))));
        }
        single.addAll(answers(send(List.of(row(run + "-2-" + late[0], oneByOne, late)))));

        assertThat(together).extracting(a -> a.get("outcome"))
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "DUPLICATE", "ACCEPTED", "ACCEPTED", "ACCEPTED");
        assertThat(single).extracting(a -> a.get("outcome"))
                .containsExactly("ACCEPTED", "ACCEPTED", "ACCEPTED", "DUPLICATE", "ACCEPTED", "ACCEPTED", "ACCEPTED");
        assertThat(together).extracting(a -> a.get("tiers")).isEqualTo(single.stream().map(a -> a.get("tiers")).toList());
        assertThat(together).extracting(a -> a.get("tiers")).filteredOn(t -> t != null)
                .extracting(t -> ((Map<?, ?>) t).get("criticalIllness").toString())
                .as("the year crosses the deductible inside the batch").anyMatch(c -> !c.equals("0.0"));
        assertYearsEqualTheSettlements();
    }

    @Test
    void shouldFillThePersonsYearsFromTheSettlementsStoredBeforeTheMigration() {
        DataSource database = MigrationSteps.migratedUpTo("medical-insurance", "6");
        JdbcClient before = JdbcClient.create(database);
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        before.sql("""
                        insert into settlement (settlement_id, person_ref, masked_id_number, hospital, settled_on, total_cost,
                                                basic_insurance_paid, critical_illness_paid, medical_assistance_paid,
                                                self_pay, submitted_by, policy_range_cost)
                        values ('S1', :a, '2104**********0000', 'h', date '2025-03-01', 100, 40, 10, 5, 45, 't', 90),
                               ('S2', :a, '2104**********0000', 'h', date '2025-03-01', 50, 20, 0, 0, 30, 't', null),
                               ('S0', :a, '2104**********0000', 'h', date '2025-01-01', 10, 0, 0, 0, 10, 't', 10),
                               ('S3', :a, '2104**********0000', 'h', date '2026-01-02', 70, 10, 0, 0, 60, 't', 70),
                               ('S4', :b, '2104**********0000', 'h', date '2025-12-31', 30, 30, 0, 0, 0, 't', 30)""")
                .param("a", a).param("b", b).update();

        MigrationSteps.migrateTheRest(database);

        assertThat(before.sql("""
                        select left(person_ref, 1) || ' ' || year || ' ' || settlements || ' ' || after_basic || ' '
                               || critical_paid || ' ' || assistance_paid || ' ' || self_pay || ' ' || last_settled_on
                               || ' ' || last_settlement_id
                        from person_settlement_year order by person_ref, year""").query(String.class).list())
                .containsExactly("a 2025 3 60.00 10.00 5.00 85.00 2025-03-01 S2", "a 2026 1 60.00 0.00 0.00 60.00 2026-01-02 S3",
                        "b 2025 1 0.00 0.00 0.00 0.00 2025-12-31 S4");
    }

    private void assertYearsEqualTheSettlements() {
        assertThat(jdbc.sql("""
                        select count(*) from person_settlement_year y full join (
                            select person_ref, extract(year from settled_on)::int as year, count(*) as settlements,
                                   sum(greatest(coalesce(policy_range_cost, basic_insurance_paid) - basic_insurance_paid, 0))
                                       as after_basic,
                                   sum(critical_illness_paid) as critical, sum(medical_assistance_paid) as assistance,
                                   sum(self_pay) as self_pay, max(settled_on) as last_on
                            from settlement group by 1, 2) s on s.person_ref = y.person_ref and s.year = y.year
                        where y.person_ref is null or s.person_ref is null or y.settlements <> s.settlements
                           or y.after_basic <> s.after_basic or y.critical_paid <> s.critical
                           or y.assistance_paid <> s.assistance or y.self_pay <> s.self_pay or y.last_settled_on <> s.last_on""")
                .query(Long.class).single()).isZero();
    }

    private String send(List<String> rows) throws Exception {
        return mvc.perform(post("/api/medical-insurance/settlements").header("Authorization", CLIENT)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"settlements\":[" + String.join(",", rows) + "]}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static List<Map<String, Object>> answers(String body) {
        return JsonPath.read(body, "$.rows");
    }

    private String row(String id, String idNumber, String[] r) {
        return """
                {"settlementId":"%s","idNumber":"%s","insuredCounty":"%s","hospital":"抚顺市示例医院","settledOn":"%s",
                 "totalCost":%s,"policyRangeCost":%s,"basicInsurancePaid":%s}"""
                .formatted(id, idNumber, idNumber.substring(0, 6), year + "-" + r[1], r[2], r[3], r[4]);
    }
}
