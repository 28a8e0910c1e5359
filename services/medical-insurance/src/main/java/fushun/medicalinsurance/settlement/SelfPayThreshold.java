package fushun.medicalinsurance.settlement;

import fushun.contracts.HouseholdCategory;
import java.math.BigDecimal;

/** The high-spending rule: pure, so it is tested with tables. */
public final class SelfPayThreshold {

    public static final String MONITORED = "medical.self-pay-threshold.monitored";
    public static final String OTHER = "medical.self-pay-threshold.other";

    private SelfPayThreshold() {
    }

    /** Which parameter applies: the lower one for monitored and out-of-poverty households. */
    public static String parameterFor(HouseholdCategory category) {
        return category.isMonitoredOrOutOfPoverty() ? MONITORED : OTHER;
    }

    /** "Above the threshold": strictly more than it. */
    public static boolean crossed(BigDecimal yearlySelfPay, BigDecimal threshold) {
        return yearlySelfPay.compareTo(threshold) > 0;
    }
}
