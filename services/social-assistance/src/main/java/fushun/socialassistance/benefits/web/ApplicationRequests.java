package fushun.socialassistance.benefits.web;

import fushun.platform.validation.PlausibleDate;
import fushun.socialassistance.benefits.Programme;
import fushun.socialassistance.eligibility.SupportAssessment.Capacity;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What operators, reviewers and approvers send to take down, review and decide applications. */
final class ApplicationRequests {

    private ApplicationRequests() {
    }

    /**
     * @param coveredPersons dibao: leave empty for the whole household, or name the members included
     *                       on their own (单人保); 特困: the one person
     */
    @Schema(name = "ApplicationSubmission", description = "受理一份低保或特困供养申请：农户、来源个案、救助项目、保障对象、家庭收入申报和每名成员的情况")
    record Submit(@NotNull(message = "必须选择农户") UUID householdId,
                  UUID caseId,
                  @NotNull(message = "必须选择救助项目（DIBAO 或 TEKUN）") Programme programme,
                  @Size(max = 20, message = "保障对象最多20人") List<@NotNull(message = "保障对象不能为空") UUID> coveredPersons,
                  @NotNull(message = "必须填写家庭收入申报") @Valid Declaration declaration,
                  @NotEmpty(message = "必须逐一填写家庭成员情况") @Size(max = 20, message = "家庭成员最多20人")
                  List<@NotNull(message = "成员情况不能为空") @Valid Member> members) {
    }

    /** The household's income and rigid spending over the last 12 months, in yuan. */
    @Schema(name = "IncomeDeclaration", description = "家庭近12个月的收入和刚性支出申报（元）")
    record Declaration(@NotNull(message = "必须填写家庭年收入") @DecimalMin(value = "0", message = "金额不能为负")
                       @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal totalIncome,
                       @NotNull(message = "必须填写基础养老金（没有填0）") @DecimalMin(value = "0", message = "金额不能为负")
                       @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal basicPension,
                       @NotNull(message = "必须填写因病支出（没有填0）") @DecimalMin(value = "0", message = "金额不能为负")
                       @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal illnessSpending,
                       @NotNull(message = "必须填写因学支出（没有填0）") @DecimalMin(value = "0", message = "金额不能为负")
                       @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal schoolingSpending,
                       @NotNull(message = "必须填写就业成本（没有填0）") @DecimalMin(value = "0", message = "金额不能为负")
                       @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal employmentCosts) {
    }

    /**
     * A member as the operator established them on the visit: own yearly income, and the part of it
     * that is the residents' basic pension (not counted; absent means none).
     */
    @Schema(name = "ApplicationMember", description = "申请时一名家庭成员的情况：劳动能力、本人年收入及其中的城乡居民基础养老金")
    record Member(@NotNull(message = "必须选择成员") UUID personId,
                  @NotNull(message = "必须填写劳动能力（FULL、PARTIAL 或 NONE）") Capacity capacity,
                  @NotNull(message = "必须填写本人年收入（没有填0）") @DecimalMin(value = "0", message = "金额不能为负")
                  @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal ownYearlyIncome,
                  @DecimalMin(value = "0", message = "金额不能为负")
                  @Digits(integer = 10, fraction = 2, message = "金额最多两位小数") BigDecimal ownBasicPension,
                  boolean underSixteen) {
    }

    /** The township's review: for ({@code true}) or against, with its reasons. */
    @Schema(name = "ApplicationReview", description = "乡镇审核意见：同意（true）或不同意，并说明理由")
    record ReviewApplication(@NotNull(message = "必须填写审核意见：同意（true）或不同意（false）") Boolean recommend,
                             @NotBlank(message = "必须填写审核理由") @Size(max = 1000, message = "审核理由最多1000字")
                             String opinion) {
    }

    @Schema(name = "ApplicationDecision", description = "县民政局审批：批准（true）或不予批准，并说明理由")
    record Decide(@NotNull(message = "必须选择批准（true）或不予批准（false）") Boolean approve,
                  @NotBlank(message = "必须填写审批理由") @Size(max = 1000, message = "审批理由最多1000字") String reason) {
    }

    @Schema(name = "GrantReview", description = "对一项救助待遇的复核：是否仍符合条件和复核理由")
    record Review(@NotNull(message = "必须填写复核结论：仍符合条件（true）或不再符合（false）") Boolean eligible,
                  @NotBlank(message = "必须填写复核理由") @Size(max = 1000, message = "复核理由最多1000字") String reason) {
    }

    @Schema(name = "PayrollRequest", description = "按月发放：县区代码和发放月份（yyyy-MM）")
    record Payroll(@NotNull(message = "必须填写县区代码") @jakarta.validation.constraints.Pattern(regexp = "2104\\d{2}",
            message = "应为抚顺市内6位县区代码") String county,
                   @NotNull(message = "必须填写发放月份（如 2026-03）")
                   // next month's payroll may be prepared ahead; the domain decides whether it may run
                   @PlausibleDate(notBefore = PlausibleDate.MONITORING_ERA, maxDaysAhead = 62,
                           message = "发放月份应在2021-01至下月之间") java.time.YearMonth month) {
    }
}
