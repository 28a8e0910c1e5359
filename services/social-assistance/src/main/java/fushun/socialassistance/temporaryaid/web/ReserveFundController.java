package fushun.socialassistance.temporaryaid.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.temporaryaid.ReserveFunds;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import org.springframework.http.ProblemDetail;
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
@RequestMapping("/api/social-assistance/reserve-funds/{township}")
@PreAuthorize(CivilAffairsRoles.READERS)
class ReserveFundController {

    record TopUp(@NotNull(message = "必须填写金额") @DecimalMin(value = "0.01", message = "金额必须大于零")
                 @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal amount,
                 @NotBlank(message = "必须填写资金来源") @Size(max = 500) String reason) {
    }

    /** {@code caseId}: the case the aid answers, if any; the payout is then reported to monitoring. */
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
    ReserveFundViews.FundView fund(@PathVariable String township) {
        return mapper.toView(funds.fund(township, Jurisdiction.current()));
    }

    /** Top-ups and payouts, newest first, paged with the total. */
    @GetMapping("/movements")
    Page<ReserveFundViews.MovementView> movements(@PathVariable String township,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return mapper.toMovementPage(funds.movements(township, Jurisdiction.current(), page, size));
    }

    /**
     * Payouts still waiting for their review, oldest first, paged with the total: outside the green
     * channel unpaid until then, green-channel ones paid. {@code householdId} keeps one household's.
     */
    @GetMapping("/payouts/awaiting-review")
    Page<ReserveFundViews.MovementView> awaitingReview(@PathVariable String township,
            @RequestParam(required = false) UUID householdId,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return mapper.toMovementPage(funds.awaitingReview(township, householdId, Jurisdiction.current(), page, size));
    }

    @PostMapping("/payouts/{movementId}/review")
    @PreAuthorize(CivilAffairsRoles.REVIEWER)
    @Operation(summary = "审核临时救助支付 / review a payout",
            description = "Role civil-affairs-reviewer; never by whoever recorded the payout. A payout outside the "
                    + "green channel is paid when approved, refused otherwise.")
    @ApiResponse(responseCode = "200", description = "已审核：待审核的支付 DONE 或 REFUSED / reviewed")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ReserveFundViews.MovementView review(@PathVariable String township, @PathVariable UUID movementId,
                                         @Valid @RequestBody Review request, Authentication caller) {
        return mapper.toView(funds.review(township, movementId, request.approve(), request.note(), caller.getName(),
                Jurisdiction.current()));
    }

    @PostMapping("/top-ups")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    ReserveFundViews.FundView topUp(@PathVariable String township, @Valid @RequestBody TopUp request,
                                    Authentication caller) {
        return mapper.toView(funds.topUp(township, request.amount(), request.reason(), caller.getName(),
                Jurisdiction.current()));
    }

    /** Green channel: paid at once, reviewed afterwards; otherwise recorded and paid when its review approves it. */
    @PostMapping("/payouts")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "记录临时救助支付 / record a payout", description = "Role civil-affairs-operator.")
    @ApiResponse(responseCode = "200", description = "已记录：绿色通道已支付，否则 PENDING 待审核 / recorded")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ReserveFundViews.PayoutTakenView pay(@PathVariable String township, @Valid @RequestBody Payout request,
                                         Authentication caller) {
        return mapper.toView(funds.pay(township, new ReserveFunds.Payout(request.requestId(), request.householdId(),
                request.caseId(), request.amount(), request.reason(), Boolean.TRUE.equals(request.greenChannel())),
                caller.getName(), Jurisdiction.current()));
    }
}
