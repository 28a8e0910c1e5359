package fushun.socialassistance.benefits.web;

import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import fushun.socialassistance.CivilAffairsRoles;
import fushun.socialassistance.benefits.Applications;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.UUID;
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
@Tag(name = "低保与特困供养", description = "低保和特困供养：民政经办人受理申请，乡镇审核员审核，县民政局审批人审批，三步须由不同的人完成（职责分离）；批准后形成救助待遇，按月发放并定期复核。")
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
    @Operation(summary = "受理低保或特困申请", description = "民政经办人为辖区内已登记的农户受理低保（DIBAO）或特困供养（TEKUN）申请，来自救助个案（caseId）或来访（不填个案）；"
            + "须逐一填写该户全部登记成员的劳动能力和本人年收入，以及家庭近12个月的收入和刚性支出申报。"
            + "农户与个案不一致、个案已办结、成员不全或重复、基础养老金大于收入、保障对象无效（特困须指定一人），或该户已有同一项目尚未审批的申请时，答 422。")
    @ApiResponse(responseCode = "201", description = "已受理，状态 SUBMITTED",
            headers = @Header(name = "Location", description = "新申请的地址", schema = @Schema(type = "string", format = "uri-reference")))
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN_FIRST_STEP,
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    @ApiResponse(responseCode = "404", description = "农户（或其信息尚未同步到民政系统）、救助个案不存在，或不在当前用户的辖区内",
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    ResponseEntity<BenefitViews.ApplicationView> submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"householdId": "5b1f3c2e-7a4d-4e8b-9c61-2d8e0f4a7b13", "caseId": "c3a9e7d1-4b2f-4f6a-8e15-9a0b7c6d5e24",
             "programme": "DIBAO", "coveredPersons": [],
             "declaration": {"totalIncome": 9800.00, "basicPension": 1560.00, "illnessSpending": 4200.00,
                             "schoolingSpending": 0, "employmentCosts": 600.00},
             "members": [
               {"personId": "8e2d4f6a-1c3b-4a5d-9e7f-0a1b2c3d4e51", "capacity": "PARTIAL", "ownYearlyIncome": 8240.00,
                "ownBasicPension": 0, "underSixteen": false},
               {"personId": "8e2d4f6a-1c3b-4a5d-9e7f-0a1b2c3d4e52", "capacity": "NONE", "ownYearlyIncome": 1560.00,
                "ownBasicPension": 1560.00, "underSixteen": false},
               {"personId": "8e2d4f6a-1c3b-4a5d-9e7f-0a1b2c3d4e53", "capacity": "NONE", "ownYearlyIncome": 0,
                "ownBasicPension": 0, "underSixteen": true}]}"""))) @Valid @RequestBody ApplicationRequests.Submit request,
                                                    Authentication caller) {
        UUID id = applications.submit(mapper.toNewApplication(request), caller.getName(), Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/social-assistance/applications/" + id))
                .body(mapper.toView(applications.find(id, Jurisdiction.current())));
    }

    @GetMapping
    @Operation(summary = "查看救助申请", description = "分页列出当前用户辖区内的低保和特困申请，最新受理的在前；可按状态和救助个案筛选。"
            + "民政经办人、审核员和审批人可查。")
    Page<BenefitViews.ApplicationView> list(
            @Parameter(description = "申请状态：SUBMITTED（已受理）、REVIEWED（已审核）、GRANTED（已批准）或 REJECTED（不予批准）")
            @RequestParam(required = false) @Pattern(regexp = "SUBMITTED|REVIEWED|GRANTED|REJECTED",
                    message = "状态只能是 SUBMITTED、REVIEWED、GRANTED 或 REJECTED") String status,
            @Parameter(description = "救助个案编号，只看由该个案提出的申请") @RequestParam(required = false) UUID caseId,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条") @Max(value = 100, message = "每页最多100条") int size) {
        return mapper.toPage(applications.list(Jurisdiction.current(), status, caseId, page, size));
    }

    @GetMapping("/{applicationId}")
    @Operation(summary = "查看一份救助申请", description = "申请的家庭收入申报和成员情况，受理、审核、审批的人员和时间；审批后附认定结果（计算收入、人均收入、保障标准、月救助金额、参数版本和说明），批准的附待遇编号。"
            + "民政经办人、审核员和审批人可查。")
    BenefitViews.ApplicationView find(@Parameter(description = "申请编号") @PathVariable UUID applicationId) {
        return mapper.toView(applications.find(applicationId, Jurisdiction.current()));
    }

    /** The township's opinion for or against, for the county to decide on. */
    @PostMapping("/{applicationId}/review")
    @PreAuthorize(CivilAffairsRoles.REVIEWER)
    @Operation(summary = "审核救助申请", description = "乡镇民政审核员对已受理（SUBMITTED）的申请提出同意或不同意的审核意见并说明理由，申请变为 REVIEWED，交县民政局审批。"
            + "受理该申请的人不能审核（403）；已审核过的申请再审核答 422。")
    @ApiResponse(responseCode = "200", description = "已审核，状态 REVIEWED")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    BenefitViews.ApplicationView review(@Parameter(description = "申请编号") @PathVariable UUID applicationId,
                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"recommend": true, "opinion": "经入户核查，家庭收入申报属实，人均收入低于低保标准，同意上报审批。"}"""))) @Valid @RequestBody ApplicationRequests.ReviewApplication request,
                                        Authentication caller) {
        return mapper.toView(applications.review(applicationId, request.recommend(), request.opinion(),
                caller.getName(), Jurisdiction.current()));
    }

    /** Approves or rejects; the answer carries the determination, and the grant's id when approved. */
    @PostMapping("/{applicationId}/decision")
    @PreAuthorize(CivilAffairsRoles.APPROVER)
    @Operation(summary = "审批救助申请", description = "县民政局审批人对已审核（REVIEWED）的申请批准（GRANTED，自次月起按月发放）或不予批准（REJECTED），均须说明理由；答复附按审批当日政策作出的认定结果。"
            + "受理或审核该申请的人不能审批（403）。尚未审核或已审批过的答 422；按政策不符合条件却要批准，或保障对象已在享受低保或特困供养的，答 422 并说明依据。")
    @ApiResponse(responseCode = "200", description = "已审批，状态 GRANTED 或 REJECTED")
    @ApiResponse(responseCode = "403", description = CivilAffairsRoles.FORBIDDEN,
            content = @Content(mediaType = CivilAffairsRoles.PROBLEM_JSON, schema = @Schema(ref = CivilAffairsRoles.PROBLEM)))
    BenefitViews.ApplicationView decide(@Parameter(description = "申请编号") @PathVariable UUID applicationId,
                                        @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"approve": true, "reason": "家庭人均收入低于本县低保标准，经审核符合低保条件，予以批准。"}"""))) @Valid @RequestBody ApplicationRequests.Decide request, Authentication caller) {
        return mapper.toView(applications.decide(applicationId, request.approve(), request.reason(),
                caller.getName(), Jurisdiction.current()));
    }
}
