package fushun.platform.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.PlatformProperties;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.TestTokens;
import fushun.platform.web.ProblemDetailsAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest
@ContextConfiguration(classes = PlatformTestApplication.class)
@Import({PlatformSecurityConfiguration.class, ProblemDetailsAdvice.class})
@EnableConfigurationProperties(PlatformProperties.class)
class PlatformWebSecurityTest {

    @Autowired MockMvc mvc;

    @Test
    void shouldAnswer401ProblemWhenNoToken() throws Exception {
        mvc.perform(get("/things/210422100201"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(header().string("WWW-Authenticate", "Bearer"));
    }

    @Test
    void shouldAnswer401WhenTokenFromAnotherIssuer() throws Exception {
        mvc.perform(get("/things/210422100201").header("Authorization",
                        "Bearer " + TestTokens.foreignIssuer("x", "210422", "reader")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void shouldAnswer403ProblemWhenRoleMissing() throws Exception {
        mvc.perform(get("/things/210422100201").header("Authorization",
                        "Bearer " + TestTokens.user("x", "210422", "analyst")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("无权访问"));
    }

    @Test
    void shouldAnswer403ProblemWithTheReasonWhenTheCallerSubmittedWhatTheyApprove() throws Exception {
        mvc.perform(post("/things/approvals").param("submittedBy", "clerk")
                        .header("Authorization", "Bearer " + TestTokens.user("clerk", "210422", "reader")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403))
                .andExpect(jsonPath("$.title").value("职责分离（四眼原则）"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("该事项由您本人提交，您不能再审批"),
                        org.hamcrest.Matchers.containsString("You submitted this thing yourself, so you cannot approve it"))));
        mvc.perform(post("/things/approvals").param("submittedBy", "clerk")
                        .header("Authorization", "Bearer " + TestTokens.user("chief", "210422", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.approvedBy").value("chief"));
    }

    @Test
    void shouldAnswer404WhenRecordOutsideJurisdiction() throws Exception {
        mvc.perform(get("/things/210423100201").header("Authorization",
                        "Bearer " + TestTokens.user("x", "210422", "reader")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("未找到"));
        mvc.perform(get("/things/210422100201").header("Authorization",
                        "Bearer " + TestTokens.user("x", "210422", "reader")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.division").value("210422100201"));
    }

    @Test
    void shouldListFieldErrorsWhenBodyInvalid() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\",\"count\":0}")
                        .header("Authorization", "Bearer " + TestTokens.user("x", "210422", "reader")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[?(@.field == 'name')].message").value("名称不能为空"))
                .andExpect(jsonPath("$.errors[?(@.field == 'count')].message").value("数量必须大于零"));
    }
}
