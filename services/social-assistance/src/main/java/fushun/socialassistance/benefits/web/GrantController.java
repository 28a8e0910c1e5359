package fushun.socialassistance.benefits.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.benefits.Grants;
import fushun.socialassistance.benefits.Payroll;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
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

/**
 * Granted dibao and 特困 benefits: schedules, reviews (by a reviewer) and the monthly payroll (by an
 * operator; it pays only what was approved). Operators, reviewers and approvers read them.
 */
@RestController
@Tag(name = "低保与特困供养", description = "低保和特困供养：民政经办人受理申请，乡镇审核员审核，县民政局审批人审批，三步须由不同的人完成（职责分离）；批准后形成救助待遇，按月发放并定期复核。")
@RequestMapping("/api/social-assistance")
@PreAuthorize(CivilAffairsRoles.READERS)
class GrantController {

    /** A grant with the people it covers (and whose share stopped when), its payment schedule and review history. */
    record GrantDetail(BenefitViews.GrantView grant, List<BenefitViews.CoveredPersonView> covered,
                       List<BenefitViews.ScheduledPaymentView> schedule, List<BenefitViews.ReviewView> reviews) {
    }

    private final Grants grants;
    private final Payroll payroll;
    private final GrantWebMapper mapper;

    GrantController(Grants grants, Payroll payroll, GrantWebMapper mapper) {
        this.grants = grants;
        this.payroll = payroll;
        this.mapper = mapper;
    }

    /** Paged with the total; {@code reviewDueBy}: only active grants whose review falls on or before that date (复核到期). */
    @GetMapping("/grants")
    @Operation(summary = "查看救助待遇", description = "分页列出当前用户辖区内的低保和特困待遇，下次复核日期最早的在前；可按农户筛选，"
            + "reviewDueBy 只列出在该日或之前到期复核的在发待遇（复核到期）。民政经办人、审核员和审批人可查。")
    Page<BenefitViews.GrantView> list(@Parameter(description = "农户编号，只看该户的待遇") @RequestParam(required = false) UUID householdId,
                            @Parameter(description = "复核到期日（如 2026-12-31）：只看此日或之前到期复核的在发待遇") @RequestParam(required = false) LocalDate reviewDueBy,
                            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                            @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                            @Max(value = 200, message = "每页最多200条") int size) {
        return mapper.toGrantPage(grants.list(Jurisdiction.current(), householdId, reviewDueBy, page, size));
    }

    @GetMapping("/grants/{grantId}")
    @Operation(summary = "查看一项救助待遇", description = "一项待遇及其保障对象（已减员的成员自哪个月起停发其份额、份额多少）、发放计划（每月已发或待发）和历次复核。"
            + "民政经办人、审核员和审批人可查。")
    GrantDetail find(@Parameter(description = "待遇编号") @PathVariable UUID grantId) {
        Jurisdiction jurisdiction = Jurisdiction.current();
        return new GrantDetail(mapper.toView(grants.find(grantId, jurisdiction)),
                mapper.toCoveredViews(grants.covered(grantId, jurisdiction)),
                mapper.toScheduleViews(grants.schedule(grantId, jurisdiction)),
                mapper.toReviewViews(grants.reviews(grantId, jurisdiction)));
    }

    @PostMapping("/grants/{grantId}/reviews")
    @PreAuthorize(CivilAffairsRoles.REVIEWER)
    @Operation(summary = "复核救助待遇", description = "乡镇民政审核员复核一项在发的待遇：仍符合条件的继续发放并排定下次复核；不再符合的自复核决定之日的下月起停发，并通知其他部门。"
            + "受理该待遇申请的人不能复核（403）；已停发的待遇答 422。答复为复核后的待遇详情。")
    @ApiResponse(responseCode = "200", description = "已复核")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    GrantDetail review(@Parameter(description = "待遇编号") @PathVariable UUID grantId,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"eligible": false, "reason": "2026年两名成员外出务工，家庭人均收入已高于本县低保标准，不再符合低保条件。"}"""))) @Valid @RequestBody ApplicationRequests.Review request,
                       Authentication caller) {
        Jurisdiction jurisdiction = Jurisdiction.current();
        grants.review(grantId, request.eligible(), request.reason(), caller.getName(), jurisdiction);
        return find(grantId);
    }

    /** Pays one month for the county's grants; running it again pays nobody twice. */
    @PostMapping("/payrolls")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "按月发放救助待遇", description = "民政经办人为一个县区发放某月应发的全部待遇（批准次月起、尚未停发的，扣除已减员成员的份额）；"
            + "重复执行不会重复发放，答复分别列出本次发放的笔数和金额、此前已发的笔数。县区不在辖区内答 404，尚未到来的月份答 422。")
    @ApiResponse(responseCode = "200", description = "已发放")
    @ApiResponse(responseCode = "404", description = "该县区不在当前用户的辖区内",
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    BenefitViews.PayrollRunView payroll(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"county": "210422", "month": "2026-11"}"""))) @Valid @RequestBody ApplicationRequests.Payroll request, Authentication caller) {
        return mapper.toView(payroll.run(request.county(), request.month(), caller.getName(), Jurisdiction.current()));
    }
}
