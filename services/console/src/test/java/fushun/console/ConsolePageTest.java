package fushun.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class ConsolePageTest {

    @Autowired MockMvc mvc;

    @Test
    void shouldServeChineseStartPageWithApiEntries() throws Exception {
        byte[] page = mvc.perform(get("/index.html"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        assertThat(new String(page, StandardCharsets.UTF_8))
                .contains("抚顺市防止返贫动态监测和帮扶平台")
                .contains("/api/social-assistance")
                .contains("lang=\"zh-CN\"");
    }

    @Test
    void shouldReportReadiness() throws Exception {
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
    }
}
