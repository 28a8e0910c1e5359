package fushun.medicalinsurance.settlement.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Body of {@code POST /api/medical-insurance/settlements}. Rows are checked one by one: a bad row
 * (an unreadable date or amount included) is reported and skipped, the good rows are kept. Dates
 * and amounts are read as text here and parsed per row for that reason.
 */
@Schema(description = "一批结算记录（1至1000条）：逐行校验、逐行答复，有问题的行不影响其他行")
public record SettlementBatchRequest(
        // a null row is reported as that row's problem (空行), like any other bad row: not the platform's 400
        @JsonSetter(contentNulls = Nulls.SET)
        @ArraySchema(arraySchema = @Schema(description = "结算记录，1至1000条，按此顺序逐行答复"))
        @NotEmpty(message = "至少需要一条结算记录") @Size(max = 1000, message = "每批最多1000条") List<Row> settlements) {

    /**
     * One settlement. Example row an integrator can copy (synthetic ID number):
     * <pre>{"settlementId":"XB-2026-000123","idNumber":"210422198001019017","insuredCounty":"210422",
     *  "hospital":"新宾县人民医院","settledOn":"2026-03-12","totalCost":18600.00,"policyRangeCost":16200.00,
     *  "basicInsurancePaid":9720.00}</pre>
     */
    @Schema(name = "SettlementRow", description = "一条结算记录；金额可写成 JSON 数字或文本，以元为单位，最多两位小数", example = """
            {"settlementId":"XB-2026-000123","idNumber":"210422198001019017","insuredCounty":"210422",
             "hospital":"新宾县人民医院","settledOn":"2026-03-12","totalCost":18600.00,"policyRangeCost":16200.00,
             "basicInsurancePaid":9720.00}""")
    public record Row(
            @Schema(description = "结算单号（1–64个字符），去重的依据：已保存过的单号再报送时答 DUPLICATE，不做改动", example = "XB-2026-000123") String settlementId,
            @Schema(description = "身份证号（18位，出生日期真实且不晚于今天，校验位正确）", example = "210422198001019017") String idNumber,
            @Schema(description = "参保地：抚顺市的6位县区代码", example = "210422") String insuredCounty,
            @Schema(description = "医疗机构名称，不超过200个字符", example = "新宾县人民医院") String hospital,
            @Schema(description = "结算日期（yyyy-MM-dd），不能晚于今天", example = "2026-03-12") String settledOn,
            @Schema(description = "医疗总费用（元）：基本医保支付 ≤ 政策范围内费用 ≤ 总费用", example = "18600.00", types = {"number", "string"}) String totalCost,
            @Schema(description = "政策范围内费用（元）", example = "16200.00", types = {"number", "string"}) String policyRangeCost,
            @Schema(description = "基本医保统筹支付（元）", example = "9720.00", types = {"number", "string"}) String basicInsurancePaid) {
    }
}
