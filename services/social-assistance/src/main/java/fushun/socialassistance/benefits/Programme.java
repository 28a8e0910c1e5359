package fushun.socialassistance.benefits;

import fushun.contracts.socialassistance.AssistanceStatusChanged;

/** The two programmes with applications and monthly payments. */
public enum Programme {
    DIBAO("低保", "DIBAO", "dibao.review-months"),
    TEKUN("特困供养", "TEKUN", "tekun.review-months");

    private final String label;
    private final String measure;
    private final String reviewMonthsParameter;

    Programme(String label, String measure, String reviewMonthsParameter) {
        this.label = label;
        this.measure = measure;
        this.reviewMonthsParameter = reviewMonthsParameter;
    }

    public String label() {
        return label;
    }

    /** The measure code monitoring records for the assignment. */
    public String measure() {
        return measure;
    }

    String reviewMonthsParameter() {
        return reviewMonthsParameter;
    }

    AssistanceStatusChanged.Programme contract() {
        return AssistanceStatusChanged.Programme.valueOf(name());
    }
}
