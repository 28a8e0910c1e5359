package fushun.socialassistance.temporaryaid.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
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
 * A township's reserve fund for temporary assistance: operators record top-ups and payouts, reviewers
 * review payouts (never their own); operators, reviewers and approvers of its county read it.
 */
@RestController
@Tag(name = "临时救助备用金", description = "乡镇临时救助备用金：民政经办人补充备用金、记录临时救助支付（绿色通道先救助后审核），乡镇审核员审核支付（不能审核自己记录的）；同一辖区的三种民政角色可查看。")
@RequestMapping("/api/social-assistance/reserve-funds/{township}")
@PreAuthorize(CivilAffairsRoles.READERS)
class ReserveFundController {

    @Schema(name = "FundTopUp", description = "补充备用金：金额（元）和资金来源")
    record TopUp(@NotNull(message = "必须填写金额") @DecimalMin(value = "0.01", message = "金额必须大于零")
                 @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
                 @NotBlank(message = "必须填写资金来源") @Size(max = 500) String reason) {
    }

    /** {@code caseId}: the case the aid answers, if any; the payout is then reported to monitoring. */
    @Schema(name = "PayoutRequest", description = "一笔临时救助支付：requestId 由调用方生成，重试时沿用")
    record Payout(@NotNull(message = "必须提供请求编号 requestId（UUID），重试时沿用同一编号") UUID requestId,
                  @NotNull(message = "必须选择救助对象") UUID householdId,
                  UUID caseId,
                  @NotNull(message = "必须填写金额") @DecimalMin(value = "0.01", message = "金额必须大于零")
                  @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
                  @NotBlank(message = "必须填写救助事由") @Size(max = 500) String reason,
                  /** help first, review later (绿色通道); absent means no */
                  Boolean greenChannel) {
    }

    /**
     * {@code approve}: a payout waiting for its review is paid (true) or refused (false); for a
     * green-channel payout, already paid, whether the aid was found due.
     */
    @Schema(name = "PayoutReview", description = "对一笔临时救助支付的审核：同意与否和审核意见")
    record Review(@NotNull(message = "必须选择审核结论：同意（true）或不同意（false）") Boolean approve,
                  @NotBlank(message = "必须填写审核意见") @Size(max = 500, message = "审核意见最多500字") String note) {
    }

    private final ReserveFunds funds;
    private final ReserveFundWebMapper mapper;

    ReserveFundController(ReserveFunds funds, ReserveFundWebMapper mapper) {
        this.funds = funds;
        this.mapper = mapper;
    }

    @GetMapping
    @Operation(summary = "查看乡镇备用金余额", description = "一个乡镇临时救助备用金的余额。乡镇代码不是抚顺市内9位代码的答 422；乡镇不在辖区内或尚未设立备用金的答 404。"
            + "民政经办人、审核员和审批人可查。")
    ReserveFundViews.FundView fund(@Parameter(description = "乡镇行政区划代码（抚顺市内9位，如 210422100）") @PathVariable String township) {
        return mapper.toView(funds.fund(township, Jurisdiction.current()));
    }

    /** Top-ups and payouts, newest first, paged with the total. */
    @GetMapping("/movements")
    @Operation(summary = "查看备用金收支记录", description = "分页列出乡镇备用金的补充和支付记录，最新的在前。民政经办人、审核员和审批人可查。")
    Page<ReserveFundViews.MovementView> movements(@Parameter(description = "乡镇行政区划代码（抚顺市内9位，如 210422100）") @PathVariable String township,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return mapper.toMovementPage(funds.movements(township, Jurisdiction.current(), page, size));
    }

    /**
     * Payouts still waiting for their review, oldest first, paged with the total: outside the green
     * channel unpaid until then, green-channel ones paid. {@code householdId} keeps one household's.
     */
    @GetMapping("/payouts/awaiting-review")
    @Operation(summary = "查看待审核的临时救助支付", description = "分页列出等待审核的支付，最早记录的在前：非绿色通道的（PENDING）审核同意后才支付，绿色通道的已先行支付；"
            + "householdId 只看一户的。民政经办人、审核员和审批人可查。")
    Page<ReserveFundViews.MovementView> awaitingReview(@Parameter(description = "乡镇行政区划代码（抚顺市内9位，如 210422100）") @PathVariable String township,
            @Parameter(description = "农户编号，只看该户的支付") @RequestParam(required = false) UUID householdId,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return mapper.toMovementPage(funds.awaitingReview(township, householdId, Jurisdiction.current(), page, size));
    }

