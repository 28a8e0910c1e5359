package fushun.contracts;

import java.util.List;
import java.util.Map;

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
    /**
     * A bureau's monthly feed that missed its deadline ({@code FeedDeadlineMissed}), one topic per
     * service that tracks a bureau's duty: civil affairs' status changes, housing's screening,
     * employment's attendance, and monitoring for the bureaus without a service of their own.
     */
    public static final String SOCIAL_ASSISTANCE_FEED = "social-assistance.feed.v1";
    public static final String HOUSING_SAFETY_FEED = "housing-safety.feed.v1";
    public static final String EMPLOYMENT_FEED = "employment.feed.v1";
    public static final String MONITORING_FEED = "monitoring.feed.v1";
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
        return List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT, MONITORING_FEED,
                MEDICAL_INSURANCE_SIGNAL, MEDICAL_INSURANCE_MEASURE, MEDICAL_INSURANCE_FEED,
                SOCIAL_ASSISTANCE_SIGNAL, SOCIAL_ASSISTANCE_MEASURE, SOCIAL_ASSISTANCE_STATUS, SOCIAL_ASSISTANCE_FEED,
                HOUSING_SAFETY_SIGNAL, HOUSING_SAFETY_MEASURE, HOUSING_SAFETY_FEED,
                EMPLOYMENT_SIGNAL, EMPLOYMENT_MEASURE, EMPLOYMENT_FEED,
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

    /**
     * What each service consumes: the broker's access lists grant a service's principal read on
     * these topics (and write on their dead-letter topics) and nothing else. A service writes
     * only the topics named after it ({@code <service>.}). The end-to-end tests run under these
     * lists, so a listener added without its entry here fails them.
     */
    public static List<String> consumedBy(String service) {
        List<String> topics = CONSUMERS.get(service);
        if (topics == null) {
            throw new IllegalArgumentException("no such service on the bus: " + service);
        }
        return topics;
    }

    /** The services that use the bus, each its own principal. */
    public static List<String> services() {
        return CONSUMERS.keySet().stream().sorted().toList();
    }

    private static final Map<String, List<String>> CONSUMERS = Map.of(
            "monitoring", concat(signals(), measures(), List.of(SOCIAL_ASSISTANCE_STATUS)),
            "social-assistance", List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT),
            "medical-insurance", List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT, SOCIAL_ASSISTANCE_STATUS),
            "housing-safety", List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT, SOCIAL_ASSISTANCE_STATUS),
            "employment", List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT, SOCIAL_ASSISTANCE_STATUS),
            "asset-management", List.of(MONITORING_HOUSEHOLD, MONITORING_RISK_ALERT),
            "console", all());

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }

    /**
     * The service that alone may publish on a topic: its name is the topic's first part
     * ({@code social-assistance.measure.v1} → {@code social-assistance}); the same for a
     * dead-letter topic, whatever consumer wrote it.
     */
    public static String ownerOf(String topic) {
        int dot = topic.indexOf('.');
        return dot < 0 ? topic : topic.substring(0, dot);
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
