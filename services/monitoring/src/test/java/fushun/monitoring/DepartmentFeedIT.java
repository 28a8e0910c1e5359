package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.contracts.HouseholdCategory;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.NewHousehold;
import fushun.platform.PlatformTime;
import fushun.platform.pii.ResidentIdNumbers;
import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.security.Jurisdiction;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The department data feeds (issue 18 part 2, ADR 0040) with the real database and broker: 教育局's pupil
 * roster, 水务局's water census and 残联's disability register raise alerts naming their bureau through the department-comparison
 * path, bad rows are reported, the same file again changes nothing. Households in 清原 (210423) villages
 * no other test uses; ID numbers synthetic (sequence 9xx, as {@link SyntheticIdNumbers}).
 */
@ServiceIntegrationTest
class DepartmentFeedIT {

    private static final String COUNTY = "210423";
    private static final String EDUCATION = "Bearer " + TestTokens.user("qingyuan-education", COUNTY, "education-officer");
    private static final String WATER = "Bearer " + TestTokens.user("qingyuan-water", COUNTY, "water-officer");
    private static final String FEDERATION = "Bearer " + TestTokens.user("qingyuan-federation", COUNTY,
            "disabled-federation-officer");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired HouseholdRegistry registry;
    @Autowired Clock clock;

    private final Random random = new Random();

