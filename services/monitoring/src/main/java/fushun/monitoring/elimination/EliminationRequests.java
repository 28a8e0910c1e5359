package fushun.monitoring.elimination;

import fushun.contracts.RiskType;
import fushun.monitoring.identification.Identifications;
import fushun.platform.web.RuleViolationException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;

    public EliminationRequests(EliminationRecords records, Identifications identifications, JdbcClient jdbc) {
        this.records = records;
        this.identifications = identifications;
        this.jdbc = jdbc;
    }

    /** The household must exist and be in the caller's scope (callers check it first). */
    @Transactional
    public UUID propose(UUID householdId, String divisionCode, String reason) {
        EliminationCheck.Result result = records.check(householdId);
        if (!result.eligible()) {
            throw new NotEligible(result.failures());
        }
        List<RiskType> types = jdbc.sql("select risk_type from monitored_risk where household_id = :h order by risk_type")
                .param("h", householdId).query((rs, n) -> RiskType.valueOf(rs.getString(1))).list();
        return identifications.openElimination(householdId, divisionCode, types, reason);
    }
}
