package fushun.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessLogTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/api/monitoring/households/11111111111111111X/alerts | /api/monitoring/households/***/alerts",
            "/api/x/222222222222222222                            | /api/x/***",
            "/api/x/333333333333333                               | /api/x/***",
            "/api/x/13900000000/y                                 | /api/x/***/y",
            "/api/asset-management/villages/210422100201/households | /api/asset-management/villages/210422100201/households",
            "/api/console/dashboard                               | /api/console/dashboard",
    })
    void shouldMaskIdAndMobileNumbersButKeepDivisionCodes(String path, String logged) {
        assertThat(AccessLog.masked(path)).isEqualTo(logged);
    }
}
