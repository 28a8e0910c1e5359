package fushun.socialassistance.benefits.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.benefits.Grants;
import fushun.socialassistance.benefits.Payroll;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.LocalDate;
import java.util.List;
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
 * Granted dibao and 特困 benefits: schedules, reviews (by a reviewer) and the monthly payroll (by an
 * operator; it pays only what was approved). Operators, reviewers and approvers read them.
 */
@RestController
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
    Page<BenefitViews.GrantView> list(@RequestParam(required = false) UUID householdId,
                            @RequestParam(required = false) LocalDate reviewDueBy,
                            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                            @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                            @Max(value = 200, message = "每页最多200条") int size) {
        return mapper.toGrantPage(grants.list(Jurisdiction.current(), householdId, reviewDueBy, page, size));
    }

    @GetMapping("/grants/{grantId}")
    GrantDetail find(@PathVariable UUID grantId) {
        Jurisdiction jurisdiction = Jurisdiction.current();
        return new GrantDetail(mapper.toView(grants.find(grantId, jurisdiction)),
                mapper.toCoveredViews(grants.covered(grantId, jurisdiction)),
                mapper.toScheduleViews(grants.schedule(grantId, jurisdiction)),
                mapper.toReviewViews(grants.reviews(grantId, jurisdiction)));
    }

    @PostMapping("/grants/{grantId}/reviews")
    @PreAuthorize(CivilAffairsRoles.REVIEWER)
    @Operation(summary = "复核待遇 / review a benefit",
            description = "Role civil-affairs-reviewer; never by whoever submitted the application that opened it. "
                    + "Not eligible: payment stops from the month after the review.")
    @ApiResponse(responseCode = "200", description = "已复核 / reviewed")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    GrantDetail review(@PathVariable UUID grantId, @Valid @RequestBody ApplicationRequests.Review request,
                       Authentication caller) {
        Jurisdiction jurisdiction = Jurisdiction.current();
        grants.review(grantId, request.eligible(), request.reason(), caller.getName(), jurisdiction);
        return find(grantId);
    }

    /** Pays one month for the county's grants; running it again pays nobody twice. */
    @PostMapping("/payrolls")
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "按月发放 / run a county's monthly payroll", description = "Role civil-affairs-operator.")
    @ApiResponse(responseCode = "200", description = "已发放 / paid")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    BenefitViews.PayrollRunView payroll(@Valid @RequestBody ApplicationRequests.Payroll request, Authentication caller) {
        return mapper.toView(payroll.run(request.county(), request.month(), caller.getName(), Jurisdiction.current()));
    }
}
