package fushun.monitoring.household.web;

import fushun.platform.web.Page;

import fushun.monitoring.household.HouseholdChanges;
import fushun.monitoring.household.HouseholdRegistry;
import fushun.monitoring.household.HouseholdView;
import fushun.platform.security.Jurisdiction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "农户登记", description = "监测范围内农户及其家庭成员的登记和动态调整：登记新户，查看农户现在或某一天的情况，登记并查看每次变动（谁、何时、为何）；身份证号只显示脱敏号码，有权限的角色说明理由后可查看完整号码，每次查看记入审计。")
@RequestMapping("/api/monitoring/households")
class HouseholdController {

    private final HouseholdRegistry registry;
    private final HouseholdChanges changes;
    private final HouseholdWebMapper mapper;

    HouseholdController(HouseholdRegistry registry, HouseholdChanges changes, HouseholdWebMapper mapper) {
        this.registry = registry;
        this.changes = changes;
        this.mapper = mapper;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'admin')")
    @Operation(summary = "登记农户", description = "在本人辖区内登记一户农户及其家庭成员（第一名成员为户主），返回新农户的 ID，Location 头指向该户。村干部、乡镇审核人员和管理员可办理；行政区划不是抚顺市内的12位村级代码或不在本人辖区、身份证号校验位或出生日期不对、户内重复或仍在其他农户中登记时答 422。")
    @ApiResponse(responseCode = "201", description = "已登记：返回新农户的 ID（householdId）",
            headers = @Header(name = "Location", description = "新农户的地址：/api/monitoring/households/{householdId}", schema = @Schema(type = "string")))
    ResponseEntity<Map<String, UUID>> register(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"divisionCode": "210422100201", "category": "OUT_OF_POVERTY", "notEntitledToPolicy": false, "members": [
              {"name": "赵长林", "idNumber": "210422198001019017", "relationship": "户主", "labourCapacity": "FULL"},
              {"name": "孙秀梅", "idNumber": "210422198202029027", "relationship": "配偶", "labourCapacity": "PARTIAL"},
              {"name": "赵子航", "idNumber": "210422201003039032", "relationship": "之子", "labourCapacity": "NONE"}]}"""))) @Valid @RequestBody RegisterHouseholdRequest request) {
        UUID id = registry.register(mapper.toCommand(request), Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/monitoring/households/" + id)).body(Map.of("householdId", id));
    }

    record RevealRequest(@jakarta.validation.constraints.NotBlank(message = "必须填写查看理由")
                         @jakarta.validation.constraints.Size(max = 500, message = "理由最多500字") String reason) {
    }

    /** A member's full ID number for roles allowed to see it (pii-reveal), with a reason; audited. */
    @PostMapping("/{householdId}/members/{memberId}/reveal")
    @PreAuthorize("hasRole('pii-reveal')")
    @Operation(summary = "查看成员的完整身份证号", description = "具有 pii-reveal 角色的用户说明查看理由，取得一名家庭成员的完整身份证号；查看记录（谁、查看了谁、理由）与取号在同一事务中记入审计。农户不在本人辖区或成员不属于该户时答 404。")
    Map<String, String> reveal(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                               @Parameter(description = "家庭成员 ID") @PathVariable UUID memberId,
                               @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"reason": "核对医疗救助资金发放对象，需要完整身份证号"}"""))) @Valid @RequestBody RevealRequest request,
                               org.springframework.security.core.Authentication caller) {
        return Map.of("idNumber", registry.revealIdNumber(householdId, memberId, caller.getName(), request.reason(),
                Jurisdiction.current()));
    }

    /** The household now, or as it was on {@code asOf} (members, capacities, place, category, flag). */
    @GetMapping("/{householdId}")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    @Operation(summary = "查看农户", description = "农户现在的情况：行政区划、农户类别、脱贫不享受政策户标识、家庭成员（只含脱敏身份证号，已离户的成员列在最后）、民政救助期间和是否属于农村低收入人口；带 asOf 时为该日的情况。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；asOf 早于2014-01-01，或早于该户登记且此前没有生效的变动时答 422。")
    @ApiResponse(responseCode = "200", description = "农户现在（或 asOf 当日）的情况")
    @ApiResponse(responseCode = "422", description = "asOf 所指的日期查不到：早于2014-01-01，或早于该户登记且此前没有生效的变动",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    HouseholdView household(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                            @Parameter(description = "查看这一天的情况（yyyy-MM-dd）；不填为现在") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        return asOf == null ? registry.find(householdId, Jurisdiction.current())
                : changes.asOf(householdId, asOf, Jurisdiction.current());
    }

    /**
     * A change recorded by the village (动态调整): effective-dated, with who and why, kept as a
     * revision and published as {@code HouseholdChanged}.
     */
    @PostMapping("/{householdId}/changes")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'admin')")
    @Operation(summary = "登记农户变动", description = "村级登记一次农户变动（动态调整）：成员增减、劳动能力、与户主关系、户主变更、迁移、脱贫不享受政策户标识，或脱贫户与一般农户之间的类别更正，须填原因和生效日期；变动保存为新的修订版本并发布 HouseholdChanged，返回该修订。迁往辖区外后只有迁入地能看到该户。村干部、乡镇审核人员和管理员可办理；原因与变动类型不符、生效日期晚于今天或早于同一项已登记的变动、监测类别（须经县级认定）等不符合规则时答 422。")
    @ApiResponse(responseCode = "201", description = "已登记：返回新的修订版本",
            headers = @Header(name = "Location", description = "该户变动记录的地址：/api/monitoring/households/{householdId}/changes", schema = @Schema(type = "string")))
    ResponseEntity<HouseholdChanges.Revision> change(@Parameter(description = "农户 ID") @PathVariable UUID householdId,
                                                     @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
                                                             @ExampleObject(name = "劳动能力变化", value = """
            {"kind": "LABOUR_CAPACITY", "reason": "REASSESSED", "effectiveOn": "2026-10-15", "memberId": "6f1d3c2a-8b4e-4f7a-9c21-5d0e7b3a9f14", "labourCapacity": "PARTIAL", "note": "户主腰椎受伤，经乡镇卫生院诊断只能从事轻体力劳动。"}"""),
                                                             @ExampleObject(name = "新生儿入户", value = """
            {"kind": "MEMBER_ADDED", "reason": "BIRTH", "effectiveOn": "2026-10-01", "newMember": {"name": "赵子睿", "idNumber": "210422202610019011", "relationship": "之子", "labourCapacity": "NONE"}}""")})) @Valid @RequestBody HouseholdChangeRequest request,
                                                     org.springframework.security.core.Authentication caller) {
        HouseholdChanges.Revision revision = changes.record(householdId, mapper.toCommand(request), caller.getName(),
                Jurisdiction.current());
        return ResponseEntity.created(URI.create("/api/monitoring/households/" + householdId + "/changes"))
                .body(revision);
    }

    /** The household's revisions, newest first, with a total. */
    @GetMapping("/{householdId}/changes")
    @PreAuthorize("hasAnyRole('village-cadre', 'township-reviewer', 'county-approver', 'analyst', 'admin')")
    @Operation(summary = "查看农户变动记录", description = "分页列出农户的修订版本（变动类型、原因、生效日期、摘要、说明、登记人和登记时间），最新的在前，附总数。村干部、乡镇审核人员、县级审批人、分析人员和管理员可查；农户不在本人辖区时答 404。")
    Page<HouseholdChanges.Revision> revisions(
            @Parameter(description = "农户 ID") @PathVariable UUID householdId,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @jakarta.validation.constraints.Min(0) int page,
            @Parameter(description = "每页条数，1–200") @RequestParam(defaultValue = "20") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(200) int size) {
        return changes.revisions(householdId, Jurisdiction.current(), page, size);
    }
}
