package fushun.housingsafety;

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
        super("housing-safety");
    }

    @Test
    void shouldDescribeTheApiUnderTheServicePrefix() throws Exception {
        mvc.perform(get("/api/housing-safety/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/housing-safety/appraisal-tasks']").exists())
                .andExpect(jsonPath("$.paths['/api/housing-safety/appraisals'].post.responses['201']").exists())
                .andExpect(jsonPath("$.paths['/api/housing-safety/renovations/{renovationId}/complete'].post").exists())
                .andExpect(jsonPath("$.paths['/api/housing-safety/screenings']").exists());
    }
}
