package fushun.platform.policy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One audited change of a parameter. */
public record PolicyChange(String name, String scope, LocalDate effectiveFrom, BigDecimal oldValue, BigDecimal newValue,
                           String changedBy, String reason, Instant changedAt) {
}
