package fushun.assetmanagement.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import fushun.platform.validation.PlausibleYear;
import fushun.assetmanagement.income.AssetIncome;
import fushun.assetmanagement.income.DistributionPlans;
import fushun.assetmanagement.income.VillageHouseholds;
import fushun.assetmanagement.ledger.AssetChanges;
import fushun.assetmanagement.ledger.AssetLedger;
import fushun.assetmanagement.ledger.AuditTrail;
import fushun.assetmanagement.ledger.web.AssetViews.AssetView;
import fushun.assetmanagement.ledger.web.AssetViews.AuditLineView;
import fushun.assetmanagement.ledger.web.AssetViews.ChangeView;
import fushun.assetmanagement.ledger.web.AssetViews.PlanView;
import fushun.assetmanagement.ledger.web.AssetViews.VillageHouseholdView;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The asset ledger, guarded changes, yearly income and the villages' distribution plans. */
@RestController
@Tag(name = "扶贫项目资产", description = "资产管理员的工作：扶贫项目资产台账的登记与查看；资产转移、权属变更和处置须经上一级审批才能执行，每一步和每次被拒绝的尝试都记入审计；经营性资产年度收益登记和各村年度收益分配方案。均限于当前用户的辖区。")
@RequestMapping("/api/asset-management")
@PreAuthorize("hasRole('asset-manager')")
class AssetController {

    @Schema(description = "一项扶贫项目资产：所在村（12位区划代码）、名称、类型（OPERATING 经营性、PUBLIC_WELFARE 公益性、HOUSEHOLD 到户类）、所属项目、价值（元）、所有者（不填为村集体）和管护主体")
    record NewAsset(@NotNull(message = "必须填写村代码") @Pattern(regexp = "2104\\d{8}", message = "应为抚顺市内12位村级区划代码") String village,
                    @NotBlank(message = "必须填写资产名称") @Size(max = 200, message = "名称最多200字") String name,
                    @NotNull(message = "必须填写资产类型") @Pattern(regexp = "OPERATING|PUBLIC_WELFARE|HOUSEHOLD",
                            message = "资产类型应为 OPERATING（经营性）、PUBLIC_WELFARE（公益性）或 HOUSEHOLD（到户类）") String assetType,
                    @NotBlank(message = "必须填写所属项目") @Size(max = 200, message = "项目最多200字") String project,
                    @NotNull(message = "必须填写资产价值") @DecimalMin(value = "0", message = "价值不能为负")
                    @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal value,
                    @Size(max = 200, message = "所有者最多200字") String owner,
                    @NotBlank(message = "必须填写管护主体") @Size(max = 200, message = "管护主体最多200字") String maintainer) {
    }

    @Schema(description = "资产变更申请：类型（TRANSFER 转移、OWNERSHIP_CHANGE 权属变更、DISPOSAL 处置）、新的所有者（转移和权属变更必填）和理由")
    record ChangeRequest(@NotNull(message = "必须填写变更类型") @Pattern(regexp = "TRANSFER|OWNERSHIP_CHANGE|DISPOSAL",
            message = "变更类型应为 TRANSFER、OWNERSHIP_CHANGE 或 DISPOSAL") String kind,
                         @Size(max = 200, message = "新所有者最多200字") String newOwner,
                         @NotBlank(message = "必须填写理由") @Size(max = 1000, message = "理由最多1000字") String reason) {
    }

    @Schema(description = "对资产变更申请的审批：批准（true）或不予批准（false）及审批意见")
    record Decision(@NotNull(message = "必须选择批准（true）或不予批准（false）") Boolean approve,
                    @NotBlank(message = "必须填写审批意见") @Size(max = 1000, message = "审批意见最多1000字") String reason) {
    }

    @Schema(description = "经营性资产一个年度的收益（元）")
    record Income(@NotNull(message = "必须填写收益金额") @DecimalMin(value = "0", message = "收益不能为负")
                  @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount) {
    }

    @Schema(description = "收益分配方案的一行：用途（MONITORED_HOUSEHOLD 监测对象、OUT_OF_POVERTY_HOUSEHOLD 脱贫户、MAINTENANCE 运行管护、VILLAGE_PUBLIC_WELFARE 村级公益）、农户（仅分给农户的两种用途填写）和金额（元）")
    record PlanLine(@NotNull(message = "必须填写用途") AssetIncome.Purpose purpose, UUID householdId,
                    @NotNull(message = "必须填写金额") @DecimalMin(value = "0.01", message = "金额必须大于零")
                    @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount) {
    }

