package fushun.monitoring.screening.web;

import fushun.platform.validation.PlausibleDate;
import fushun.monitoring.screening.MonthlyScreening;
import fushun.monitoring.screening.ScreeningResult;
import fushun.monitoring.screening.ScreeningRun;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Run the month's screening over the caller's division and read the households found at risk. */
@RestController
@Tag(name = "月度排查", description = "村组每月摸排：按研判规则对当前用户辖区内的全部农户排查某月，保存有风险的农户及原因，供逐户核实。")
@RequestMapping("/api/monitoring/screenings")
@PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'admin')")
class ScreeningController {

    record ScreeningRequest(@NotNull(message = "必须填写月份，如 2026-11") @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, message = "月份应在2021-01至本月之间") YearMonth month) {
    }

    private final MonthlyScreening screening;

    ScreeningController(MonthlyScreening screening) {
        this.screening = screening;
    }

    @PostMapping
    @Operation(summary = "运行月度排查", description = "对当前用户辖区内享受政策的全部农户排查某月（该年收入、当月风险信号、月末适用的监测线和上浮比例），返回排查户数、有风险户数、没有收入数据的户数和参数版本。村干部、乡镇审核人员、县级审批人和管理员可办理；该月没有监测线（2021年以前）时答 400。")
    ScreeningRun run(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"month": "2026-11"}"""))) @Valid @RequestBody ScreeningRequest request, Authentication caller) {
        return screening.run(request.month(), Jurisdiction.current(), caller.getName());
    }

    @GetMapping("/{id}/results")
    @Operation(summary = "查看排查结果", description = "分页列出一次排查中有风险的农户（限本人辖区）：尚未监测的新风险在前，已在监测的在后，每户附依据的规则、风险类型和说明，附总数。村干部、乡镇审核人员、县级审批人和管理员可查。")
    Page<ScreeningResult> results(@Parameter(description = "排查 ID") @PathVariable UUID id,
                                  @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                  @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "100") @Min(value = 1, message = "每页至少1条")
                                  @Max(value = 500, message = "每页最多500条") int size) {
        return screening.results(id, Jurisdiction.current(), page, size);
    }
}
