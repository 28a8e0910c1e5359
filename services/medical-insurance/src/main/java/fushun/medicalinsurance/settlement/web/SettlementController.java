package fushun.medicalinsurance.settlement.web;

import fushun.medicalinsurance.settlement.SettlementFeed;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "医保结算", description = "医保结算数据：医保系统按批报送结算记录（按结算单号去重，重发无害），平台按基本医保、大病保险、医疗救助三重保障分档计算并保存；医保经办人员和分析人员查看农户的年度累计费用。")
class SettlementController {

    /** Per-row outcome of a batch; {@code rejected} rows carry their problems, field by field. */
    @Schema(name = "SettlementBatchResult", description = "一批结算数据的处理结果：各结果的行数，以及按报送顺序的逐行结果")
    record BatchResult(@Schema(description = "新保存的行数") long accepted,
                       @Schema(description = "结算单号此前已保存、本次未做改动的行数") long duplicates,
                       @Schema(description = "被拒绝、未保存的行数") long rejected,
                       @Schema(description = "逐行结果，与请求中的行一一对应") List<SettlementViews.RowResultView> rows) {
    }

    private final SettlementFeed feed;
    private final SettlementWebMapper mapper;

    SettlementController(SettlementFeed feed, SettlementWebMapper mapper) {
        this.feed = feed;
        this.mapper = mapper;
    }

    @PostMapping("/api/medical-insurance/settlements")
    @PreAuthorize("hasRole('medical-insurance-integration')")
    @Operation(summary = "报送一批结算数据", description = "医保系统以客户端凭证（角色 medical-insurance-integration）每批报送1至1000条结算记录，逐行校验、逐行答复：有问题的行为 REJECTED，逐字段列出原因且不保存，其余行照常保存，"
            + "因此只要请求体本身可读，即使全部行被拒也答 200；合格的行按结算日适用的政策参数和该人当年此前的累计费用，分基本医保、大病保险、医疗救助三重保障计算后保存（ACCEPTED，附分档结果）。"
            + "幂等：结算单号（settlementId）已保存过的行为 DUPLICATE，不做任何改动，所以超时或失败后可原样重发整批；已保存的结算不因日期更早的结算后到而重算。"
            + "空批或超过1000条时整批答 400、一条也不保存；请求体超过8 MB 时网关答 413。")
    @ApiResponse(responseCode = "200", description = "已逐行处理：row 为该行在批中的序号（从1起），outcome 为 ACCEPTED（已保存，附 tiers 分档结果）、"
            + "DUPLICATE（结算单号已存在，未改动）或 REJECTED（未保存，problems 逐项列出 field 和 message；field 为 settlementId、idNumber、insuredCounty、"
            + "hospital、settledOn、amounts，空行为 row）")
    BatchResult submit(@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "结算记录，每批1至1000条；金额以元为单位，最多两位小数", content = @Content(examples = @ExampleObject(value = """
            {"settlements": [
              {"settlementId": "XB-2026-000123", "idNumber": "210422198001019017", "insuredCounty": "210422",
               "hospital": "新宾县人民医院", "settledOn": "2026-03-12", "totalCost": 18600.00, "policyRangeCost": 16200.00,
               "basicInsurancePaid": 9720.00},
              {"settlementId": "XB-2026-000187", "idNumber": "210422198001019017", "insuredCounty": "210422",
               "hospital": "新宾县人民医院", "settledOn": "2026-04-03", "totalCost": 6200.00, "policyRangeCost": 5400.00,
               "basicInsurancePaid": 3240.00}]}"""))) @Valid @RequestBody SettlementBatchRequest request, Authentication caller) {
        List<SettlementFeed.RowResult> rows = feed.accept(mapper.toRecords(request.settlements()), caller.getName(), "API");
        return new BatchResult(count(rows, SettlementFeed.Outcome.ACCEPTED), count(rows, SettlementFeed.Outcome.DUPLICATE),
                count(rows, SettlementFeed.Outcome.REJECTED), mapper.toViews(rows));
    }

    private static long count(List<SettlementFeed.RowResult> rows, SettlementFeed.Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