    @Test
    void shouldAlertEducationForTheSchoolAgeChildNotEnrolledReportBadRowsAndIgnoreTheSameFileAgain() throws Exception {
        LocalDate asOf = PlatformTime.today(clock).withDayOfMonth(1);
        String village = "210423188801";
        String dropout = child(asOf.minusYears(12).minusDays(40));
        String enrolled = child(asOf.minusYears(10).minusDays(3));
        String seventeen = child(asOf.minusYears(17).minusDays(20));
        String unknown = child(asOf.minusYears(9).minusDays(11));
        String good = child(asOf.minusYears(11).minusDays(5));
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        UUID withDropout = household(village, HouseholdCategory.MARGINAL, dropout);
        UUID withPupil = household(village, HouseholdCategory.MARGINAL, enrolled);
        UUID withSeventeen = household(village, HouseholdCategory.MARGINAL, seventeen);
        byte[] roster = xlsx(List.of("姓名", "身份证号", "学校", "在校状态"), List.of(
                List.of("甲", dropout, "清原镇中心小学", "未在校"),
                List.of("乙", enrolled, "清原镇中心小学", "在校"),
                List.of("丙", seventeen, "清原高中", "未在校"),
                List.of("丁", unknown, "清原镇中心小学", "未在校"),
                List.of("戊", badCheck, "清原镇中心小学", "未在校")));
        long arrivalsBefore = arrivals("EDUCATION", asOf);

        JsonNode imported = JSON.readTree(upload("EDUCATION_PUPIL_ROSTER", "学生花名册.xlsx", roster, asOf, EDUCATION)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/monitoring/department-feeds/imports/")))
                .andReturn().getResponse().getContentAsString());

        assertThat(imported.get("status").asString()).isEqualTo("DONE");
        assertThat(imported.get("bureau").asString()).isEqualTo("EDUCATION");
        assertThat(imported.get("totalRows").asInt()).isEqualTo(5);
        assertThat(imported.get("processedRows").asInt()).isEqualTo(5);
        assertThat(imported.get("rejectedRows").asInt()).isEqualTo(2);
        assertThat(imported.get("findings").asInt()).isEqualTo(1);
        assertThat(imported.get("signals").asInt()).isEqualTo(1);
        assertThat(imported.get("alertsRaised").asInt()).isEqualTo(1);
        assertThat(assignments(withDropout)).containsExactly("EDUCATION");
        assertThat(alertRisks(withDropout)).containsExactly("SCHOOL_DROPOUT");
        assertThat(assignments(withPupil)).isEmpty();
        assertThat(assignments(withSeventeen)).isEmpty();
        String explanation = jdbc.sql("select explanation from risk_alert where household_id = :h").param("h", withDropout)
                .query(String.class).single();
        assertThat(explanation).contains("教育局").doesNotContain(dropout).doesNotContain(dropout.substring(0, 14));
        String id = imported.get("id").asString();
        mvc.perform(get("/api/monitoring/department-feeds/imports/" + id + "/errors?size=1").header("Authorization", EDUCATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].row").value(5))
                .andExpect(jsonPath("$.items[0].column").value("身份证号"))
                .andExpect(jsonPath("$.items[0].reason").value("本辖区登记册中没有此人（应为已登记农户的在户成员）"));
        mvc.perform(get("/api/monitoring/department-feeds/imports/" + id + "/errors?page=1&size=1").header("Authorization", EDUCATION))
                .andExpect(jsonPath("$.items[0].row").value(6))
                .andExpect(jsonPath("$.items[0].reason").value(org.hamcrest.Matchers.startsWith("身份证号无效")));
        assertThat(arrivals("EDUCATION", asOf)).isEqualTo(arrivalsBefore + 1);

        // the same file again, under another name: the first import, nothing changed
        JsonNode again = JSON.readTree(upload("EDUCATION_PUPIL_ROSTER", "副本.xlsx", roster, asOf, EDUCATION)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again.get("id").asString()).isEqualTo(id);
        assertThat(assignments(withDropout)).containsExactly("EDUCATION");
        assertThat(signals(withDropout)).isEqualTo(1);
        assertThat(arrivals("EDUCATION", asOf)).isEqualTo(arrivalsBefore + 1);
        mvc.perform(get("/api/monitoring/department-feeds/imports/" + id).header("Authorization", EDUCATION))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.alertsRaised").value(1));

        // a roster of another date still shows the child out of school: a new signal, no second alert
        byte[] other = xlsx(List.of("身份证号", "在校状态"), List.of(List.of(dropout, "未在校")));
        JsonNode otherImport = JSON.readTree(upload("EDUCATION_PUPIL_ROSTER", "学生花名册-2.xlsx", other, asOf.minusDays(1), EDUCATION)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        assertThat(otherImport.get("signals").asInt()).isEqualTo(1);
        assertThat(otherImport.get("alreadyMonitored").asInt()).isEqualTo(1);
        assertThat(otherImport.get("alertsRaised").asInt()).isZero();
        assertThat(signals(withDropout)).isEqualTo(2);
        assertThat(assignments(withDropout)).containsExactly("EDUCATION");
    }

    @Test
    void shouldAlertWaterForTheUnsafeHousehold() throws Exception {
        LocalDate asOf = PlatformTime.today(clock).withDayOfMonth(1);
        String village = "210423188802";
        String unsafeHead = SyntheticIdNumbers.next(random, COUNTY);
        String safeHead = SyntheticIdNumbers.next(random, COUNTY);
        UUID unsafe = household(village, HouseholdCategory.OUT_OF_POVERTY, null, unsafeHead);
        UUID safe = household(village, HouseholdCategory.OUT_OF_POVERTY, null, safeHead);
        String csv = "户主身份证号,户主姓名,饮水安全\n" + unsafeHead + ",己,不安全\n" + safeHead + ",庚,安全\n";

        JsonNode imported = JSON.readTree(upload("WATER_CENSUS", "饮水普查.csv", csv.getBytes(StandardCharsets.UTF_8), asOf, WATER)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        assertThat(imported.get("rejectedRows").asInt()).isZero();
        assertThat(imported.get("alertsRaised").asInt()).isEqualTo(1);
        assertThat(assignments(unsafe)).containsExactly("WATER");
        assertThat(alertRisks(unsafe)).containsExactly("DRINKING_WATER");
        assertThat(assignments(safe)).isEmpty();
    }

    @Test
    void shouldAlertTheFederationForTheSeverelyDisabledPersonOnlyAndIgnoreTheSameRegisterAgain() throws Exception {
        LocalDate asOf = PlatformTime.today(clock).withDayOfMonth(1);
        String village = "210423188804";
        String severe = SyntheticIdNumbers.next(random, COUNTY);
        String mild = SyntheticIdNumbers.next(random, COUNTY);
        UUID withSevere = household(village, HouseholdCategory.MARGINAL, null, severe);
        UUID withMild = household(village, HouseholdCategory.MARGINAL, null, mild);
        String csv = "姓名,身份证号,残疾类别,残疾等级\n辛,"  + severe + ",肢体,一级\n壬," + mild + ",视力,四级\n";
        long arrivalsBefore = arrivals("DISABLED_PERSONS_FEDERATION", asOf);

        JsonNode imported = JSON.readTree(upload("DISABLED_PERSONS_REGISTER", "残疾人登记册.csv",
                csv.getBytes(StandardCharsets.UTF_8), asOf, FEDERATION)
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        assertThat(imported.get("bureau").asString()).isEqualTo("DISABLED_PERSONS_FEDERATION");
        assertThat(imported.get("rejectedRows").asInt()).isZero();
        assertThat(imported.get("findings").asInt()).isEqualTo(1);
        assertThat(imported.get("signals").asInt()).isEqualTo(1);
        assertThat(imported.get("alertsRaised").asInt()).isEqualTo(1);
        assertThat(assignments(withSevere)).contains("DISABLED_PERSONS_FEDERATION");
        assertThat(alertRisks(withSevere)).containsExactly("DISABILITY");
        assertThat(assignments(withMild)).isEmpty();
        assertThat(signals(withMild)).isZero();
        String explanation = jdbc.sql("select explanation from risk_alert where household_id = :h").param("h", withSevere)
                .query(String.class).single();
        assertThat(explanation).contains("残联").doesNotContain(severe).doesNotContain(severe.substring(0, 14));
        assertThat(arrivals("DISABLED_PERSONS_FEDERATION", asOf)).isEqualTo(arrivalsBefore + 1);
        // the second output: the severe person's fact on the household's topic, keyed by the household
        assertThat(disabilityEvents(withMild)).isEmpty();
        List<String> published = disabilityEvents(withSevere);
        assertThat(published).hasSize(1);
        JsonNode event = JSON.readTree(published.get(0));
        UUID severePerson = jdbc.sql("select id from household_member where household_id = :h").param("h", withSevere)
                .query(UUID.class).single();
        assertThat(event.get("key").asString()).isEqualTo(withSevere.toString());
        assertThat(event.get("data").get("householdId").asString()).isEqualTo(withSevere.toString());
        assertThat(event.get("data").get("personId").asString()).isEqualTo(severePerson.toString());
        assertThat(event.get("data").get("personRef").asString()).matches("[0-9a-f]{64}");
        assertThat(event.get("data").get("severe").asBoolean()).isTrue();
        assertThat(event.get("data").get("registeredOn").asString()).isEqualTo(asOf.toString());
        assertThat(published.get(0)).doesNotContain(severe).doesNotContain(severe.substring(0, 14));

        JsonNode again = JSON.readTree(upload("DISABLED_PERSONS_REGISTER", "登记册-副本.csv",
                csv.getBytes(StandardCharsets.UTF_8), asOf, FEDERATION)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(again.get("id").asString()).isEqualTo(imported.get("id").asString());
        assertThat(signals(withSevere)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from risk_alert where household_id = :h").param("h", withSevere)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(arrivals("DISABLED_PERSONS_FEDERATION", asOf)).isEqualTo(arrivalsBefore + 1);
        assertThat(disabilityEvents(withSevere)).hasSize(1);

        // another file of the same date naming the person again publishes nothing more
        String other = "身份证号,残疾等级\n" + severe + ",二级\n";
        upload("DISABLED_PERSONS_REGISTER", "补充.csv", other.getBytes(StandardCharsets.UTF_8), asOf, FEDERATION)
                .andExpect(status().isCreated());
        assertThat(disabilityEvents(withSevere)).hasSize(1);
    }

    private List<String> disabilityEvents(UUID household) {
        return jdbc.sql("""
                        select payload from outbox_event
                        where type = 'DisabilityRegistered' and topic = 'monitoring.household.v1' and aggregateid = :h""")
                .param("h", household.toString()).query(String.class).list();
    }

    @Test
    void shouldSignalFindingsInEveryChunkOfALargerCensus() throws Exception {
        LocalDate asOf = PlatformTime.today(clock).withDayOfMonth(1);
        String village = "210423188803";
        String firstHead = SyntheticIdNumbers.next(random, COUNTY);
        String lastHead = SyntheticIdNumbers.next(random, COUNTY);
        UUID first = household(village, HouseholdCategory.MARGINAL, null, firstHead);
        UUID last = household(village, HouseholdCategory.MARGINAL, null, lastHead);
        StringBuilder csv = new StringBuilder("饮水安全,户主身份证号\n");
        for (int row = 2; row <= 2_600; row++) {
            // safe households need no registration: they are not looked up
            String number = row == 1_500 ? firstHead : row == 2_550 ? lastHead : SyntheticIdNumbers.next(random, COUNTY);
            String value = row == 1_500 || row == 2_550 ? "不安全" : row == 2_001 ? "未知" : "安全";
            csv.append(value).append(',').append(number).append('\n');
        }

        JsonNode imported = JSON.readTree(upload("WATER_CENSUS", "普查-全县.csv", csv.toString().getBytes(StandardCharsets.UTF_8),
                asOf, WATER).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());

        assertThat(imported.get("totalRows").asInt()).isEqualTo(2_599);
        assertThat(imported.get("processedRows").asInt()).isEqualTo(2_599);
        assertThat(imported.get("findings").asInt()).isEqualTo(2);
        assertThat(imported.get("alertsRaised").asInt()).isEqualTo(2);
        assertThat(imported.get("rejectedRows").asInt()).isEqualTo(1);
        assertThat(assignments(first)).containsExactly("WATER");
        assertThat(assignments(last)).containsExactly("WATER");
        mvc.perform(get("/api/monitoring/department-feeds/imports/" + imported.get("id").asString() + "/errors")
                        .header("Authorization", WATER))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].row").value(2_001))
                .andExpect(jsonPath("$.items[0].column").value("饮水安全"))
                .andExpect(jsonPath("$.items[0].reason").value("应为 安全 或 不安全"));
    }

    @Test
    void shouldRefuseWhatIsNotAFeedOfTheCallersBureauWithAProblem() throws Exception {
        LocalDate asOf = PlatformTime.today(clock).withDayOfMonth(1);
        byte[] csv = "身份证号,在校状态\n".getBytes(StandardCharsets.UTF_8);

        upload("EDUCATION_PUPIL_ROSTER", "x.csv", csv, asOf, WATER)
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("学生花名册（控辍保学）只能由教育局的经办人员上传。"));
        upload("NO_SUCH_FEED", "x.csv", csv, asOf, EDUCATION).andExpect(status().isNotFound());
        upload("EDUCATION_PUPIL_ROSTER", "x.csv", "身份证号,学校\n".getBytes(StandardCharsets.UTF_8), asOf, EDUCATION)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("缺少列"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("缺少：在校状态")));
        upload("EDUCATION_PUPIL_ROSTER", "x.xlsx", "not a workbook".getBytes(StandardCharsets.UTF_8), asOf, EDUCATION)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("文件无法读取"));
        upload("EDUCATION_PUPIL_ROSTER", "x.txt", csv, asOf, EDUCATION).andExpect(status().isUnprocessableContent());
        upload("EDUCATION_PUPIL_ROSTER", "x.csv", new byte[0], asOf, EDUCATION).andExpect(status().isUnprocessableContent());
        upload("EDUCATION_PUPIL_ROSTER", "x.csv", csv, PlatformTime.today(clock).plusDays(400), EDUCATION)
                .andExpect(status().isBadRequest());
        String city = "Bearer " + TestTokens.user("city-education", "210400", "education-officer");
        upload("EDUCATION_PUPIL_ROSTER", "x.csv", csv, asOf, city)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("请以县级账号上传"));
        mvc.perform(multipart("/api/monitoring/department-feeds/WATER_CENSUS")
                        .file(new MockMultipartFile("file", "x.csv", null, csv)).param("asOf", "2026-13-01")
                        .header("Authorization", WATER))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitoring/department-feeds/imports/" + UUID.randomUUID()).header("Authorization", WATER))
                .andExpect(status().isNotFound());
        mvc.perform(multipart("/api/monitoring/department-feeds/WATER_CENSUS")
                        .file(new MockMultipartFile("file", "x.csv", null, csv)).param("asOf", asOf.toString())
                        .header("Authorization", "Bearer " + TestTokens.user("cadre", "210423188802", "village-cadre")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldListTheFeedKindsInForceAsData() throws Exception {
        mvc.perform(get("/api/monitoring/department-feeds/kinds?asOf=2024-03-01").header("Authorization", WATER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[*].code").value(org.hamcrest.Matchers.contains(
                        "DISABLED_PERSONS_REGISTER", "EDUCATION_PUPIL_ROSTER", "WATER_CENSUS")))
                .andExpect(jsonPath("$.items[0].riskType").value("DISABILITY"))
                .andExpect(jsonPath("$.items[0].conditionValues").value(org.hamcrest.Matchers.contains("一级", "二级")))
                .andExpect(jsonPath("$.items[1].riskType").value("SCHOOL_DROPOUT"))
                .andExpect(jsonPath("$.items[1].valueColumn").value("在校状态"))
                .andExpect(jsonPath("$.items[1].conditionValues[0]").value("未在校"))
                .andExpect(jsonPath("$.items[1].ageFrom").value(6))
                .andExpect(jsonPath("$.items[1].ageTo").value(15))
                .andExpect(jsonPath("$.items[2].idColumn").value("户主身份证号"));
        mvc.perform(get("/api/monitoring/department-feeds/kinds?asOf=2020-06-01").header("Authorization", WATER))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/monitoring/department-feeds/kinds?size=1&page=2").header("Authorization", WATER))
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[0].code").value("WATER_CENSUS"));
    }

    private ResultActions upload(String kind, String name, byte[] content, LocalDate asOf, String token) throws Exception {
        return mvc.perform(multipart("/api/monitoring/department-feeds/" + kind)
                .file(new MockMultipartFile("file", name, null, content)).param("asOf", asOf.toString())
                .header("Authorization", token));
    }

    /** A household of an adult head and, if given, a child. */
    private UUID household(String village, HouseholdCategory category, String child) {
        return household(village, category, child, SyntheticIdNumbers.next(random, COUNTY));
    }

    private UUID household(String village, HouseholdCategory category, String child, String head) {
        List<NewHousehold.NewMember> members = child == null
                ? List.of(new NewHousehold.NewMember("户主", head, "户主", "FULL"))
                : List.of(new NewHousehold.NewMember("户主", head, "户主", "FULL"),
                        new NewHousehold.NewMember("子女", child, "子", "NONE"));
        return registry.register(new NewHousehold(village, category, false, members), Jurisdiction.of("210400"));
    }

    /** A synthetic number (sequence 9xx like {@link SyntheticIdNumbers}) born on the day. */
    private String child(LocalDate birth) {
        String first17 = COUNTY + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "9" + String.format("%02d", random.nextInt(100));
        return first17 + ResidentIdNumbers.checkCharacter(first17);
    }

    private List<String> assignments(UUID household) {
        return jdbc.sql("select bureau from assignment where household_id = :h order by bureau").param("h", household)
                .query(String.class).list();
    }

    private List<String> alertRisks(UUID household) {
        return jdbc.sql("select risk_types from risk_alert where household_id = :h").param("h", household)
                .query(String.class).list();
    }

    private long signals(UUID household) {
        return jdbc.sql("select count(*) from risk_signal where household_id = :h").param("h", household)
                .query(Long.class).single();
    }

    private long arrivals(String bureau, LocalDate month) {
        return jdbc.sql("""
                        select coalesce(sum(on_time + late), 0) from feed_arrival
                        where bureau = :b and month = :m and county_code = :c""")
                .param("b", bureau).param("m", month.withDayOfMonth(1)).param("c", COUNTY).query(Long.class).single();
    }

    private static byte[] xlsx(List<String> header, List<List<String>> rows) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet("学生花名册");
            var head = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                head.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
