package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.SettlementFeed;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;

/** What a batch's rows answer: the same fields as {@link SettlementFeed}'s row results. */
final class SettlementViews {

    private SettlementViews() {
    }

    @Schema(name = "SettlementRowResult", description = "一行结算记录的处理结果")
    record RowResultView(@Schema(description = "该行在批中的序号，从1起") int row,
                         @Schema(description = "该行的结算单号（空行时为空）") String settlementId,
                         @Schema(description = "ACCEPTED：已保存；DUPLICATE：结算单号此前已保存，未改动；REJECTED：未保存，原因见 problems")
                         SettlementFeed.Outcome outcome,
                         @Schema(description = "被拒绝的原因，逐个字段列出（其他结果为空）") List<RowProblemView> problems,
                         @Schema(description = "三重保障的分档结果（仅 ACCEPTED）") TiersView tiers) {
    }

    @Schema(name = "SettlementRowProblem", description = "一行结算记录的一个问题")
    record RowProblemView(@Schema(description = "字段：settlementId、idNumber、insuredCounty、hospital、settledOn、amounts（三项金额），空行为 row")
                          String field,
                          @Schema(description = "问题的中文说明") String message) {
    }

    @Schema(name = "SettlementTiers", description = "一笔结算按三重保障分档的结果（元）")
    record TiersView(@Schema(description = "基本医保统筹支付（报送值）") BigDecimal basicInsurance,
                     @Schema(description = "大病保险支付") BigDecimal criticalIllness,
                     @Schema(description = "医疗救助支付") BigDecimal medicalAssistance,
                     @Schema(description = "个人自付") BigDecimal selfPay,
                     @Schema(description = "结算日该人的倾斜保障类别：TEKUN（特困人员）、DIBAO（低保对象）、MONITORED（点名医保局的监测预警农户），无则为空") String coverClass,
                     @Schema(description = "所用政策参数的版本") String parameterVersions) {
    }
}
