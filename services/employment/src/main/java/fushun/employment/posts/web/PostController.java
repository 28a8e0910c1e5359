package fushun.employment.posts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "公益性岗位与养老保险代缴", description = "人社局工作人员管理乡村公益性岗位：按需设岗、以岗聘任、在岗按考勤领补贴、有序退岗，并为监测预警推荐岗位；以及城乡居民养老保险代缴名册（可导出 xlsx）。均限于当前用户的辖区。")
@RequestMapping("/api/employment")
@PreAuthorize("hasRole('hr-officer')")
class PostController {

    @Schema(description = "一个公益性岗位：所在村（12位区划代码）、岗位类型、名额和每月补贴（元）")
    record NewPost(@NotNull(message = "必须填写村代码") @Pattern(regexp = "2104\\d{8}", message = "应为抚顺市内12位村级区划代码") String village,
                   @NotBlank(message = "必须填写岗位类型") @Size(max = 100, message = "岗位类型最多100字") String postType,
                   @Min(value = 1, message = "名额至少为1") @Max(value = 500, message = "名额过多") int seats,
                   @NotNull(message = "必须填写月补贴") @DecimalMin(value = "0.01", message = "月补贴必须大于零")
                   @Digits(integer = 8, fraction = 2, message = "金额最多两位小数") BigDecimal monthlySubsidy) {
    }

    @Schema(description = "聘用一人到公益性岗位：人员和聘用日期")
    record Hire(@NotNull(message = "必须选择人员") UUID personId,
                @NotNull(message = "必须填写聘用日期") @PlausibleDate(message = "聘用日期应在2014-01-01至今天之间") LocalDate hiredOn) {
    }

    @Schema(description = "有序退岗：退岗日期和原因")
    record Exit(@NotNull(message = "必须填写退岗日期") @PlausibleDate(message = "退岗日期应在2014-01-01至今天之间") LocalDate exitedOn,
                @NotBlank(message = "必须填写退岗原因") @Size(max = 200, message = "原因最多200字") String reason) {
    }

