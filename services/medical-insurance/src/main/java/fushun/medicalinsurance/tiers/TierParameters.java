package fushun.medicalinsurance.tiers;

import fushun.medicalinsurance.cover.CoverClass;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    private final PolicyParameters parameters;

    public TierParameters(PolicyParameters parameters) {
        this.parameters = parameters;
    }

    public Applied rulesFor(String county, LocalDate day, Optional<CoverClass> coverClass) {
        List<String> versions = new ArrayList<>();
        BigDecimal deductible = value("medical.critical.deductible", county, day, versions);
        BigDecimal ratio = value("medical.critical.ratio", county, day, versions);
        BigDecimal cap = value("medical.critical.annual-cap", county, day, versions);
        BigDecimal assistanceRatio = BigDecimal.ZERO;
        BigDecimal assistanceCap = value("medical.assistance.annual-cap", county, day, versions);
        if (coverClass.isPresent()) {
            deductible = deductible.multiply(value("medical.critical.tilt.deductible-factor", county, day, versions));
            ratio = ratio.add(value("medical.critical.tilt.ratio-points", county, day, versions)).min(BigDecimal.ONE);
            cap = null;
            assistanceRatio = value(coverClass.get().assistanceRatioParameter(), county, day, versions);
        }
        return new Applied(new ThreeTiers.Rules(deductible, ratio, cap, assistanceRatio, assistanceCap),
                String.join(", ", versions));
    }

    private BigDecimal value(String name, String county, LocalDate day, List<String> versions) {
        PolicyValue value = parameters.required(name, county, day);
        versions.add(value.version());
        return value.value();
    }
}
