package fushun.medicalinsurance.provincial.web;

import fushun.medicalinsurance.provincial.ProvincialPull;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The provincial platform pull: where each county stands, the breaker's state, a pull on demand. */
@RestController
@Tag(name = "省级平台拉取", description = "从省级医保平台按县区拉取结算数据（按游标续拉，经熔断保护）：查看各县区的拉取进度和熔断器状态，必要时立即拉取一次；医保经办人员和管理员可用。")
@PreAuthorize("hasAnyRole('medical-insurance-officer', 'admin')")
class ProvincialController {

    private final ProvincialPull pull;
    private final ProvincialWebMapper mapper;

    ProvincialController(ProvincialPull pull, ProvincialWebMapper mapper) {
        this.pull = pull;
        this.mapper = mapper;
    }

    @GetMapping("/api/medical-insurance/provincial/status")
    @Operation(summary = "查看省级平台拉取状态", description = "是否配置了省级平台、熔断器状态，以及当前用户辖区内各县区的游标、已拉取条数、最近一次成功和失败的时间及错误。医保经办人员和管理员可查。")
    ProvincialViews.StatusView status() {
        Jurisdiction jurisdiction = Jurisdiction.current();
        ProvincialPull.Status all = pull.status();
        return mapper.toView(new ProvincialPull.Status(all.enabled(), all.breakerState(),
                all.counties().stream().filter(c -> jurisdiction.covers(c.county())).toList()));
    }

    @PostMapping("/api/medical-insurance/provincial/pulls")
    @Operation(summary = "立即拉取一个县区", description = "医保经办人员或管理员从该县区的游标起立即拉取省级平台的结算数据，直到没有更多或达到单次页数上限；逐行处理与报送接口相同，按结算单号去重。"
            + "省级平台出错时仍答 200，failed 为 true 并附错误。本环境未配置省级平台时答 422，县区不在拉取范围或辖区内答 404。")
    @ApiResponse(responseCode = "200", description = "本次拉取的页数和各结果的行数")
    @ApiResponse(responseCode = "404", description = "该县区不在拉取范围内，或不在当前用户的辖区内",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    ProvincialViews.PullResultView pullNow(@Parameter(description = "县区行政区划代码（6位，如 210422）") @RequestParam String county) {
        if (!pull.enabled()) {
            throw new RuleViolationException("未配置省级平台", "本环境没有配置省级医保平台地址，无法拉取。");
        }
        if (!pull.counties().contains(county) || !Jurisdiction.current().covers(county)) {
            throw new NotFoundException("该县区不在拉取范围内。");
        }
        return mapper.toView(pull.pull(county));
    }
}
