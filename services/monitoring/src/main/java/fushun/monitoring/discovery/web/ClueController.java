package fushun.monitoring.discovery.web;

import fushun.platform.validation.PlausibleDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "风险线索", description = "发现监测对象的两种渠道：农户主动申请和基层干部跟踪回访（第三种渠道部门信息比对经消息接收）。线索按农户类别决定去向：已在监测范围的农户立即预警，脱贫户先预警并进入认定程序，一般农户进入村、乡、县认定程序（因灾、因意外事故的先帮扶后认定）。")
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
    @Operation(summary = "登记农户申请", description = "村级受理农户的主动申请（风险类型和申请事由），按农户类别决定去向并返回：EXCLUDED（脱贫不享受政策户，只记录）、ALREADY_MONITORED（所报风险已在监测中）、ALERT（立即预警）、ALERT_AND_IDENTIFY（脱贫户，预警并进入认定程序）或 IDENTIFY（一般农户，进入认定程序）。村干部、乡镇审核人员和管理员可办理；农户不在本人辖区时答 404。")
    ClueDecision apply(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"riskTypes": ["ILLNESS"], "description": "户主2026年10月确诊尿毒症，需长期透析，家庭医疗支出大幅增加，申请纳入监测。"}"""))) @Valid @RequestBody Application application) {
        return discovery.onClue(householdId, Channel.SELF_APPLICATION, application.riskTypes(), application.description(),
                Jurisdiction.current());
    }

    @PostMapping("/visits")
    @Operation(summary = "登记走访情况", description = "记录基层干部的一次跟踪回访；填了风险类型的按线索处理，返回的去向与农户申请相同，没有发现风险时返回 NO_RISK。村干部、乡镇审核人员和管理员可办理；农户不在本人辖区时答 404。")
    ClueDecision visit(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"visitedOn": "2026-11-18", "findings": "入户走访：住房西墙出现贯通裂缝，雨季有倒塌危险；家中务工收入稳定。", "riskTypes": ["UNSAFE_HOUSING"]}"""))) @Valid @RequestBody Visit visit, Authentication cadre) {
        return discovery.onVisit(householdId, visit.visitedOn(), visit.findings(),
                        visit.riskTypes() == null ? List.of() : visit.riskTypes(), cadre.getName(), Jurisdiction.current())
                .orElse(new ClueDecision(ClueDecision.Outcome.NO_RISK, List.of(), false, "走访已记录，未发现风险。"));
    }
}
