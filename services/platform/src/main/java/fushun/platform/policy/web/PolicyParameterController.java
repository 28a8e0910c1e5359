package fushun.platform.policy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Content;
import fushun.platform.validation.PlausibleDate;
import fushun.platform.PlatformTime;
import fushun.platform.policy.PolicyChange;
import fushun.platform.policy.PolicyParameters;
import fushun.platform.policy.PolicyValue;
import fushun.platform.security.DivisionCodes;
import fushun.platform.web.RuleViolationException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each service's policy parameters under {@code /api/<service>/parameters}: readable by every
 * signed-in user, changed only by an admin, every change audited with its reason.
 */
@RestController
@Tag(name = "政策参数", description = "本服务按生效日期管理的政策数值（如监测标准、补助标准）：所有登录用户可查，只有管理员可调整，每次调整都记录原因。")
@RequestMapping("/api/${spring.application.name}/parameters")
public class PolicyParameterController {


    /** Body of a change: the new value from a date on, for all ({@code *}) or one division. */
    @Schema(name = "ParameterChange", description = "一次参数调整：从生效日期起对全市（*）或某一行政区划适用的新值")
    public record ParameterChange(
            @NotBlank(message = "必须填写参数名") String name,
            @NotBlank(message = "必须填写适用范围") @Pattern(regexp = "\\*|\\d{6}|\\d{9}|\\d{12}",
                    message = "适用范围应为 * 或行政区划代码") String scope,
            // a parameter may be set up to two years ahead (next year's line); none applies before the first line
            @NotNull(message = "必须填写生效日期")
            @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, maxDaysAhead = 730,
                    message = "生效日期应在2021-01-01至两年后之间") LocalDate effectiveFrom,
            @NotNull(message = "必须填写参数值") @DecimalMin(value = "0", message = "参数值不能为负") BigDecimal value,
            @NotBlank(message = "必须说明调整原因") @Size(max = 500, message = "原因不超过500字") String reason) {
    }

    private final PolicyParameters parameters;
    private final Clock clock;

    public PolicyParameterController(PolicyParameters parameters, Clock clock) {
        this.parameters = parameters;
        this.clock = clock;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "查看现行政策参数", description = "本服务的全部政策参数及其今天适用的值，按参数名和适用范围列出。参数不多（几十个），不分页。")
    public List<PolicyValue> all() {
        return parameters.all();
    }

    @GetMapping("/{name}/changes")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "查看参数的调整记录", description = "一个参数的全部版本：每次调整的适用范围、生效日期、值、调整人和原因，按生效日期排列。")
    public List<PolicyChange> changes(@PathVariable String name) {
        return parameters.changesOf(name);
    }

    @PostMapping
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "调整政策参数", description = "管理员从今天或以后的某一天起调整一个参数的值（已生效的值不能改），必须说明原因；调整记入审计。")
    public PolicyValue change(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"name": "monitoring.line", "scope": "*", "effectiveFrom": "2027-01-01", "value": 10700, "reason": "按省里公布的2027年度监测范围调整"}"""))) @Valid @RequestBody ParameterChange change, Authentication admin) {
        if (!"*".equals(change.scope()) && !DivisionCodes.isWellFormed(change.scope())) {
            throw new RuleViolationException("适用范围无效", "适用范围应为 * 或行政区划代码。");
        }
        try {
            return parameters.change(change.name(), change.scope(), change.effectiveFrom(), change.value(),
                    admin.getName(), change.reason(), PlatformTime.today(clock));
        } catch (IllegalArgumentException e) {
            throw new RuleViolationException("参数调整被拒绝",
                    e.getMessage().startsWith("unknown") ? "没有这个参数：" + change.name() + "。"
                            : "已生效的参数值不能修改，调整只能从今天或以后生效。");
        }
    }
}
