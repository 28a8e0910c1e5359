package fushun.monitoring.discovery.web;

import fushun.platform.validation.PlausibleDate;
import fushun.contracts.RiskType;
import fushun.monitoring.discovery.Channel;
import fushun.monitoring.discovery.ClueDecision;
import fushun.monitoring.discovery.Discovery;
import fushun.platform.security.Jurisdiction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Two of the three discovery channels; the third, department comparison, arrives over Kafka. */
@RestController
@RequestMapping("/api/monitoring/households/{householdId}")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'admin')")
class ClueController {

    /** A household's own application (农户主动申请), as the village receives it. */
    record Application(@NotEmpty(message = "至少选择一种风险类型") List<RiskType> riskTypes,
                       @NotBlank(message = "必须填写申请事由") @Size(max = 1000, message = "事由不超过1000字") String description) {
    }

    /** A cadre's follow-up visit (跟踪回访); risks found make it a clue. */
    record Visit(@NotNull(message = "必须填写走访日期") @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "走访日期应在2021-01-01至今天之间") LocalDate visitedOn,
                 @NotBlank(message = "必须填写走访情况") @Size(max = 2000, message = "走访情况不超过2000字") String findings,
                 List<RiskType> riskTypes) {
    }

    private final Discovery discovery;

    ClueController(Discovery discovery) {
        this.discovery = discovery;
    }

    @PostMapping("/applications")
    ClueDecision apply(@PathVariable UUID householdId, @Valid @RequestBody Application application) {
        return discovery.onClue(householdId, Channel.SELF_APPLICATION, application.riskTypes(), application.description(),
                Jurisdiction.current());
    }

    @PostMapping("/visits")
    ClueDecision visit(@PathVariable UUID householdId, @Valid @RequestBody Visit visit, Authentication cadre) {
        return discovery.onVisit(householdId, visit.visitedOn(), visit.findings(),
                        visit.riskTypes() == null ? List.of() : visit.riskTypes(), cadre.getName(), Jurisdiction.current())
                .orElse(new ClueDecision(ClueDecision.Outcome.NO_RISK, List.of(), false, "走访已记录，未发现风险。"));
    }
}