    @PostMapping("/payouts/{movementId}/review")
    @PreAuthorize(CivilAffairsRoles.REVIEWER)
    @Operation(summary = "审核临时救助支付", description = "乡镇民政审核员审核一笔待审核的支付：非绿色通道的同意即从备用金支付（DONE），不同意则不支付（REFUSED）；"
            + "绿色通道的已经支付，审核只记录救助是否应当。记录该支付的人不能审核（403）；备用金余额已不足支付时答 422，支付仍待审核；没有这笔待审核的支付答 404。")
    @ApiResponse(responseCode = "200", description = "已审核：待审核的支付变为 DONE 或 REFUSED")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    ReserveFundViews.MovementView review(@Parameter(description = "乡镇行政区划代码（抚顺市内9位，如 210422100）") @PathVariable String township,
                                         @Parameter(description = "支付记录编号（来自待审核列表）") @PathVariable UUID movementId,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"approve": true, "note": "经核实，该户因房屋失火导致基本生活暂时困难，同意支付。"}"""))) @Valid @RequestBody Review request, Authentication caller) {
        return mapper.toView(funds.review(township, movementId, request.approve(), request.note(), caller.getName(),
                Jurisdiction.current()));
    }

    @PostMapping("/top-ups")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "补充乡镇备用金", description = "民政经办人向乡镇临时救助备用金补充资金并说明来源（首次补充即设立该乡镇的备用金），答复补充后的余额。")
    ReserveFundViews.FundView topUp(@Parameter(description = "乡镇行政区划代码（抚顺市内9位，如 210422100）") @PathVariable String township,
                                    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"amount": 50000.00, "reason": "2026年县级财政拨付乡镇临时救助备用金"}"""))) @Valid @RequestBody TopUp request,
                                    Authentication caller) {
        return mapper.toView(funds.topUp(township, request.amount(), request.reason(), caller.getName(),
                Jurisdiction.current()));
    }

    /** Green channel: paid at once, reviewed afterwards; otherwise recorded and paid when its review approves it. */
    @PostMapping("/payouts")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "记录临时救助支付", description = "民政经办人从乡镇备用金为本乡镇已登记的农户记录一笔临时救助：绿色通道（greenChannel 为 true）立即支付、事后审核，否则记为 PENDING，审核同意后才支付。"
            + "requestId 由调用方生成：超时重试时沿用同一编号，不会重复支付，答复原来那笔；同一编号用于不同的支付答 409。"
            + "超过单次救助上限（政策参数）、农户与个案不一致，或绿色通道支付时备用金余额不足的答 422。")
    @ApiResponse(responseCode = "200", description = "已记录：绿色通道的已支付（DONE），其余待审核（PENDING）")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN_FIRST_STEP,
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    ReserveFundViews.PayoutTakenView pay(@Parameter(description = "乡镇行政区划代码（抚顺市内9位，如 210422100）") @PathVariable String township,
                                         @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"requestId": "0b7e4c9a-2f13-4d58-a6e1-93c2d5f8b047", "householdId": "5b1f3c2e-7a4d-4e8b-9c61-2d8e0f4a7b13",
             "caseId": "c3a9e7d1-4b2f-4f6a-8e15-9a0b7c6d5e24", "amount": 3000.00,
             "reason": "房屋失火，基本生活暂时困难", "greenChannel": true}"""))) @Valid @RequestBody Payout request,
                                         Authentication caller) {
        return mapper.toView(funds.pay(township, new ReserveFunds.Payout(request.requestId(), request.householdId(),
                request.caseId(), request.amount(), request.reason(), Boolean.TRUE.equals(request.greenChannel())),
                caller.getName(), Jurisdiction.current()));
    }
}
