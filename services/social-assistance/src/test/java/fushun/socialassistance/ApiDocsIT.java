package fushun.socialassistance;

import static org.hamcrest.Matchers.containsString;
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
        super("social-assistance");
    }

    @Test
    void shouldDescribeTheApiUnderTheServicePrefix() throws Exception {
        mvc.perform(get("/api/social-assistance/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/social-assistance/cases']").exists())
                .andExpect(jsonPath("$.paths['/api/social-assistance/applications/{applicationId}/decision'].post").exists())
                .andExpect(jsonPath("$.paths['/api/social-assistance/reserve-funds/{township}/payouts'].post").exists())
                .andExpect(jsonPath("$.paths['/api/social-assistance/parameters']").exists());
    }

    /** A grant's review reads {eligible, reason}, not the payout review's {approve, note}. */
    @Test
    void shouldDescribeTheBodyEachReviewReads() throws Exception {
        mvc.perform(get("/api/social-assistance/api-docs"))
                .andExpect(jsonPath("$.paths['/api/social-assistance/grants/{grantId}/reviews'].post.requestBody"
                        + ".content['application/json'].schema['$ref']").value("#/components/schemas/GrantReview"))
                .andExpect(jsonPath("$.components.schemas.GrantReview.properties.eligible").exists())
                .andExpect(jsonPath("$.components.schemas.GrantReview.properties.reason").exists())
                .andExpect(jsonPath("$.paths['/api/social-assistance/reserve-funds/{township}/payouts/{movementId}/review']"
                        + ".post.requestBody.content['application/json'].schema['$ref']").value("#/components/schemas/PayoutReview"))
                .andExpect(jsonPath("$.components.schemas.PayoutReview.properties.approve").exists());
    }

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
        docs.andExpect(jsonPath("$.paths['/api/social-assistance/applications'].post.responses['200']").doesNotExist())
                .andExpect(jsonPath("$.paths['/api/social-assistance/applications'].post.responses['201'].headers.Location").exists());
    }
}
