package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Rosters from .csv and .xlsx: good households kept, bad rows reported, the same file twice changes nothing. */
@ServiceIntegrationTest
class RosterImportIT {

    private static final String CADRE = "Bearer " + TestTokens.user("xinbin-cadre", "210422100201", "village-cadre");
    private static final String HEADER = "户编号,行政区划代码,农户类别,脱贫不享受政策户,姓名,身份证号,与户主关系,劳动能力\n";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    private final Random random = new Random();
    private final Set<String> drawn = new HashSet<>();

    /** A synthetic ID number not drawn before in this class: two rows naming one person would change what a roster registers. */
    private String idNumber(String county6) {
        String id;
        do {
            id = SyntheticIdNumbers.next(random, county6);
        } while (!drawn.add(id));
        return id;
    }

    @Test
    void shouldKeepGoodHouseholdsReportBadRowsAndIgnoreTheSameFileAgain() throws Exception {
        String good = idNumber("210422");
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String csv = HEADER
                + "H1,210422100201,脱贫户,否,导入甲," + idNumber("210422") + ",户主,有\n"
                + "H1,210422100201,,,导入乙," + idNumber("210422") + ",配偶,部分\n"
                + "H2,210422100201,边缘易致贫户,否,导入丙," + bad + ",户主,很强\n"
                + "H3,210423100201,一般农户,否,导入丁," + idNumber("210423") + ",户主,无\n"
                + "H4,210422100201,一般农户,否,导入戊," + good + ",户主,无\n";
        long before = households();

        JsonNode job = awaitDone(upload("roster.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(job.get("householdsRegistered").asInt()).isEqualTo(2);
        assertThat(job.get("rejectedRows").asInt()).isEqualTo(2);
        assertThat(job.get("totalRows").asInt()).isEqualTo(5);
        assertThat(job.get("percent").asInt()).isEqualTo(100);
        assertThat(households()).isEqualTo(before + 2);
        mvc.perform(get("/api/monitoring/imports/" + job.get("id").asString() + "/errors").header("Authorization", CADRE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.items[?(@.row == 4 && @.column == '身份证号')]").exists())
                .andExpect(jsonPath("$.items[?(@.row == 4 && @.column == '劳动能力')]").exists())
                .andExpect(jsonPath("$.items[?(@.row == 5)].reason").value("只能登记本人管辖范围内的农户。"));

        JsonNode again = JSON.readTree(upload("roster-copy.csv", csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(again.get("id").asString()).isEqualTo(job.get("id").asString());
        String colleague = "Bearer " + TestTokens.user("xinbin-cadre-2", "210422100201", "village-cadre");
        String fromColleague = mvc.perform(multipart("/api/monitoring/imports")
                        .file(new MockMultipartFile("file", "same.csv", null, csv.getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", colleague))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        assertThat(JSON.readTree(fromColleague).get("id").asString()).isEqualTo(job.get("id").asString());
        assertThat(households()).isEqualTo(before + 2);

        String overlapping = HEADER + "H4,210422100201,一般农户,否,导入戊," + good + ",户主,无\n"
                + "H9,210422100201,一般农户,否,冒用," + good + ",户主,无\n"
                + "H9,210422100201,,,新成员," + idNumber("210422") + ",配偶,有\n";
        JsonNode second = awaitDone(upload("roster-2.csv", overlapping.getBytes(StandardCharsets.UTF_8)));
        assertThat(second.get("householdsUnchanged").asInt()).isEqualTo(1);
        assertThat(second.get("rejectedRows").asInt()).isEqualTo(2);
        assertThat(households()).isEqualTo(before + 2);
    }

    @Test
    void shouldImportEveryGoodHouseholdAroundABadRowThenApplyExactlyTheChangedOnes() throws Exception {
        int households = 10_000;
        int bad = 4_321;
        String village = "210422100203";
        String cadre = "Bearer " + TestTokens.user("cadre-203", village, "village-cadre");
        String[] numbers = new String[households];
        for (int h = 0; h < households; h++) {
            numbers[h] = seriesSeven(h);
        }
        StringBuilder first = new StringBuilder(HEADER);
        for (int h = 0; h < households; h++) {
            // one bad row: a relationship over 20 characters and a NUL in the name
            String relationship = h == bad ? "户主".repeat(11) : "户主";
            String name = h == bad ? "含\u0000字符" : "批量" + h;
            first.append("B").append(h).append(',').append(village).append(",脱贫户,否,").append(name)
                    .append(',').append(numbers[h]).append(',').append(relationship).append(",有\n");
        }
        JsonNode job = awaitDone(upload("batch.csv", first.toString().getBytes(StandardCharsets.UTF_8), cadre), cadre);

        assertThat(job.get("householdsRegistered").asInt()).isEqualTo(households - 1);
        assertThat(job.get("householdsRefused").asInt()).isEqualTo(1);
        assertThat(job.get("rejectedRows").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from household where division_code = :v").param("v", village)
                .query(Long.class).single()).isEqualTo(households - 1);
        mvc.perform(get("/api/monitoring/imports/" + job.get("id").asString() + "/errors").header("Authorization", cadre))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].row").value(bad + 2))
                .andExpect(jsonPath("$.items[0].column").value("姓名"))
                .andExpect(jsonPath("$.items[0].reason").value("含有不可见的控制字符"));

        // the same roster with the bad rows mended and 100 households changed: a member's labour capacity
        StringBuilder second = new StringBuilder(HEADER);
        for (int h = 0; h < households; h++) {
            String labour = h % 100 == 7 ? "无" : "有";
            second.append("B").append(h).append(',').append(village).append(",脱贫户,否,批量").append(h).append(',')
                    .append(numbers[h]).append(",户主,").append(labour).append('\n');
        }
        JsonNode preview = awaitStatus(upload("batch-2.csv", second.toString().getBytes(StandardCharsets.UTF_8), cadre, true),
                cadre, "PREVIEWED");
        assertThat(preview.get("householdsChanged").asInt()).isEqualTo(100);
        assertThat(preview.get("householdsRegistered").asInt()).isEqualTo(1);
        assertThat(changedCapacities(village)).isZero();
        String id = preview.get("id").asString();
        mvc.perform(get("/api/monitoring/imports/" + id + "/changes?size=5").header("Authorization", cadre))
                .andExpect(jsonPath("$.total").value(100))
                .andExpect(jsonPath("$.items[0].kind").value("LABOUR_CAPACITY"))
                .andExpect(jsonPath("$.items[0].applied").value(false));

        mvc.perform(post("/api/monitoring/imports/" + id + "/confirmation").header("Authorization", cadre))
                .andExpect(status().isAccepted());
        JsonNode applied = awaitStatus(id, cadre, "DONE");

        assertThat(applied.get("householdsChanged").asInt()).isEqualTo(100);
        assertThat(applied.get("householdsUnchanged").asInt()).isEqualTo(households - 101);
        assertThat(applied.get("householdsRegistered").asInt()).isEqualTo(1);
        assertThat(changedCapacities(village)).isEqualTo(100);
        assertThat(jdbc.sql("select count(*) from household_revision r join household h on h.id = r.household_id "
                + "where h.division_code = :v").param("v", village).query(Long.class).single()).isEqualTo(100);
    }

    @Test
    void shouldRefuseAnOldRosterThatBringsBackAMemberRecordedAsDead() throws Exception {
        String head = idNumber("210422");
        String spouse = idNumber("210422");
        String roster = HEADER + "D1,210422100201,脱贫户,否,减员户主," + head + ",户主,有\n"
                + "D1,210422100201,,,减员配偶," + spouse + ",配偶,无\n";
        awaitDone(upload("departed.csv", roster.getBytes(StandardCharsets.UTF_8)));
        String household = jdbc.sql("select cast(household_id as varchar) from household_member where id_number = :n")
                .param("n", spouse).query(String.class).single();
        String member = jdbc.sql("select cast(id as varchar) from household_member where id_number = :n")
                .param("n", spouse).query(String.class).single();
        mvc.perform(post("/api/monitoring/households/" + household + "/changes").header("Authorization", CADRE)
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"MEMBER_LEFT\",\"reason\":\"DEATH\",\"effectiveOn\":\""
                                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")) + "\",\"memberId\":\"" + member + "\"}"))
                .andExpect(status().isCreated());

        // the same roster, one cell different so it is a new file: the dead member must not come back
        JsonNode again = awaitDone(upload("departed-again.csv", roster.replace("减员户主", "减员户主甲")
                .getBytes(StandardCharsets.UTF_8)));

        assertThat(again.get("householdsRefused").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from household_member where id_number = :n and status = 'ACTIVE'")
                .param("n", spouse).query(Long.class).single()).isZero();
        mvc.perform(get("/api/monitoring/imports/" + again.get("id").asString() + "/errors").header("Authorization", CADRE))
                .andExpect(jsonPath("$.items[0].reason").value(org.hamcrest.Matchers.containsString("已登记减少")))
                .andExpect(jsonPath("$.items[0].reason").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.containsString(spouse))));
    }

    @Test
    void shouldImportAnXlsxRosterStreamed() throws Exception {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            var sheet = workbook.createSheet("花名册");
            String[] header = HEADER.trim().split(",");
            var head = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                head.createCell(c).setCellValue(header[c]);
            }
            for (int i = 1; i <= 30; i++) {
                var row = sheet.createRow(i);
                String[] cells = {"X" + ((i + 1) / 2), "210422100202", "边缘易致贫户", "否", "表格" + i,
                        idNumber("210422"), i % 2 == 1 ? "户主" : "子女", "有"};
                for (int c = 0; c < cells.length; c++) {
                    row.createCell(c).setCellValue(cells[c]);
                }
            }
            workbook.write(xlsx);
            workbook.dispose();
        }
        String cadre202 = "Bearer " + TestTokens.user("cadre-202", "210422100202", "village-cadre");

        var response = mvc.perform(multipart("/api/monitoring/imports")
                        .file(new MockMultipartFile("file", "roster.xlsx", null, xlsx.toByteArray()))
                        .header("Authorization", cadre202))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        String id = JSON.readTree(response).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(id, cadre202).equals("DONE"));

        mvc.perform(get("/api/monitoring/imports/" + id).header("Authorization", cadre202))
                .andExpect(jsonPath("$.householdsRegistered").value(15))
                .andExpect(jsonPath("$.rejectedRows").value(0));
        mvc.perform(get("/api/monitoring/imports/" + id).header("Authorization", CADRE))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldRefuseAFileThatIsNeitherXlsxNorCsv() throws Exception {
        mvc.perform(multipart("/api/monitoring/imports")
                        .file(new MockMultipartFile("file", "roster.txt", null, "x".getBytes(StandardCharsets.UTF_8)))
                        .header("Authorization", CADRE))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("文件格式不支持"));
    }

    private String upload(String name, byte[] content) throws Exception {
        return upload(name, content, CADRE);
    }

    private String upload(String name, byte[] content, String token) throws Exception {
        return upload(name, content, token, false);
    }

    private String upload(String name, byte[] content, String token, boolean dryRun) throws Exception {
        return mvc.perform(multipart("/api/monitoring/imports").file(new MockMultipartFile("file", name, null, content))
                        .param("dryRun", String.valueOf(dryRun)).header("Authorization", token))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    }

    private JsonNode awaitDone(String submitted) throws Exception {
        return awaitDone(submitted, CADRE);
    }

    private JsonNode awaitDone(String submitted, String token) throws Exception {
        return awaitStatus(JSON.readTree(submitted).get("id").asString(), token, "DONE");
    }

    private JsonNode awaitStatus(String submittedOrId, String token, String status) throws Exception {
        String id = submittedOrId.startsWith("{") ? JSON.readTree(submittedOrId).get("id").asString() : submittedOrId;
        await().atMost(Duration.ofSeconds(180)).until(() -> jobStatus(id, token).equals(status));
        return JSON.readTree(mvc.perform(get("/api/monitoring/imports/" + id).header("Authorization", token))
                .andReturn().getResponse().getContentAsString());
    }

    /** Unique made-up numbers of their own series (sequence digits 7xx), so 10,000 of them never collide. */
    private static String seriesSeven(int n) {
        java.time.LocalDate birth = java.time.LocalDate.of(1950, 1, 1).plusDays(n / 100);
        String first17 = "210422" + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + "7" + String.format("%02d", n % 100);
        return first17 + fushun.platform.pii.ResidentIdNumbers.checkCharacter(first17);
    }

    private long changedCapacities(String village) {
        return jdbc.sql("""
                        select count(*) from household_member m join household h on h.id = m.household_id
                        where h.division_code = :v and m.labour_capacity = 'NONE'""")
                .param("v", village).query(Long.class).single();
    }

    private String jobStatus(String id, String token) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/monitoring/imports/" + id).header("Authorization", token))
                .andReturn().getResponse().getContentAsString()).get("status").asString();
    }

    private long households() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }
}
