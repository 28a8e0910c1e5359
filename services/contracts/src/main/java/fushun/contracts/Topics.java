package fushun.contracts;

import java.util.List;

/**
 * Topic names: {@code <service>.<aggregate>.v<major>}. Dead letters go to {@code <topic>.DLT}.
 * The README's topic catalogue mirrors this class.
 */
public final class Topics {

    public static final String MONITORING_HOUSEHOLD = "monitoring.household.v1";
    public static final String MONITORING_RISK_ALERT = "monitoring.risk-alert.v1";

    public static final String MEDICAL_INSURANCE_SIGNAL = "medical-insurance.signal.v1";
    public static final String MEDICAL_INSURANCE_MEASURE = "medical-insurance.measure.v1";
    /** Whether each month's settlements arrived by the deadline. */
    public static final String MEDICAL_INSURANCE_FEED = "medical-insurance.feed.v1";
    public static final String SOCIAL_ASSISTANCE_SIGNAL = "social-assistance.signal.v1";
    public static final String SOCIAL_ASSISTANCE_MEASURE = "social-assistance.measure.v1";
    /** Dibao, 特困 and temporary-aid status changes, for medical insurance, employment and housing safety. */
    public static final String SOCIAL_ASSISTANCE_STATUS = "social-assistance.status.v1";
    public static final String HOUSING_SAFETY_SIGNAL = "housing-safety.signal.v1";
    public static final String HOUSING_SAFETY_MEASURE = "housing-safety.measure.v1";
    public static final String EMPLOYMENT_SIGNAL = "employment.signal.v1";
    public static final String EMPLOYMENT_MEASURE = "employment.measure.v1";
    public static final String ASSET_MANAGEMENT_MEASURE = "asset-management.measure.v1";

    public static final String DEAD_LETTER_SUFFIX = ".DLT";

    private Topics() {
    }

    public static List<String> all() {
        return List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT,
                MEDICAL_INSURANCE_SIGNAL, MEDICAL_INSURANCE_MEASURE, MEDICAL_INSURANCE_FEED,
                SOCIAL_ASSISTANCE_SIGNAL, SOCIAL_ASSISTANCE_MEASURE, SOCIAL_ASSISTANCE_STATUS,
                HOUSING_SAFETY_SIGNAL, HOUSING_SAFETY_MEASURE,
                EMPLOYMENT_SIGNAL, EMPLOYMENT_MEASURE,
                ASSET_MANAGEMENT_MEASURE);
    }

    /** Every bureau signal topic: monitoring listens to all of them. */
    public static List<String> signals() {
        return all().stream().filter(t -> t.endsWith(".signal.v1")).toList();
    }

    /** Every bureau measure topic: monitoring closes the loop from them. */
    public static List<String> measures() {
        return all().stream().filter(t -> t.endsWith(".measure.v1")).toList();
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
