package fushun.assetmanagement.ledger.web;

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
@RequestMapping("/api/asset-management")
@PreAuthorize("hasRole('asset-manager')")
class AssetController {

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

    record ChangeRequest(@NotNull(message = "必须填写变更类型") @Pattern(regexp = "TRANSFER|OWNERSHIP_CHANGE|DISPOSAL",
            message = "变更类型应为 TRANSFER、OWNERSHIP_CHANGE 或 DISPOSAL") String kind,
                         @Size(max = 200, message = "新所有者最多200字") String newOwner,
                         @NotBlank(message = "必须填写理由") @Size(max = 1000, message = "理由最多1000字") String reason) {
    }

    record Decision(@NotNull(message = "必须选择批准（true）或不予批准（false）") Boolean approve,
                    @NotBlank(message = "必须填写审批意见") @Size(max = 1000, message = "审批意见最多1000字") String reason) {
    }

    record Income(@NotNull(message = "必须填写收益金额") @DecimalMin(value = "0", message = "收益不能为负")
                  @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount) {
    }

    record PlanLine(@NotNull(message = "必须填写用途") AssetIncome.Purpose purpose, UUID householdId,
                    @NotNull(message = "必须填写金额") @DecimalMin(value = "0.01", message = "金额必须大于零")
                    @Digits(integer = 12, fraction = 2, message = "金额最多两位小数") BigDecimal amount) {
    }

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
    AssetView register(@Valid @RequestBody NewAsset request, Authentication caller) {
        return views.toView(ledger.register(request.village(), request.name(), request.assetType(), request.project(),
                request.value(), request.owner(), request.maintainer(), caller.getName(), Jurisdiction.current()));
    }

    @GetMapping("/assets")
    Page<AssetView> list(@RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                 @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                 @Max(value = 500, message = "每页最多500条") int size) {
        return views.toAssetPage(ledger.list(Jurisdiction.current(), page, size));
    }

    @GetMapping("/assets/{assetId}/audit")
    Page<AuditLineView> audit(@PathVariable UUID assetId,
                                      @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                      @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                      @Max(value = 500, message = "每页最多500条") int size) {
        return views.toAuditPage(trail.of(assetId, Jurisdiction.current(), page, size));
    }

    @PostMapping("/assets/{assetId}/changes")
    @ResponseStatus(HttpStatus.CREATED)
    ChangeView request(@PathVariable UUID assetId, @Valid @RequestBody ChangeRequest request, Authentication caller) {
        return views.toView(changes.request(assetId, request.kind(), request.newOwner(), request.reason(),
                caller.getName(), Jurisdiction.current()));
    }

    @PostMapping("/changes/{changeId}/decision")
    ChangeView decide(@PathVariable UUID changeId, @Valid @RequestBody Decision request, Authentication caller) {
        return views.toView(changes.decide(changeId, request.approve(), request.reason(), caller.getName(),
                Jurisdiction.current()));
    }

    /** Carries out an approved change; without approval it is refused, and the attempt is audited. */
    @PostMapping("/changes/{changeId}/execution")
    AssetView execute(@PathVariable UUID changeId, Authentication caller) {
        return views.toView(changes.execute(changeId, caller.getName(), Jurisdiction.current()));
    }

    @PutMapping("/assets/{assetId}/income/{year}")
    void income(@PathVariable UUID assetId, @PathVariable
                @PlausibleYear(message = "年份应在2021年至明年之间") int year, @Valid @RequestBody Income request, Authentication caller) {
        income.record(assetId, year, request.amount(), caller.getName(), Jurisdiction.current());
    }

    @PutMapping("/villages/{village}/plans/{year}")
    PlanView confirmPlan(@PathVariable @Pattern(regexp = "2104\\d{8}", message = "应为抚顺市内12位村级区划代码") String village,
                                 @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year,
                                 @Valid @RequestBody PlanRequest request, Authentication caller) {
        return views.toView(plans.confirm(village, year, request.lines().stream()
                .map(l -> new AssetIncome.Line(l.purpose(), l.householdId(), l.amount())).toList(),
                caller.getName(), Jurisdiction.current()));
    }

    /** The village's monitored and out-of-poverty households, for drawing up a plan; a page at a time, with the total. */
    @GetMapping("/villages/{village}/households")
    Page<VillageHouseholdView> households(@PathVariable String village,
                                                  @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                                  @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条")
                                                  @Max(value = 500, message = "每页最多500条") int size) {
        return views.toHouseholdPage(households.households(village, Jurisdiction.current(), page, size));
    }

    @GetMapping("/villages/{village}/plans/{year}")
    PlanView plan(@PathVariable String village, @PathVariable @PlausibleYear(message = "年份应在2021年至明年之间") int year) {
        return views.toView(plans.plan(village, year, Jurisdiction.current()));
    }
}
