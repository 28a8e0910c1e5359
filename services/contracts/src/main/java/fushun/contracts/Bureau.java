package fushun.contracts;

/**
 * The bureaus that answer for a part of the work. Those with a service of their own react over
 * Kafka; the others close their assignments through monitoring's API.
 */
public enum Bureau {
    RURAL_REVITALIZATION("乡村振兴局", true),
    CIVIL_AFFAIRS("民政局", true),
    MEDICAL_INSURANCE("医保局", true),
    HOUSING("住建局", true),
    HUMAN_RESOURCES("人社局", true),
    EDUCATION("教育局", false),
    HEALTH("卫健委", false),
    WATER("水务局", false),
    AGRICULTURE("农业农村局", false),
    DISABLED_PERSONS_FEDERATION("残联", false);

    private final String label;
    private final boolean hasService;

    Bureau(String label, boolean hasService) {
        this.label = label;
        this.hasService = hasService;
    }

    public String label() {
        return label;
    }

    public boolean hasService() {
        return hasService;
    }
}
