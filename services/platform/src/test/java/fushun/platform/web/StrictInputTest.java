package fushun.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.PlatformProperties;
import fushun.platform.security.PlatformSecurityConfiguration;
import fushun.platform.testapp.PlatformTestApplication;
import fushun.platform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Hostile input answers a 400 problem naming the field, never a 500, and never repeats the value. */
@WebMvcTest
@ContextConfiguration(classes = PlatformTestApplication.class)
@Import({PlatformSecurityConfiguration.class, ProblemDetailsAdvice.class, StrictInputConfiguration.class})
@EnableConfigurationProperties(PlatformProperties.class)
class StrictInputTest {

    /** Written into every refused value: the answer must not contain it. */
    private static final String MARKER = "marker-7f3a";

    @Autowired MockMvc mvc;

    @Test
    void shouldAcceptAWellFormedOrderWithLineBreaksInFreeText() throws Exception {
        send(order("\"name\":\"第一行\\n第二行\\t制表\",\"tags\":[\"a\"],\"parts\":[{\"note\":\"ok\"}],"
                + "\"labels\":{\"k\":\"v\"},\"urgent\":true,\"seats\":\"3\""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("第一行\n第二行\t制表"))
                .andExpect(jsonPath("$.seats").value(3));
    }

    @Test
    void shouldAnswer400WhenABodyFieldHoldsNul() throws Exception {
        expectProblem(send(order("\"name\":\"张\\u0000" + MARKER + "\",\"seats\":1")), "name", "不能含有控制字符（例如 NUL）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0001", "\\u001b", "\\u007f", "\\u0085"})
    void shouldAnswer400WhenABodyFieldHoldsAnotherControlCharacter(String escaped) throws Exception {
        expectProblem(send(order("\"name\":\"张" + escaped + MARKER + "\",\"seats\":1")), "name", "不能含有控制字符（例如 NUL）");
    }

    @Test
    void shouldAnswer400WhenANestedListElementHoldsNul() throws Exception {
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"parts\":[{\"note\":\"ok\"},{\"note\":\"a\\u0000" + MARKER + "\"}]")),
                "parts[1].note", "不能含有控制字符（例如 NUL）");
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"tags\":[\"ok\",\"a\\u0000" + MARKER + "\"]")),
                "tags[1]", "不能含有控制字符（例如 NUL）");
    }

    @Test
    void shouldAnswer400WhenAMapKeyOrValueHoldsNul() throws Exception {
        send(order("\"name\":\"x\",\"seats\":1,\"labels\":{\"k\\u0000" + MARKER + "\":\"v\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(MARKER))));
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"labels\":{\"k\":\"v\\u0000" + MARKER + "\"}")),
                "labels.k", "不能含有控制字符（例如 NUL）");
    }

    @Test
    void shouldAnswer400WhenAListHoldsNull() throws Exception {
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"tags\":[\"a\",null]")), "tags[1]", "不能为空值（null）");
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"parts\":[null]")), "parts[0]", "不能为空值（null）");
    }

    @Test
    void shouldAnswer400WhenAYesNoIsSentAsTextOrNumber() throws Exception {
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"urgent\":\"true\"")), "urgent",
                "类型或格式不对（是/否只能为 true 或 false，整数不能带小数，日期如 2026-03-01）");
        expectProblem(send(order("\"name\":\"x\",\"seats\":1,\"urgent\":1")), "urgent",
                "类型或格式不对（是/否只能为 true 或 false，整数不能带小数，日期如 2026-03-01）");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "2.0", "\"1.5\"", "null"})
    void shouldAnswer400WhenAnIntegerIsNotAWholeNumber(String seats) throws Exception {
        send(order("\"name\":\"x\",\"seats\":" + seats))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("seats"));
    }

    @Test
    void shouldAnswer400WhenAMethodValidationProxyRefusesAParameter() throws Exception {
        expectProblem(mvc.perform(get("/proxied-things").queryParam("size", "100000").header("Authorization", bearer())),
                "size", "每页最多200条");
        mvc.perform(get("/proxied-things").queryParam("size", "20").header("Authorization", bearer()))
                .andExpect(status().isOk());
    }

    @Test
    void shouldAnswer400WhenAQueryParameterHoldsNul() throws Exception {
        expectProblem(mvc.perform(get("/things").queryParam("q", "张\u0000" + MARKER).header("Authorization", bearer())),
                "q", "不能含有控制字符");
        expectProblem(mvc.perform(get("/things").queryParam("q", "张\n" + MARKER).header("Authorization", bearer())),
                "q", "不能含有控制字符");
        mvc.perform(get("/things").queryParam("q", "张三").header("Authorization", bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.q").value("张三"));
    }

    @Test
    void shouldAnswer400WhenAPathVariableHoldsAControlCharacter() throws Exception {
        expectProblem(mvc.perform(get("/things/{division}", "2104\u0001" + MARKER).header("Authorization", bearer())),
                "division", "不能含有控制字符");
    }

    @Test
    void shouldAnswer400WhenAPathVariableHoldsNul() throws Exception {
        mvc.perform(get("/things/{division}", "2104\u0000" + MARKER).header("Authorization", bearer()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(MARKER))));
    }

    @Test
    void shouldNameNoFieldButStillAnswer400WhenTheBodyIsNotJson() throws Exception {
        send("{\"name\":").andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void shouldKeepControlCharactersOutOfTheParameterRuleOnlyForTabCrLfInBodies() {
        assertThat(ControlCharacters.inText("a\tb\r\nc")).isFalse();
        assertThat(ControlCharacters.inParameter("a\tb")).isTrue();
        assertThat(ControlCharacters.inText("a\u0000")).isTrue();
        assertThat(ControlCharacters.inText("a\u009f")).isTrue();
        assertThat(ControlCharacters.inText("抚顺市·新宾县 (A-1)")).isFalse();
        assertThat(ControlCharacters.inText(null)).isFalse();
    }

    private static String order(String fields) {
        return "{" + fields + "}";
    }

    private ResultActions send(String json) throws Exception {
        MockHttpServletRequestBuilder request = post("/things/orders").contentType(MediaType.APPLICATION_JSON)
                .content(json).header("Authorization", bearer());
        return mvc.perform(request);
    }

    private static String bearer() {
        return "Bearer " + TestTokens.user("x", "210422", "reader");
    }

    private static void expectProblem(ResultActions result, String field, String message) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("请求无效"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].message").value(message))
                .andExpect(jsonPath("$.trace").doesNotExist());
        String body = result.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(body).doesNotContain(MARKER).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("tools.jackson");
    }
}
