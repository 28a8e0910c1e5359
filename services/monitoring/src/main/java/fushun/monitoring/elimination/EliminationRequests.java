package fushun.monitoring.elimination;

import fushun.monitoring.identification.Identifications;
import fushun.monitoring.risk.RiskAlerts;
import fushun.platform.web.RuleViolationException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proposes a household's risks eliminated: the preconditions on today's facts, then the village →
 * township → county procedure opened for its monitored risks. Used by a cadre's proposal and by
 * the county's confirmation of a re-check.
 */
@Service
public class EliminationRequests {

    /** Refused with every unmet precondition. */
    public static class NotEligible extends RuleViolationException {

        private final transient List<EliminationCheck.Failure> failures;

        NotEligible(List<EliminationCheck.Failure> failures) {
            super("不满足风险消除条件", failures.stream().map(EliminationCheck.Failure::message).collect(Collectors.joining(" ")));
            this.failures = List.copyOf(failures);
        }

        public List<EliminationCheck.Failure> failures() {
            return failures;
        }
    }

    private final EliminationRecords records;
    private final Identifications identifications;
    private final RiskAlerts alerts;

    public EliminationRequests(EliminationRecords records, Identifications identifications, RiskAlerts alerts) {
        this.records = records;
        this.identifications = identifications;
        this.alerts = alerts;
    }

    /** The household must exist and be in the caller's scope (callers check it first). */
    @Transactional
    public UUID propose(UUID householdId, String divisionCode, String reason) {
        EliminationCheck.Result result = records.check(householdId);
        if (!result.eligible()) {
            throw new NotEligible(result.failures());
        }
        return identifications.openElimination(householdId, divisionCode, alerts.monitoredRisksByName(householdId), reason);
    }
}
