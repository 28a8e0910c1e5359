package fushun.socialassistance.benefits.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.benefits.Applications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
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
 * Dibao and 特困 applications: taken down by an operator (受理), reviewed by the township (审核),
 * decided with reasons by the county (审批), three different people. All three read the list.
 */
@RestController
@RequestMapping("/api/social-assistance/applications")
@PreAuthorize(CivilAffairsRoles.READERS)
class ApplicationController {

    private final Applications applications;
    private final ApplicationWebMapper mapper;

    ApplicationController(Applications applications, ApplicationWebMapper mapper) {
        this.applications = applications;
        this.mapper = mapper;
    }

    @PostMapping
    @PreAuthorize(CivilAffairsRoles.OPERATOR)
    @Operation(summary = "受理申请 / submit an application", description = "Role civil-affairs-operator.")
    @ApiResponse(responseCode = "201", description = "已受理 / submitted")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    ResponseEntity<BenefitViews.ApplicationView> submit(@Valid @RequestBody ApplicationRequests.Submit request,
                                                    Authentication caller) {
        UUID id = applications.submit(mapper.toNewApplication(request), caller.getName(), Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/social-assistance/applications/" + id))
                .body(mapper.toView(applications.find(id, Jurisdiction.current())));
    }

    @GetMapping
    Page<BenefitViews.ApplicationView> list(
            @RequestParam(required = false) @Pattern(regexp = "SUBMITTED|REVIEWED|GRANTED|REJECTED",
                    message = "状态只能是 SUBMITTED、REVIEWED、GRANTED 或 REJECTED") String status,
            @RequestParam(required = false) UUID caseId,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        return mapper.toPage(applications.list(Jurisdiction.current(), status, caseId, page, size));
    }

    @GetMapping("/{applicationId}")
    BenefitViews.ApplicationView find(@PathVariable UUID applicationId) {
        return mapper.toView(applications.find(applicationId, Jurisdiction.current()));
    }

    /** The township's opinion for or against, for the county to decide on. */
    @PostMapping("/{applicationId}/review")
    @PreAuthorize(CivilAffairsRoles.REVIEWER)
    @Operation(summary = "审核申请 / review an application",
            description = "Role civil-affairs-reviewer; never by whoever submitted the application. "
                    + "A submitted application becomes REVIEWED.")
    @ApiResponse(responseCode = "200", description = "已审核，状态 REVIEWED / reviewed")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    BenefitViews.ApplicationView review(@PathVariable UUID applicationId,
                                        @Valid @RequestBody ApplicationRequests.ReviewApplication request,
                                        Authentication caller) {
        return mapper.toView(applications.review(applicationId, request.recommend(), request.opinion(),
                caller.getName(), Jurisdiction.current()));
    }

    /** Approves or rejects; the answer carries the determination, and the grant's id when approved. */
    @PostMapping("/{applicationId}/decision")
    @PreAuthorize(CivilAffairsRoles.APPROVER)
    @Operation(summary = "审批申请 / approve or reject a reviewed application",
            description = "Role civil-affairs-approver; never by whoever submitted or reviewed the application.")
    @ApiResponse(responseCode = "200", description = "已审批，状态 GRANTED 或 REJECTED / decided")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    BenefitViews.ApplicationView decide(@PathVariable UUID applicationId,
                                        @Valid @RequestBody ApplicationRequests.Decide request, Authentication caller) {
        return mapper.toView(applications.decide(applicationId, request.approve(), request.reason(),
                caller.getName(), Jurisdiction.current()));
    }
}