    @Schema(description = "一个月的考勤：月份和出勤天数")
    record Attendance(@Schema(type = "string", pattern = "^\\d{4}-\\d{2}$", description = "月份，yyyy-MM")
                      @NotNull(message = "必须填写月份（如 2026-03）")
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
    @Operation(summary = "设立公益性岗位", description = "人社局工作人员（hr-officer）在辖区内的村按需设岗：岗位类型、名额和每月补贴，成功时答 201。村不在辖区内时答 404。")
    PostView create(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"village": "210422100201", "postType": "护林员", "seats": 2, "monthlySubsidy": 500.00}"""))) @Valid @RequestBody NewPost request, Authentication caller) {
        return views.toView(posts.create(request.village(), request.postType(), request.seats(), request.monthlySubsidy(),
                caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/posts")
    @Operation(summary = "查看公益性岗位", description = "人社局工作人员分页查看辖区内的公益性岗位及其在岗人数，按村、再按设岗先后排列。")
    Page<PostView> list(@Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                        @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                        @Max(value = 500, message = "每页最多500条") int size) {
        return views.toPostPage(posts.posts(Jurisdiction.current(), page, size));
    }

    @GetMapping("/posts/{postId}/holdings")
    @Operation(summary = "查看岗位的聘用记录", description = "人社局工作人员分页查看辖区内一个岗位聘用过的全部人员（含已退岗的及退岗原因、聘用人），按聘用日期排列。")
    Page<HoldingView> holdings(@Parameter(description = "公益性岗位编号") @PathVariable UUID postId,
                               @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                               @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                               @Max(value = 500, message = "每页最多500条") int size) {
        return views.toHoldingPage(hires.holdings(postId, Jurisdiction.current(), page, size));
    }

    @PostMapping("/posts/{postId}/hires")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "聘用到公益性岗位", description = "人社局工作人员以岗聘任本县区在户、有劳动能力的人员（成功时 201），本人记为聘用人；该户有点名人社局的务工就业不稳或缺劳动力预警时，聘用作为帮扶措施报告监测服务。已离户、无劳动能力、不在本县区、岗位已满、已在其他岗位上、聘用日期不晚于上次退岗日期时答 422。")
    HoldingView hire(@Parameter(description = "公益性岗位编号") @PathVariable UUID postId,
                     @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"personId": "8c2d6f1a-3b5e-4c7d-9a10-6e4f2b8d1c37", "hiredOn": "2026-11-02"}"""))) @Valid @RequestBody Hire request, Authentication caller) {
        return views.toView(hires.hire(postId, request.personId(), request.hiredOn(), caller.getName(),
                Jurisdiction.current()));
    }

    @PostMapping("/holdings/{holdingId}/exit")
    @Operation(summary = "有序退岗", description = "人社局工作人员为在岗人员登记退岗日期和原因，该名额随即空出。已退岗、退岗日期早于聘用日期或早于已发补贴的月份时答 422。")
    HoldingView exit(@Parameter(description = "聘用记录编号") @PathVariable UUID holdingId,
                     @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"exitedOn": "2026-11-30", "reason": "外出务工，有序退岗"}"""))) @Valid @RequestBody Exit request) {
        return views.toView(hires.exit(holdingId, request.exitedOn(), request.reason(), Jurisdiction.current()));
    }

    /** A month's attendance and the subsidy it earns: 403 to whoever hired the holder. */
    @PostMapping("/holdings/{holdingId}/attendance")
    @Operation(summary = "登记月考勤", description = "人社局工作人员登记在岗人员一个月的出勤天数并核定当月补贴：达到规定天数（政策参数）发全额，否则按出勤天数比例计算到分。聘用该人员的本人不能登记（职责分离，403）；月份未到、该月不在岗、该月已登记时答 422。")
    MonthlySubsidyView attendance(@Parameter(description = "聘用记录编号") @PathVariable UUID holdingId,
                                  @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"month": "2026-11", "daysWorked": 20}"""))) @Valid @RequestBody Attendance request,
                                  Authentication caller) {
        return views.toView(subsidies.attendance(holdingId, request.month(), request.daysWorked(), caller.getName(),
                Jurisdiction.current()));
    }

    /** For an alert (务工就业不稳, 缺劳动力): the household's labourers, and a page of the posts with a free seat. */
    @GetMapping("/alerts/{alertId}/suggestions")
    @Operation(summary = "为预警推荐岗位", description = "人社局工作人员针对辖区内收到的一条预警（如务工就业不稳、缺劳动力），列出该户尚未在岗的劳动力，并分页列出该户所在县区有空余名额的公益性岗位：同村、同乡镇的在前，再按月补贴从高到低。预警不在辖区内时答 404。")
    SuggestionsView suggestions(@Parameter(description = "收到的预警编号") @PathVariable UUID alertId,
                                @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
                                @Max(value = 200, message = "每页最多200条") int size) {
        return views.toView(posts.suggestions(alertId, Jurisdiction.current(), page, size));
    }

    /** A page of the county's roster, with the count and amount of the whole roster. */
    @GetMapping("/pension-premiums")
    @Operation(summary = "查看养老保险代缴名册", description = "人社局工作人员分页查看一个县区某年城乡居民养老保险代缴名册：特困人员、低保对象和监测对象（脱贫不享受政策户除外）中参保年龄内的人，按最低缴费档次代缴，身份证号脱敏；同时给出全册人数、金额、所用政策参数版本和出生年份不详未列入的人数。县区不在辖区内时答 404。")
    PensionRosterView pensionRoster(@Parameter(description = "县区代码（6位），例如 210422") @RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                                    @Parameter(description = "代缴年度，例如 2026") @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                                    @Max(value = 2100, message = "年份无效") int year,
                                    @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                    @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                    @Max(value = 500, message = "每页最多500条") int size) {
        return views.toView(pensions.roster(county, year, Jurisdiction.current(), page, size));
    }

    /** The whole roster as .xlsx, built before anything is sent, so a failure answers as a problem, not half a file. */
    @GetMapping("/pension-premiums.xlsx")
    @Operation(summary = "导出养老保险代缴名册", description = "人社局工作人员把一个县区某年的整本代缴名册导出为 xlsx（含合计、参保年龄说明和参数版本），文件生成完毕才开始发送，出错时答问题详情而不是半个文件。县区不在辖区内时答 404。")
    @ApiResponse(responseCode = "200", description = "养老保险代缴名单（xlsx 文件，作为附件下载）",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    void pensionExport(@Parameter(description = "县区代码（6位），例如 210422") @RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                       @Parameter(description = "代缴年度，例如 2026") @RequestParam @Min(value = 2021, message = "年份不能早于2021年")
                       @Max(value = 2100, message = "年份无效") int year,
                       HttpServletResponse response) throws IOException {
        try (XlsxRoster roster = pensions.xlsx(county, year, Jurisdiction.current())) {
            roster.writeTo(XlsxRoster.download(response, "pension-premiums-" + county + "-" + year + ".xlsx"));
        }
    }
}
