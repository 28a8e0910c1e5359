package fushun.medicalinsurance.provincial;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.net.http.HttpClient;
import java.util.List;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The provincial platform's settlement API, as this platform defines it:
 * <pre>
 * GET {base}/api/v1/settlements?county=210422&amp;after={cursor}&amp;limit=500   (header X-Api-Key)
 * 200 {"settlements":[{"settlementId":"…","idNumber":"…","hospital":"…","settledOn":"2026-03-12",
 *      "totalCost":18600.00,"policyRangeCost":16200.00,"basicInsurancePaid":9720.00}, …],
 *      "nextCursor":"…","hasMore":true}
 * </pre>
 * {@code after} is absent on the first call; {@code nextCursor} is where the next call starts. A
 * plain HTTP call: timeouts, retries, the breaker and the bulkhead are {@link ProvincialCalls}'s.
 */
@Component
public class ProvincialPlatformClient {

    /** A null row is set aside alone as a rejected row (see {@link ProvincialPull}), not the page. */
    public record Page(@JsonSetter(contentNulls = Nulls.SET) List<Row> settlements, String nextCursor,
                       boolean hasMore) {
    }

    /** Read as text, so that a row with an unreadable date or amount is set aside alone, not the page. */
    public record Row(String settlementId, String idNumber, String hospital, String settledOn, String totalCost,
                      String policyRangeCost, String basicInsurancePaid) {
    }

    private final ProvincialProperties properties;
    private final RestClient http;

    public ProvincialPlatformClient(ProvincialProperties properties, RestClient.Builder builder) {
        this.properties = properties;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(properties.timeout()).build());
        // the same limit as the time limiter's, so a call it gave up on ends as soon, and frees its thread
        factory.setReadTimeout(properties.timeout());
        this.http = builder.clone().requestFactory(factory)
                .baseUrl(properties.enabled() ? properties.baseUrl() : "http://localhost")
                .defaultHeader("X-Api-Key", properties.apiKey() == null ? "" : properties.apiKey())
                .build();
    }

    /** One page; any answer but a well-formed 200 is an exception. */
    public Page fetch(String county, String after, int limit) {
        Page page = http.get()
                .uri(u -> {
                    u.path("/api/v1/settlements").queryParam("county", county).queryParam("limit", limit);
                    if (after != null) {
                        u.queryParam("after", after);
                    }
                    return u.build();
                })
                .retrieve()
                .body(Page.class);
        if (page == null || page.settlements() == null) {
            throw new IllegalStateException("the provincial platform answered without a settlements list");
        }
        return page;
    }
}
