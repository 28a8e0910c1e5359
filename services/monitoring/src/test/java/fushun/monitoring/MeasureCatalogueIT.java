package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.Bureau;
import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The bureaus' typed measure catalogues (issue 18, ADR 0039): listed as of a day, extended by a row,
 * measures recorded by type (refused with nothing written when the type or amount does not fit), and
 * counted per county, bureau and type. Its measures are applied in March 2024 in 抚顺县 (210421), which
 * no other test uses, so the counts are this test's own.
 */
@ServiceIntegrationTest
class MeasureCatalogueIT {

    private static final String COUNTY = "210421";
    private static final String VILLAGE = "210421177701";
    private static final String EDUCATION = "Bearer " + TestTokens.user("fushun-education", COUNTY, "education-officer");
    private static final String AGRICULTURE = "Bearer " + TestTokens.user("fushun-agriculture", COUNTY, "agriculture-officer");
    private static final String WATER = "Bearer " + TestTokens.user("fushun-water", COUNTY, "water-officer");
    private static final String ANALYST = "Bearer " + TestTokens.user("city-analyst", "210400", "analyst");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired fushun.platform.testsupport.EventBus bus;

    @Test
    void shouldListABureausCatalogueAsOfADayPagedWithItsTotal() throws Exception {
        mvc.perform(get("/api/monitoring/measure-types?bureau=HEALTH&asOf=2024-03-01").header("Authorization", EDUCATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].code").value(org.hamcrest.Matchers.contains(
                        "FAMILY_DOCTOR", "CHRONIC_FOLLOW_UP", "TREAT_FIRST_PAY_LATER")))
                .andExpect(jsonPath("$.items[1].label").value("慢病随访"))
                .andExpect(jsonPath("$.items[1].cadence").value("每季度一次"))
                .andExpect(jsonPath("$.items[1].amountRequired").value(false));
        mvc.perform(get("/api/monitoring/measure-types?bureau=DISABLED_PERSONS_FEDERATION&asOf=2024-03-01&size=2&page=0")
                        .header("Authorization", EDUCATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[1].code").value("SEVERE_DISABILITY_NURSING_SUBSIDY"))
                .andExpect(jsonPath("$.items[1].amountRequired").value(true))
                .andExpect(jsonPath("$.items[1].amountLabel").value("补贴金额（元）"));
        mvc.perform(get("/api/monitoring/measure-types?asOf=2024-03-01&size=500").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.total").value(16))
                .andExpect(jsonPath("$.items[?(@.bureau == 'RURAL_REVITALIZATION')].code").value(org.hamcrest.Matchers.contains(
                        "RESIDENT_TEAM_PAIRING", "OTHER_ASSISTANCE")));
        // before the catalogue's first day there is nothing in force
        mvc.perform(get("/api/monitoring/measure-types?asOf=2020-06-01").header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));

        for (String bad : List.of("bureau=NOPE", "asOf=2024-13-01", "asOf=1999-01-01", "asOf=+99999-01-01", "size=0",
                "size=501", "page=-1")) {
            mvc.perform(get("/api/monitoring/measure-types?" + bad).header("Authorization", EDUCATION))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("请求无效"));
        }
        mvc.perform(get("/api/monitoring/measure-types").header("Authorization",
                        "Bearer " + TestTokens.user("someone", COUNTY, "civil-affairs-operator")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldRecordTypedMeasuresRefuseWhatDoesNotFitAndCountThemPerBureauAndType() throws Exception {
        UUID household = household();
        UUID education = task(household, Bureau.EDUCATION);
        UUID agriculture = task(household, Bureau.AGRICULTURE);
        UUID agricultureAgain = task(household, Bureau.AGRICULTURE);
        UUID water = task(household, Bureau.WATER);

        // refused, each with its own Chinese reason, and nothing written
        measure(education, EDUCATION, "{\"measureType\":\"FAMILY_DOCTOR\",\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("措施类型不属于本部门"))
                .andExpect(jsonPath("$.detail").value("措施类型“家庭医生签约”属于卫健委，不能登记在教育局的任务上。"));
        measure(education, EDUCATION, "{\"measureType\":\"NO_SUCH_TYPE\",\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("未知的措施类型"))
                .andExpect(jsonPath("$.detail").value(containsString("NO_SUCH_TYPE")));
        measure(education, EDUCATION, "{\"measureType\":\"CONTROL_DROPOUT\",\"amount\":100,\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("该措施不填金额"));
        measure(agriculture, AGRICULTURE, "{\"measureType\":\"INDUSTRY_SUPPORT_FUND\",\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("缺少金额"))
                .andExpect(jsonPath("$.detail").value("措施类型“产业帮扶资金”须填写帮扶资金（元）。"));
        measure(education, EDUCATION, "{\"appliedOn\":\"2024-03-05\",\"description\":\"入户劝返\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("请填写措施类型"))
                .andExpect(jsonPath("$.detail").value(containsString("measureType")));
        measure(education, EDUCATION, "{\"measureType\":\"  \",\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("请填写措施类型"));
        // the old free-text field: free text is refused, pointing to measureType
        measure(education, EDUCATION, "{\"measure\":\"劝返复学\",\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("请填写措施类型"))
                .andExpect(jsonPath("$.detail").value(containsString("measureType")));
        measure(education, EDUCATION, "{\"measureType\":\"CONTROL_DROPOUT\",\"measure\":\"控辍保学劝返\",\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("措施类型重复填写"));
        // an amount the column could not hold is bad input, not a server error
        measure(agriculture, AGRICULTURE, "{\"measureType\":\"INDUSTRY_SUPPORT_FUND\",\"amount\":10000000000000,\"appliedOn\":\"2024-03-05\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'amount')]").exists());
        assertThat(measuresOf(List.of(education, agriculture))).isZero();
        assertThat(statusOf(education)).isEqualTo("ASSIGNED");
        assertThat(statusOf(agriculture)).isEqualTo("ASSIGNED");

        // recorded by type, with the catalogue's fixed label and the amount
        measure(agriculture, AGRICULTURE, "{\"measureType\":\"INDUSTRY_SUPPORT_FUND\",\"amount\":5000.00,\"appliedOn\":\"2024-03-16\","
                + "\"description\":\"扶持发展林下参种植\"}")
                .andExpect(status().isNoContent());
        measure(agriculture, AGRICULTURE, "{\"measureType\":\"ANTI_POVERTY_INSURANCE_CLAIM\",\"amount\":8000,\"appliedOn\":\"2024-03-18\"}")
                .andExpect(status().isNoContent());
        measure(agricultureAgain, AGRICULTURE, "{\"measureType\":\"INDUSTRY_SUPPORT_FUND\",\"amount\":3000.50,\"appliedOn\":\"2024-03-20\"}")
                .andExpect(status().isNoContent());
        // for one release the old field still takes a type's exact label (or code), never free text
        measure(education, EDUCATION, "{\"measure\":\"控辍保学劝返\",\"appliedOn\":\"2024-03-06\",\"description\":\"已返校就读\"}")
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("""
                        select measure_type || '|' || measure || '|' || coalesce(cast(amount as varchar), '-') || '|' || coalesce(description, '-')
                        from measure where assignment_id = :a order by applied_on""")
                .param("a", agriculture).query(String.class).list())
                .containsExactly("INDUSTRY_SUPPORT_FUND|产业帮扶资金|5000.00|扶持发展林下参种植", "ANTI_POVERTY_INSURANCE_CLAIM|防贫保险理赔|8000.00|-");
        assertThat(jdbc.sql("select measure_type || '|' || measure from measure where assignment_id = :a").param("a", education)
                .query(String.class).single()).isEqualTo("CONTROL_DROPOUT|控辍保学劝返");
        assertThat(statusOf(agriculture)).isEqualTo("MEASURE_APPLIED");
        // on the bus for the dashboards and the report, in the catalogue's fixed words: never the officer's description
        fushun.contracts.bureau.MeasureApplied published = bus.awaitEvent(fushun.contracts.Topics.MONITORING_RISK_ALERT,
                household.toString(), fushun.contracts.bureau.MeasureApplied.class,
                m -> m.assignmentId().equals(agriculture) && m.measure().equals("产业帮扶资金")).data();
        assertThat(published.bureau()).isEqualTo(Bureau.AGRICULTURE);
        assertThat(published.amount()).isEqualByComparingTo("5000.00");
        assertThat(published.description()).isEqualTo("产业帮扶资金").doesNotContain("林下参");
        // closed through the API: on the bus as well, with a fixed outcome
        mvc.perform(post("/api/monitoring/assignments/" + education + "/close").header("Authorization", EDUCATION)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"学生已返校，张老师每周家访\"}"))
                .andExpect(status().is2xxSuccessful());
        fushun.contracts.bureau.CaseClosed closed = bus.awaitEvent(fushun.contracts.Topics.MONITORING_RISK_ALERT,
                household.toString(), fushun.contracts.bureau.CaseClosed.class, c -> c.assignmentId().equals(education)).data();
        assertThat(closed.bureau()).isEqualTo(Bureau.EDUCATION);
        assertThat(closed.outcome()).isEqualTo("教育局已办结帮扶任务");

        // the catalogue grows by a row, no code: a type in force from 2024-03-15
        jdbc.sql("""
                insert into measure_type (code, bureau, label, amount_required, amount_label, cadence, source_note, sort_order, effective_from)
                values ('WATER_QUALITY_TEST_IT', 'WATER', '水质检测', false, null, '每半年一次', '测试新增类型', 30, date '2024-03-15')""")
                .update();
        mvc.perform(get("/api/monitoring/measure-types?bureau=WATER&asOf=2024-03-14").header("Authorization", WATER))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/monitoring/measure-types?bureau=WATER&asOf=2024-03-15").header("Authorization", WATER))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[2].label").value("水质检测"));
        measure(water, WATER, "{\"measureType\":\"WATER_QUALITY_TEST_IT\",\"appliedOn\":\"2024-03-14\"}")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("措施类型在实施日期不适用"));
        measure(water, WATER, "{\"measureType\":\"WATER_QUALITY_TEST_IT\",\"appliedOn\":\"2024-03-25\"}")
                .andExpect(status().isNoContent());

        // counted per county, bureau and type, with amounts added up; paged with the number of groups
        String march = "county=" + COUNTY + "&from=2024-03-01&to=2024-03-31";
        mvc.perform(get("/api/monitoring/measure-counts?" + march).header("Authorization", ANALYST))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.items[*].measureType").value(org.hamcrest.Matchers.contains(
                        "ANTI_POVERTY_INSURANCE_CLAIM", "INDUSTRY_SUPPORT_FUND", "CONTROL_DROPOUT", "WATER_QUALITY_TEST_IT")))
                .andExpect(jsonPath("$.items[1].county").value(COUNTY))
                .andExpect(jsonPath("$.items[1].bureau").value("AGRICULTURE"))
                .andExpect(jsonPath("$.items[1].label").value("产业帮扶资金"))
                .andExpect(jsonPath("$.items[1].measures").value(2))
                .andExpect(jsonPath("$.items[1].amount").value(8000.50))
                .andExpect(jsonPath("$.items[2].measures").value(1))
                .andExpect(jsonPath("$.items[2].amount").doesNotExist());
        mvc.perform(get("/api/monitoring/measure-counts?" + march + "&bureau=AGRICULTURE&size=1&page=1").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].measureType").value("INDUSTRY_SUPPORT_FUND"));
        // the period bounds are inclusive, and a period without measures counts nothing
        mvc.perform(get("/api/monitoring/measure-counts?county=" + COUNTY + "&from=2024-03-16&to=2024-03-16").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].amount").value(5000.00));
        mvc.perform(get("/api/monitoring/measure-counts?county=" + COUNTY + "&from=2024-04-01&to=2024-04-30").header("Authorization", ANALYST))
                .andExpect(jsonPath("$.total").value(0));
        // another county's analyst sees none of them
        mvc.perform(get("/api/monitoring/measure-counts?" + march).header("Authorization",
                        "Bearer " + TestTokens.user("qingyuan-analyst", "210423", "analyst")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        for (String bad : List.of("county=21042", "county=abcdef", "from=2024-04-01&to=2024-03-01", "from=2024-02-30",
                "to=2999-01-01", "bureau=NOPE", "size=0")) {
            mvc.perform(get("/api/monitoring/measure-counts?" + bad).header("Authorization", ANALYST))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/monitoring/measure-counts?" + march).header("Authorization", EDUCATION))
                .andExpect(status().isForbidden());
    }

    private ResultActions measure(UUID assignment, String officer, String body) throws Exception {
        return mvc.perform(post("/api/monitoring/assignments/" + assignment + "/measures").header("Authorization", officer)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private UUID household() {
        return registry.register(new NewHousehold(VILLAGE, HouseholdCategory.OUT_OF_POVERTY, false, List.of(
                new NewHousehold.NewMember("目录测试", SyntheticIdNumbers.next(new Random(), COUNTY), "户主", "FULL"))),
                Jurisdiction.of("210400"));
    }

    /** An alert with one assignment for the bureau, due in a month (out of the way of the escalation tests). */
    private UUID task(UUID household, Bureau bureau) {
        UUID alert = UUID.randomUUID();
        jdbc.sql("""
                insert into risk_alert (id, household_id, division_code, risk_types, explanation, status, raised_at)
                values (:id, :h, :v, 'FAILED_BUSINESS', '目录测试', 'OPEN', now())""")
                .param("id", alert).param("h", household).param("v", VILLAGE).update();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into assignment (id, alert_id, household_id, division_code, bureau, due_date, status)
                values (:id, :alert, :h, :v, :bureau, current_date + 30, 'ASSIGNED')""")
                .param("id", id).param("alert", alert).param("h", household).param("v", VILLAGE)
                .param("bureau", bureau.name()).update();
        return id;
    }

    private long measuresOf(List<UUID> assignments) {
        return jdbc.sql("select count(*) from measure where assignment_id in (:a)").param("a", assignments)
                .query(Long.class).single();
    }

    private String statusOf(UUID assignment) {
        return jdbc.sql("select status from assignment where id = :id").param("id", assignment).query(String.class).single();
    }
}
