package fushun.medicalinsurance;

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
        super("medical-insurance");
    }

    @Test
    void shouldDescribeTheApiUnderTheServicePrefix() throws Exception {
        mvc.perform(get("/api/medical-insurance/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/medical-insurance/settlements'].post").exists())
                .andExpect(jsonPath("$.paths['/api/medical-insurance/households/{householdId}/year-to-date']").exists())
                .andExpect(jsonPath("$.paths['/api/medical-insurance/premium-subsidies.xlsx'].get.responses['200'].content"
                        + "['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']").exists())
                .andExpect(jsonPath("$.paths['/api/medical-insurance/parameters']").exists());
    }
}
