package fushun.medicalinsurance;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fushun.platform.testsupport.TestTokens;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Settlement batches as the medical-insurance system sends them, for the service's integration tests. */
final class SettlementBatches {

    /** The integration client's token (client credentials), for the whole city. */
    static final String CLIENT = "Bearer " + TestTokens.user("service-account-medical-insurance-integration",
            "210400", "medical-insurance-integration");

    private SettlementBatches() {
    }

    /** Posts a batch as the integration client; the API answers 200 whatever its rows' outcomes. */
    static ResultActions postBatch(MockMvc mvc, String body) throws Exception {
        return mvc.perform(post("/api/medical-insurance/settlements").header("Authorization", CLIENT)
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk());
    }

    /** A settlement of this year whose whole cost is inside the policy range, insured where the ID number was issued. */
    static String row(String id, String idNumber, String total, String basic) {
        return """
                {"settlementId":"%s","idNumber":"%s","insuredCounty":"%s","hospital":"抚顺市示例医院","settledOn":"%s",
                 "totalCost":%s,"policyRangeCost":%s,"basicInsurancePaid":%s}"""
                .formatted(id, idNumber, idNumber.substring(0, 6), LocalDate.of(LocalDate.now().getYear(), 1, 15),
                        total, total, basic);
    }

    static String batch(String... rows) {
        return "{\"settlements\":[" + String.join(",", rows) + "]}";
    }
}
