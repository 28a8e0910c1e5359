package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The platform's own rules of {@link ApiContract}, on small documents: what passes, and each fault found. */
class ApiContractTest {

    private static final String GOOD = """
            {"openapi": "3.1.0",
             "info": {"title": "示例服务 API", "description": "示例", "version": "%s"},
             "servers": [{"url": "http://localhost:8080"}],
             "tags": [{"name": "住户", "description": "住户登记"}],
             "components": {"securitySchemes": {"keycloak": {"type": "oauth2", "flows": {"authorizationCode": {}}}}},
             "paths": {"/api/example/households/{id}": {"post": {
               "summary": "登记住户", "description": "登记一户。", "tags": ["住户"],
               "requestBody": {"content": {"application/json": {"example": {"name": "张三"}}}},
               "responses": {"201": {"description": "已登记"},
                 "400": {"content": {"application/problem+json": {}}},
                 "401": {"content": {"application/problem+json": {}}},
                 "403": {"content": {"application/problem+json": {}}}}}}}}
            """;

    private static List<String> faults(String document) throws Exception {
        JsonNode api = JsonMapper.builder().build().readTree(document.formatted(milestone()));
        List<String> faults = new ArrayList<>();
        ApiContract.checkDocument(api, "example", faults);
        return faults;
    }

    private static String milestone() throws Exception {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("^## \\[[^]]+] \\((\\d+\\.\\d+\\.\\d+)\\)",
                java.util.regex.Pattern.MULTILINE).matcher(java.nio.file.Files.readString(
                java.nio.file.Path.of(System.getProperty("platform.root", "../..")).resolve("CHANGELOG.md")));
        assertThat(matcher.find()).as("CHANGELOG.md names a milestone").isTrue();
        return matcher.group(1);
    }

    @Test
    void shouldAcceptADocumentThatKeepsTheContract() throws Exception {
        assertThat(faults(GOOD)).isEmpty();
    }

    @Test
    void shouldFindEachFault() throws Exception {
        assertThat(faults(GOOD.replace("\"summary\": \"登记住户\"", "\"summary\": \"register\"")))
                .containsExactly("POST /api/example/households/{id}: a Chinese summary is missing");
        assertThat(faults(GOOD.replace("\"tags\": [\"住户\"]", "\"tags\": [\"household-controller\"]")))
                .containsExactly("POST /api/example/households/{id}: tag \"household-controller\" is not declared"
                        + " with a description (@Tag on the controller)");
        assertThat(faults(GOOD.replace("{\"example\": {\"name\": \"张三\"}}", "{}")))
                .containsExactly("POST /api/example/households/{id}: the JSON request body has no example");
        assertThat(faults(GOOD.replace("\"401\": {\"content\": {\"application/problem+json\": {}}}",
                "\"401\": {\"content\": {\"application/json\": {}}}")))
                .containsExactly("POST /api/example/households/{id}: answer 401 is not documented as application/problem+json");
        assertThat(faults(GOOD.replace("\"201\"", "\"301\""))).containsExactly("POST /api/example/households/{id}: no success answer");
        assertThat(faults(GOOD.replace("\"version\": \"%s\"", "\"version\": \"v0\"")))
                .singleElement().asString().startsWith("info.version \"v0\" is not the milestone");
        assertThat(faults(GOOD.replace("示例服务 API", "OpenAPI definition")))
                .containsExactly("info.title must be the service's Chinese name, not \"OpenAPI definition\"");
    }
}
