package fushun.medicalinsurance.settlement;

import fushun.contracts.Bureau;
import fushun.contracts.feed.MonthlyTotals;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the three tiers (三重保障) paid in a county and month, as {@link MonthlyTotals} lines. Pure:
 * the counting is {@link MonthlyPayments}' one query; here only which lines there are and how
 * they are named.
 */
public final class TierTotals {

    /** The tiers a settlement is paid by, named as the settlement's own fields, labelled as the report shows them. */
    public enum Tier {
        BASIC_INSURANCE("基本医保报销"),
        CRITICAL_ILLNESS("大病保险赔付"),
        MEDICAL_ASSISTANCE("医疗救助");

        private final String label;

        Tier(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A county's month, as the bus keys it: the insured county the settlement was reported with and its month. */
    public record CountyMonth(String county, YearMonth month) {

        public CountyMonth {
            Objects.requireNonNull(county);
            Objects.requireNonNull(month);
        }

        /** The month of the settlement date: a settlement of 31 March is March's, whenever it arrives. */
        public static CountyMonth of(String county, LocalDate settledOn) {
            return new CountyMonth(county, YearMonth.from(settledOn));
        }

        /** The Kafka key: one bureau's county and month, so its totals follow each other in order. */
        public String key() {
            return county + "/" + month + "/" + Bureau.MEDICAL_INSURANCE.name();
        }
    }

    /** What one tier paid in the month: distinct households and persons it paid, and the sum. */
    public record Paid(Tier tier, long households, long persons, BigDecimal amount) {
    }

    private TierTotals() {
    }

    /**
     * One line per tier that paid anything, in tier order; a tier that paid nothing (no settlement
     * of the month above zero in it) has no line, so a month with nothing paid is an empty list.
     */
    public static List<MonthlyTotals.Item> items(List<Paid> paid) {
        return paid.stream()
                .filter(p -> p.amount().signum() > 0)
                .sorted(Comparator.comparing(Paid::tier))
                .map(p -> new MonthlyTotals.Item(p.tier().name(), p.tier().label(), p.households(), p.persons(),
                        p.amount().setScale(2, RoundingMode.HALF_UP)))
                .toList();
    }
}
