package fushun.assetmanagement;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.testsupport.ApiDocumentChecks;
import fushun.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;

/** The OpenAPI description is served, without a token, under the service's prefix, and keeps the contract. */
@ServiceIntegrationTest
class ApiDocsIT extends ApiDocumentChecks {

    ApiDocsIT() {
        super("asset-management");
    }

    @Test
    void shouldDescribeTheApiUnderTheServicePrefix() throws Exception {
        mvc.perform(get("/api/asset-management/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/asset-management/assets'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/asset-management/changes/{changeId}/decision'].post").exists())
                .andExpect(jsonPath("$.paths['/api/asset-management/villages/{village}/plans/{year}'].put").exists());
    }
}