    @Schema(description = "一个村一个年度的收益分配方案：各行之和须等于该村当年经营性资产收益")
    record PlanRequest(@NotEmpty(message = "分配方案至少一行") @Size(max = 2000, message = "分配方案最多2000行")
                       List<@NotNull(message = "分配行不能为空") @Valid PlanLine> lines) {
    }

    private final AssetLedger ledger;
    private final AssetChanges changes;
    private final AuditTrail trail;
    private final AssetIncome income;
    private final DistributionPlans plans;
    private final VillageHouseholds households;
    private final AssetWebMapper views;

    AssetController(AssetLedger ledger, AssetChanges changes, AuditTrail trail, AssetIncome income,
                    DistributionPlans plans, VillageHouseholds households, AssetWebMapper views) {
        this.ledger = ledger;
        this.changes = changes;
        this.trail = trail;
        this.income = income;
        this.plans = plans;
        this.households = households;
        this.views = views;
    }

    @PostMapping("/assets")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "登记资产", description = "资产管理员（asset-manager）在辖区内的村登记一项扶贫项目资产，状态为在用，未写所有者时为村集体；登记记入该资产的审计记录，成功时答 201。村不在辖区内时答 404。")
    AssetView register(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"village": "210422100201", "name": "村级光伏电站", "assetType": "OPERATING", "project": "2019年光伏扶贫项目", "value": 500000.00, "maintainer": "村集体经济合作社"}"""))) @Valid @RequestBody NewAsset request, Authentication caller) {
        return views.toView(ledger.register(request.village(), request.name(), request.assetType(), request.project(),
                request.value(), request.owner(), request.maintainer(), caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/assets")
    @Operation(summary = "查看资产台账", description = "资产管理员分页查看辖区内的扶贫项目资产（类型、价值、所有者、管护主体、状态），按村、再按登记先后排列。")
    Page<AssetView> list(@Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                 @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                 @Max(value = 500, message = "每页最多500条") int size) {
        return views.toAssetPage(ledger.list(Jurisdiction.current(), page, size));
    }

    @GetMapping("/assets/{assetId}/audit")
    @Operation(summary = "查看资产的审计记录", description = "资产管理员分页查看辖区内一项资产的审计记录：登记、变更申请、审批、执行，以及每次被拒绝的尝试（谁、在哪一级、何时、为何），最早的在前。")
    Page<AuditLineView> audit(@Parameter(description = "资产编号") @PathVariable UUID assetId,
                                      @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                      @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                      @Max(value = 500, message = "每页最多500条") int size) {
        return views.toAuditPage(trail.of(assetId, Jurisdiction.current(), page, size));
    }

    @PostMapping("/assets/{assetId}/changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "申请资产变更", description = "资产管理员为辖区内一项在用资产申请转移、权属变更或处置（成功时 201），申请人及其所在区划记入申请，待上一级审批。资产已转移或处置、转移或权属变更未写新所有者、该资产已有变更在办时答 422。")
    ChangeView request(@Parameter(description = "资产编号") @PathVariable UUID assetId,
                       @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"kind": "DISPOSAL", "reason": "光伏逆变器损毁，经评估无维修价值，申请报废处置"}"""))) @Valid @RequestBody ChangeRequest request, Authentication caller) {
        return views.toView(changes.request(assetId, request.kind(), request.newOwner(), request.reason(),
                caller.getName(), Jurisdiction.current()));
    }

    @PostMapping("/changes/{changeId}/decision")
    @Operation(summary = "审批资产变更", description = "资产管理员批准或不予批准一项待审批的变更申请。审批人须为申请人所在区划的上一级（村的申请由乡镇或县区审批，乡镇的由县区审批，县区的由市级审批），不能是申请人本人，否则答 403 并记入审计；申请已审批过时答 422。")
    ChangeView decide(@Parameter(description = "变更申请编号") @PathVariable UUID changeId,
                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"approve": true, "reason": "经村民代表会议讨论通过，同意报废处置"}"""))) @Valid @RequestBody Decision request, Authentication caller) {
        return views.toView(changes.decide(changeId, request.approve(), request.reason(), caller.getName(),
                Jurisdiction.current()));
    }

    /** Carries out an approved change; without approval it is refused, and the attempt is audited. */
    @PostMapping("/changes/{changeId}/execution")
    @Operation(summary = "执行已批准的资产变更", description = "资产管理员执行已批准的变更：转移改写所有者并标为已转移，权属变更改写所有者，处置标为已处置；返回变更后的资产。未经批准（待审批、不予批准或已执行过）或资产已转移、处置时答 422，该次尝试记入审计。")
    AssetView execute(@Parameter(description = "变更申请编号") @PathVariable UUID changeId, Authentication caller) {
        return views.toView(changes.execute(changeId, caller.getName(), Jurisdiction.current()));
    }

    @PutMapping("/assets/{assetId}/income/{year}")
    @Operation(summary = "登记资产年度收益", description = "资产管理员登记辖区内一项经营性资产某一年度的收益，每项资产每年一次，成功时答 200、无响应体。非经营性资产、未来年度、该年收益已登记、该村该年收益分配方案已确认时答 422。")
    @ApiResponse(responseCode = "200", description = "收益已登记（无响应体）")
    void income(@Parameter(description = "资产编号") @PathVariable UUID assetId,
                @Parameter(description = "收益年度，2021年至明年") @PathVariable
                @PlausibleYear(message = "年份应在2021年至明年之间") int year,
                @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"amount": 36000.00}"""))) @Valid @RequestBody Income request, Authentication caller) {
        income.record(assetId, year, request.amount(), caller.getName(), Jurisdiction.current());
    }

    @PutMapping("/villages/{village}/plans/{year}")
    @Operation(summary = "确认收益分配方案", description = "资产管理员确认辖区内一个村某年的资产收益分配方案，每村每年一次；确认后各户份额作为帮扶措施报告监测服务。方案须列入本村每一户监测对象，农户份额只给本村监测对象和脱贫户（脱贫不享受政策户除外），每户一行，合计须等于该村当年经营性资产收益，分毫不差；不符合、没有收益或方案已确认时答 422。")
    PlanView confirmPlan(@Parameter(description = "村级区划代码（12位），例如 210422100201") @PathVariable @Pattern(regexp = "2104\\d{8}", message = "应为抚顺市内12位村级区划代码") String village,
                                 @Parameter(description = "收益年度，2021年至明年") @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year,
                                 @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = @ExampleObject(value = """
            {"lines": [
              {"purpose": "MONITORED_HOUSEHOLD", "householdId": "3b9e6c12-7f4a-4d28-8e51-0c6a2d9f7b43", "amount": 12000.00},
              {"purpose": "OUT_OF_POVERTY_HOUSEHOLD", "householdId": "a71f4d08-2c3b-4e96-b5d7-98e0f1c2a654", "amount": 6000.00},
              {"purpose": "MAINTENANCE", "amount": 8000.00},
              {"purpose": "VILLAGE_PUBLIC_WELFARE", "amount": 10000.00}
            ]}"""))) @Valid @RequestBody PlanRequest request, Authentication caller) {
        return views.toView(plans.confirm(village, year, request.lines().stream()
                .map(l -> new AssetIncome.Line(l.purpose(), l.householdId(), l.amount())).toList(),
                caller.getName(), Jurisdiction.current()));
    }

    /** The village's monitored and out-of-poverty households, for drawing up a plan; a page at a time, with the total. */
    @GetMapping("/villages/{village}/households")
    @Operation(summary = "查看可分配收益的农户", description = "资产管理员为编制收益分配方案，分页查看辖区内一个村的监测对象（必须列入）和脱贫户（可以列入），不含风险已消除的和脱贫不享受政策户，按户主姓名排列。村不在辖区内时答 404。")
    Page<VillageHouseholdView> households(@Parameter(description = "村级区划代码（12位），例如 210422100201") @PathVariable String village,
                                                  @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                                  @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                                  @Max(value = 500, message = "每页最多500条") int size) {
        return views.toHouseholdPage(households.households(village, Jurisdiction.current(), page, size));
    }

    @GetMapping("/villages/{village}/plans/{year}")
    @Operation(summary = "查看收益分配方案", description = "资产管理员查看辖区内一个村某年已确认的收益分配方案：收益总额、各行用途和金额、确认人和确认日期。该村该年尚无方案或村不在辖区内时答 404。")
    PlanView plan(@Parameter(description = "村级区划代码（12位），例如 210422100201") @PathVariable String village,
                  @Parameter(description = "收益年度，2021年至明年") @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year) {
        return views.toView(plans.plan(village, year, Jurisdiction.current()));
    }
}
