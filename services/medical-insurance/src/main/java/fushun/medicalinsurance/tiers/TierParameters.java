package fushun.medicalinsurance.tiers;

import fushun.medicalinsurance.cover.CoverClass;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicySnapshot;
import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The tier rules for one person on one day in one county, from the effective-dated parameters: the
 * critical-illness deductible, ratio and cap (tilted for anyone with a cover class), and the medical
 * assistance ratio of the person's class with the yearly cap.
 */
@Component
public class TierParameters {

    /** The rules and the parameter versions they came from. */
    public record Applied(ThreeTiers.Rules rules, String versions) {
    }

    private static final String DEDUCTIBLE = "medical.critical.deductible";
    private static final String RATIO = "medical.critical.ratio";
    private static final String CAP = "medical.critical.annual-cap";
    private static final String ASSISTANCE_CAP = "medical.assistance.annual-cap";
    private static final String TILT_DEDUCTIBLE = "medical.critical.tilt.deductible-factor";
    private static final String TILT_RATIO = "medical.critical.tilt.ratio-points";

    private final PolicyParameters parameters;

    public TierParameters(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    /**
     * The rules for a batch's rows: the parameters read once (one query), each county, day and class
     * worked out once. Holds one batch's parameters: take a new one per batch, so a change is seen.
     */
    public Batch forBatch() {
        List<String> names = new ArrayList<>(List.of(DEDUCTIBLE, RATIO, CAP, ASSISTANCE_CAP, TILT_DEDUCTIBLE, TILT_RATIO));
        for (CoverClass c : CoverClass.values()) {
            names.add(c.assistanceRatioParameter());
        }
        return new Batch(parameters.snapshot(names));
    }

    /** The rules for a county, day and class; {@link IllegalStateException} when a parameter is not in force then. */
    public static final class Batch {

        private record Key(String county, LocalDate day, Optional<CoverClass> coverClass) {
        }

        private final PolicySnapshot snapshot;
        private final Map<Key, Applied> applied = new HashMap<>();

        private Batch(PolicySnapshot snapshot) {
            this.snapshot = snapshot;
        }

        public Applied rulesFor(String county, LocalDate day, Optional<CoverClass> coverClass) {
            Key key = new Key(county, day, coverClass);
            Applied rules = applied.get(key);
            if (rules == null) {
                rules = TierParameters.rulesFor(snapshot, county, day, coverClass);
                applied.put(key, rules);
            }
            return rules;
        }
    }

    private static Applied rulesFor(PolicySnapshot snapshot, String county, LocalDate day,
                                    Optional<CoverClass> coverClass) {
        List<String> versions = new ArrayList<>();
        BigDecimal deductible = value(snapshot, DEDUCTIBLE, county, day, versions);
        BigDecimal ratio = value(snapshot, RATIO, county, day, versions);
        BigDecimal cap = value(snapshot, CAP, county, day, versions);
        BigDecimal assistanceRatio = BigDecimal.ZERO;
        BigDecimal assistanceCap = value(snapshot, ASSISTANCE_CAP, county, day, versions);
        if (coverClass.isPresent()) {
            deductible = deductible.multiply(value(snapshot, TILT_DEDUCTIBLE, county, day, versions));
            ratio = ratio.add(value(snapshot, TILT_RATIO, county, day, versions)).min(BigDecimal.ONE);
            cap = null;
            assistanceRatio = value(snapshot, coverClass.get().assistanceRatioParameter(), county, day, versions);
        }
        return new Applied(new ThreeTiers.Rules(deductible, ratio, cap, assistanceRatio, assistanceCap),
                String.join(", ", versions));
    }

    private static BigDecimal value(PolicySnapshot snapshot, String name, String county, LocalDate day,
                                    List<String> versions) {
        PolicyValue value = snapshot.required(name, county, day);
        versions.add(value.version());
        return value.value();
    }
}
