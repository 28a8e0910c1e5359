package fushun.socialassistance;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.testsupport.ServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The OpenAPI description documents the 403 problem of every step that separation of duties guards. */
@ServiceIntegrationTest
class ApiDocsIT {

    @Autowired MockMvc mvc;

    @Test
    void shouldDocumentTheForbiddenProblemOfEveryGuardedStep() throws Exception {
        var docs = mvc.perform(get("/api/social-assistance/api-docs")).andExpect(status().isOk());
        for (String path : new String[] {
                "/api/social-assistance/applications",
                "/api/social-assistance/applications/{applicationId}/review",
                "/api/social-assistance/applications/{applicationId}/decision",
                "/api/social-assistance/grants/{grantId}/reviews",
                "/api/social-assistance/reserve-funds/{township}/payouts",
                "/api/social-assistance/reserve-funds/{township}/payouts/{movementId}/review"}) {
            String forbidden = "$.paths['" + path + "'].post.responses['403']";
            docs.andExpect(jsonPath(forbidden + ".description").value(containsString("职责分离")))
                    .andExpect(jsonPath(forbidden + ".content['application/problem+json']").exists())
                    .andExpect(jsonPath("$.paths['" + path + "'].post.responses['20" + (path.endsWith("applications") ? "1" : "0")
                            + "'].content").exists());
        }
    }
}
