package fushun.platform.testsupport;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * What every service's {@code ApiDocsIT} shares: the service's own document kept to the contract
 * ({@link ApiContract}). A subclass names its service and adds the checks of its own paths.
 */
public abstract class ApiDocumentChecks {

    @Autowired protected MockMvc mvc;
    @Autowired protected ApplicationContext context;

    private final String service;

    protected ApiDocumentChecks(String service) {
        this.service = service;
    }

    @Test
    void shouldKeepTheApiContract() throws Exception {
        assertThatCode(() -> ApiContract.check(mvc, context, service)).doesNotThrowAnyException();
    }
}
