package fushun.console.web;

import fushun.console.readmodel.Dashboards;
import fushun.console.readmodel.FeedGrid;
import fushun.platform.PlatformTime;
import fushun.platform.web.RuleViolationException;
import fushun.platform.security.Jurisdiction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's own API: the read model's views, and what the browser needs to sign in. */
@RestController
@Tag(name = "控制台", description = "控制台页面所用的数据，来自各部门发布的事件：驾驶舱的指标与图表、报送完整性、农户跨部门的时间线，以及不需登录的公开统计和登录配置。")
class ConsoleController {

    private final Dashboards dashboards;
    private final FeedGrid feedGrid;
    private final String issuer;
    private final String clientId;

    ConsoleController(Dashboards dashboards, FeedGrid feedGrid, @Value("${console.oidc.issuer}") String issuer,
                      @Value("${console.oidc.client-id}") String clientId) {
        this.dashboards = dashboards;
        this.feedGrid = feedGrid;
        this.issuer = issuer;
        this.clientId = clientId;
    }

    /** Where to sign in: the browser runs the authorization code flow with PKCE against it. */
    @GetMapping("/api/console/public/config")
    @SecurityRequirements
    @Operation(summary = "查看登录配置", description = "浏览器登录所需的配置：Keycloak 签发者地址（issuer）和控制台的客户端编号（clientId），页面据此以授权码加 PKCE 方式登录。不需登录即可访问。")
    @ApiResponse(responseCode = "200", description = "登录配置", content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"issuer": "https://auth.example.org/realms/fushun", "clientId": "fushun-console"}""")))
    Map<String, String> config() {
        return Map.of("issuer", issuer, "clientId", clientId);
    }

    /** Monitored households per county for the public: counts under 5 are suppressed. */
    @GetMapping("/api/console/public/summary")
    @SecurityRequirements
    @Operation(summary = "查看公开统计", description = "面向公众的各县区在监测农户数（已消除风险的不计）；不足5户的只标明不公开（suppressed），不给数字，以免识别到具体农户。不需登录即可访问。")
    List<Dashboards.PublicCount> publicSummary() {
        return dashboards.publicSummary();
    }

    @GetMapping("/api/console/dashboard")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'township-reviewer', 'admin')")
    @Operation(summary = "查看驾驶舱", description = "当前用户辖区（或其中 area 指定的县区、乡镇）的汇总：按下一级区划和按农户类别的农户数与在监测数、最近几个月每月新增预警数、各风险类型的预警数，"
            + "以及识别、预警、帮扶、消除风险的闭环漏斗和各步平均天数。分析人员、县审批人、乡镇审核员和管理员可查；area 不在辖区内答 404。")
    @ApiResponse(responseCode = "200", description = "驾驶舱汇总")
    @ApiResponse(responseCode = "404", description = "area 不在当前用户的辖区内",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    Dashboards.Dashboard dashboard(
            @Parameter(description = "区域：6位县区或9位乡镇代码（如 210422），须在当前用户辖区内；不填为整个辖区") @RequestParam(required = false) @Pattern(regexp = "\\d{6}|\\d{9}", message = "区域应为6位县区或9位乡镇代码") String area,
            @Parameter(description = "统计每月预警数的月数（含本月），1–36") @RequestParam(defaultValue = "12") @Min(value = 1, message = "至少1个月") @Max(value = 36, message = "最多36个月") int months) {
        return dashboards.dashboard(Jurisdiction.current(), area, months);
    }

    @GetMapping("/api/console/feeds")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "查看各部门报送完整性", description = "各部门按月公布的数据报送情况（如医保结算数据）：截止日、应报送和缺报的县区，最新的月份在前，最多60条（约最近12个月）。分析人员、县审批人和管理员可查。")
    List<Dashboards.FeedMonth> feeds() {
        return dashboards.feeds(12);
    }

    /** Every bureau's monthly feed, bureau × month (报送完整性), from the events the bureaus published. */
    @GetMapping("/api/console/feed-grid")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "查看各部门月度报送情况", description = "各部门（行）逐月（列，最新的在前）的数据报送情况，来自各部门服务发布的事件："
            + "MISSED 有县区逾期或缺报（列出本辖区内逾期和缺报的县区代码），ON_TIME 各县区均按时（医保每月公布核查结果），NONE_REPORTED 截止日已过且未报告逾期，NOT_DUE 未到截止日。"
            + "按部门分页，带总数。分析人员、县审批人和管理员可查；through 超出 2021-01 至下月答 422。")
    @ApiResponse(responseCode = "200", description = "部门 × 月份的报送情况")
    @ApiResponse(responseCode = "422", description = "through 超出可查询的范围（2021-01 至下月）",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    FeedGrid.Grid feedGrid(
            @Parameter(description = "最后一个月（yyyy-MM），不填为上月") @RequestParam(required = false) YearMonth through,
            @Parameter(description = "月数，1–24") @RequestParam(defaultValue = "6") @Min(value = 1, message = "至少1个月") @Max(value = 24, message = "最多24个月") int months,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页部门数，1–50") @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 50, message = "每页最多50条") int size) {
        YearMonth thisMonth = YearMonth.now(PlatformTime.CHINA);
        YearMonth last = through == null ? thisMonth.minusMonths(1) : through;
        if (last.isBefore(YearMonth.of(2021, 1)) || last.isAfter(thisMonth.plusMonths(1))) {
            throw new RuleViolationException("月份超出范围", "可查询 2021-01 至下月的报送情况。");
        }
        return feedGrid.grid(Jurisdiction.current(), last, months, page, size);
    }

    /** The household's timeline across bureaus, for anyone whose division covers the household. */
    @GetMapping("/api/console/households/{householdId}/timeline")
    @Operation(summary = "查看农户时间线", description = "一户在各部门的经历，按时间先后：登记、信号、认定、预警、响应、帮扶措施、救助状态变化等，每条附事件类型、来源服务和文字摘要。"
            + "任何登录用户均可查其辖区内的农户，辖区外的答 404。")
    List<Dashboards.TimelineLine> timeline(@Parameter(description = "农户编号") @PathVariable UUID householdId) {
        return dashboards.timeline(householdId, Jurisdiction.current());
    }
}
