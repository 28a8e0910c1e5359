package fushun.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.pii.SyntheticIdNumbers;
import fushun.platform.testsupport.ServiceIntegrationTest;
import fushun.platform.testsupport.TestTokens;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
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

    @Test
    void shouldKeepGoodHouseholdsReportBadRowsAndIgnoreTheSameFileAgain() throws Exception {
        String good = SyntheticIdNumbers.next(random, "210422");
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        String csv = HEADER
                + "H1,210422100201,脱贫户,否,导入甲," + SyntheticIdNumbers.next(random, "210422") + ",户主,有\n"
                + "H1,210422100201,,,导入乙," + SyntheticIdNumbers.next(random, "210422") + ",配偶,部分\n"
                + "H2,210422100201,边缘易致贫户,否,导入丙," + bad + ",户主,很强\n"
                + "H3,210423100201,一般农户,否,导入丁," + SyntheticIdNumbers.next(random, "210423") + ",户主,无\n"
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
                .andExpect(jsonPath("$[?(@.row == 4 && @.column == '身份证号')]").exists())
                .andExpect(jsonPath("$[?(@.row == 4 && @.column == '劳动能力')]").exists())
                .andExpect(jsonPath("$[?(@.row == 5)].reason").value("只能登记本人管辖范围内的农户。"));

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
                + "H9,210422100201,,,新成员," + SyntheticIdNumbers.next(random, "210422") + ",配偶,有\n";
        JsonNode second = awaitDone(upload("roster-2.csv", overlapping.getBytes(StandardCharsets.UTF_8)));
        assertThat(second.get("householdsUnchanged").asInt()).isEqualTo(1);
        assertThat(second.get("rejectedRows").asInt()).isEqualTo(2);
        assertThat(households()).isEqualTo(before + 2);
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
                        SyntheticIdNumbers.next(random, "210422"), i % 2 == 1 ? "户主" : "子女", "有"};
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
        return mvc.perform(multipart("/api/monitoring/imports").file(new MockMultipartFile("file", name, null, content))
                        .header("Authorization", CADRE))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    }

    private JsonNode awaitDone(String submitted) throws Exception {
        String id = JSON.readTree(submitted).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(() -> jobStatus(id, CADRE).equals("DONE"));
        return JSON.readTree(mvc.perform(get("/api/monitoring/imports/" + id).header("Authorization", CADRE))
                .andReturn().getResponse().getContentAsString());
    }

    private String jobStatus(String id, String token) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/monitoring/imports/" + id).header("Authorization", token))
                .andReturn().getResponse().getContentAsString()).get("status").asString();
    }

    private long households() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }
}
