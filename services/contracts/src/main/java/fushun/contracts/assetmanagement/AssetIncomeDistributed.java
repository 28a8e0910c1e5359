package fushun.contracts.assetmanagement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A village's confirmed distribution plan gave a household a share of its poverty-alleviation assets'
 * income (资产收益分配): a measure monitoring records on the household.
 *
 * @param purpose MONITORED_HOUSEHOLD (监测人口防止返贫及帮扶) or OUT_OF_POVERTY_HOUSEHOLD (脱贫人口稳定脱贫)
 */
public record AssetIncomeDistributed(
        UUID distributionId,
        UUID planId,
        UUID householdId,
        String divisionCode,
        int year,
        String purpose,
        BigDecimal amount,
        LocalDate distributedOn,
        Instant recordedAt) {
}
