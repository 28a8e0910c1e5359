package fushun.employment.posts.web;

import fushun.employment.pension.PensionPremiums;
import fushun.employment.posts.MonthlySubsidies;
import fushun.employment.posts.PostHires;
import fushun.employment.posts.WelfarePosts;
import fushun.employment.posts.web.PostViews.HoldingView;
import fushun.employment.posts.web.PostViews.MonthlySubsidyView;
import fushun.employment.posts.web.PostViews.PensionRosterView;
import fushun.employment.posts.web.PostViews.PostView;
import fushun.employment.posts.web.PostViews.SuggestionsView;
import fushun.platform.export.XlsxRoster;
import fushun.platform.security.Jurisdiction;
import fushun.platform.validation.PlausibleDate;
import fushun.platform.web.Page;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Public-welfare posts, job suggestions for alerts, and the pension-premium roster; a holder's
 * attendance is recorded by an officer other than who hired them.
 */
@RestController
@RequestMapping("/api/employment")
@PreAuthorize("hasRole('hr-officer')")
class PostController {

    record NewPost(@NotNull(message = "必须填写村代码") @Pattern(regexp = "2104\\d{8}", message = "应为抚顺市内12位村级区划代码") String village,
                   @NotBlank(message = "必须填写岗位类型") @Size(max = 100, message = "岗位类型最多100字") String postType,
                   @Min(value = 1, message = "名额至少为1") @Max(value = 500, message = "名额过多") int seats,
                   @NotNull(message = "必须填写月补贴") @DecimalMin(value = "0.01", message = "月补贴必须大于零")
                   @Digits(integer = 8, fraction = 2, message = "金额最多两位小数") BigDecimal monthlySubsidy) {
    }

    record Hire(@NotNull(message = "必须选择人员") UUID personId,
                @NotNull(message = "必须填写聘用日期") @PlausibleDate(message = "聘用日期应在2014-01-01至今天之间") LocalDate hiredOn) {
    }

    record Exit(@NotNull(message = "必须填写退岗日期") @PlausibleDate(message = "退岗日期应在2014-01-01至今天之间") LocalDate exitedOn,
                @NotBlank(message = "必须填写退岗原因") @Size(max = 200, message = "原因最多200字") String reason) {
    }

    record Attendance(@NotNull(message = "必须填写月份（如 2026-03）")
                      @PlausibleDate(message = "月份应在2014-01至本月之间") YearMonth month,
                      @Min(value = 0, message = "出勤天数不能为负") @Max(value = 31, message = "出勤天数不超过31天") int daysWorked) {
    }

    private final WelfarePosts posts;
    private final PostHires hires;
    private final MonthlySubsidies subsidies;
    private final PensionPremiums pensions;
    private final PostWebMapper views;

    PostController(WelfarePosts posts, PostHires hires, MonthlySubsidies subsidies, PensionPremiums pensions,
                   PostWebMapper views) {
        this.posts = posts;
        this.hires = hires;
        this.subsidies = subsidies;
        this.pensions = pensions;
        this.views = views;
    }

    @PostMapping("/posts")
    @ResponseStatus(HttpStatus.CREATED)
    PostView create(@Valid @RequestBody NewPost request, Authentication caller) {
        return views.toView(posts.create(request.village(), request.postType(), request.seats(), request.monthlySubsidy(),
                caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/posts")
    Page<PostView> list(@RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                        @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                        @Max(value = 500, message = "每页最多500条") int size) {
        return views.toPostPage(posts.posts(Jurisdiction.current(), page, size));
    }

    @GetMapping("/posts/{postId}/holdings")
    Page<HoldingView> holdings(@PathVariable UUID postId,
                               @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                               @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                               @Max(value = 500, message = "每页最多500条") int size) {
        return views.toHoldingPage(hires.holdings(postId, Jurisdiction.current(), page, size));
    }

    @PostMapping("/posts/{postId}/hires")
    @ResponseStatus(HttpStatus.CREATED)
    HoldingView hire(@PathVariable UUID postId, @Valid @RequestBody Hire request, Authentication caller) {
        return views.toView(hires.hire(postId, request.personId(), request.hiredOn(), caller.getName(),
                Jurisdiction.current()));
    }

    @PostMapping("/holdings/{holdingId}/exit")
    HoldingView exit(@PathVariable UUID holdingId, @Valid @RequestBody Exit request) {
        return views.toView(hires.exit(holdingId, request.exitedOn(), request.reason(), Jurisdiction.current()));
    }

    /** A month's attendance and the subsidy it earns: 403 to whoever hired the holder. */
    @PostMapping("/holdings/{holdingId}/attendance")
    MonthlySubsidyView attendance(@PathVariable UUID holdingId, @Valid @RequestBody Attendance request,
                                  Authentication caller) {
        return views.toView(subsidies.attendance(holdingId, request.month(), request.daysWorked(), caller.getName(),
                Jurisdiction.current()));
    }

    /** For an alert (务工就业不稳, 缺劳动力): the household's labourers, and a page of the posts with a free seat. */
    @GetMapping("/alerts/{alertId}/suggestions")
    SuggestionsView suggestions(@PathVariable UUID alertId,
                                @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
                                @Max(value = 200, message = "每页最多200条") int size) {
        return views.toView(posts.suggestions(alertId, Jurisdiction.current(), page, size));
    }

    /** A page of the county's roster, with the count and amount of the whole roster. */
    @GetMapping("/pension-premiums")
    PensionRosterView pensionRoster(@RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                                    @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                                    @Max(value = 2100, message = "年份无效") int year,
                                    @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                    @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                    @Max(value = 500, message = "每页最多500条") int size) {
        return views.toView(pensions.roster(county, year, Jurisdiction.current(), page, size));
    }

    /** The whole roster as .xlsx, built before anything is sent, so a failure answers as a problem, not half a file. */
    @GetMapping("/pension-premiums.xlsx")
    void pensionExport(@RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                       @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                       @Max(value = 2100, message = "年份无效") int year,
                       HttpServletResponse response) throws IOException {
        try (XlsxRoster roster = pensions.xlsx(county, year, Jurisdiction.current())) {
            roster.writeTo(XlsxRoster.download(response, "pension-premiums-" + county + "-" + year + ".xlsx"));
        }
    }
}
