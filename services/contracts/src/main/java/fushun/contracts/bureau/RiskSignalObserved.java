package fushun.contracts.bureau;

import fushun.contracts.Bureau;
import fushun.contracts.RiskType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A bureau saw something in its own data that may put a household at risk (部门信息比对). The
 * figures say what was measured, e.g. {@code selfPayYearToDate} and the {@code threshold} it crossed.
 */
public record RiskSignalObserved(
        UUID signalId,
        UUID householdId,
        Bureau source,
        RiskType riskType,
        String description,
        Map<String, BigDecimal> figures,
        String parameterVersion,
        Instant observedAt) {
}
