package fushun.platform.feed.web;

import fushun.contracts.Bureau;
import fushun.platform.PlatformTime;
import fushun.platform.feed.FeedCompleteness;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.NotFoundException;
import fushun.platform.web.RuleViolationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.YearMonth;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tracked bureau's monthly feed under {@code /api/<service>/feeds}, per expected county within the
 * caller's division, for the roles the service names ({@code platform.feeds.readers}).
 */
@RestController
@Tag(name = "部门月度报送", description = "本服务负责跟踪的部门每月数据报送情况：各县区在截止日（次月5日，政策参数）前是否报送，逾期或缺报。")
public class FeedController {

    private final FeedCompleteness feeds;

    public FeedController(FeedCompleteness feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/api/${spring.application.name}/feeds")
    @PreAuthorize("hasAnyRole(@bureauFeeds.readers())")
    @Operation(summary = "查看部门月度报送完整性", description = "某部门某月各县区的报送情况（分页，带总数）：截止日前收到的条数（ON_TIME）、截止日后才收到（LATE）、截止日已过仍未收到（MISSING）或尚未到截止日（PENDING）。"
            + "本服务不跟踪的部门答 404；可查 2021-01 至下月，超出范围答 422。")
    public FeedCompleteness.MonthFeed feed(
            @Parameter(description = "部门，如 CIVIL_AFFAIRS") @RequestParam Bureau bureau,
            @Parameter(description = "月份（yyyy-MM），如 2026-10") @RequestParam YearMonth month,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        if (!feeds.tracks(bureau)) {
            throw new NotFoundException("本服务不跟踪该部门的报送情况。");
        }
        if (month.isBefore(YearMonth.of(2021, 1)) || month.isAfter(YearMonth.now(PlatformTime.CHINA).plusMonths(1))) {
            throw new RuleViolationException("月份超出范围", "可查询 2021-01 至下月的报送情况。");
        }
        return feeds.status(bureau, month, Jurisdiction.current(), page, size);
    }
}
