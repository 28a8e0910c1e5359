package fushun.medicalinsurance.premium.web;

import fushun.medicalinsurance.premium.PremiumSubsidies;
import fushun.platform.export.XlsxRoster;
import fushun.platform.security.Jurisdiction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The premium-subsidy roster per county and year, for the medical-insurance bureau and analysts. */
@RestController
@Tag(name = "参保资助", description = "城乡居民医保参保资助名单：特困人员和低保对象全额资助，享受政策的脱贫人口和边缘易致贫人口按过渡期比例资助；按县区和年度分页查看或导出，医保经办人员和分析人员可用。")
@PreAuthorize("hasAnyRole('medical-insurance-officer', 'analyst')")
class PremiumSubsidyController {

    private final PremiumSubsidies subsidies;
    private final PremiumWebMapper mapper;

    PremiumSubsidyController(PremiumSubsidies subsidies, PremiumWebMapper mapper) {
        this.subsidies = subsidies;
        this.mapper = mapper;
    }

    /** A page of the county's roster, with the count and amount of the whole roster. */
    @GetMapping("/api/medical-insurance/premium-subsidies")
    @Operation(summary = "查看参保资助名单", description = "一个县区某年度参保资助名单的一页（身份证号脱敏）：每人的资助类别（FULL 全额、TRANSITION 过渡期比例）、依据和金额，"
            + "以及当年的个人缴费标准、过渡期资助比例、参数版本和整份名单的人数、总金额。医保经办人员和分析人员可查；县区不在辖区内答 404。")
    @ApiResponse(responseCode = "200", description = "名单的一页")
    @ApiResponse(responseCode = "404", description = "该县区不在当前用户的辖区内",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    PremiumViews.RosterView roster(
            @Parameter(description = "县区行政区划代码（抚顺市内6位，如 210422）") @RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
            @Parameter(description = "年度，2021–2100") @RequestParam @Min(value = 2021, message = "年份不能早于2021年") @Max(value = 2100, message = "年份无效") int year,
            @Parameter(description = "页码，从 0 开始") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–500") @RequestParam(defaultValue = "50") @Min(value = 1, message = "每页至少1条") @Max(value = 500, message = "每页最多500条") int size) {
        return mapper.toView(subsidies.roster(county, year, Jurisdiction.current(), page, size));
    }

    /**
     * The whole roster as an .xlsx file (参保资助名单), built before anything is sent, so a failure
     * answers as a problem, not half a file.
     */
    @GetMapping("/api/medical-insurance/premium-subsidies.xlsx")
    @Operation(summary = "导出参保资助名单", description = "一个县区某年度的整份参保资助名单，导出为 Excel 文件（.xlsx，身份证号脱敏），供核对和报送。"
            + "文件在发送前生成完毕，出错时答问题详情而不是半个文件。医保经办人员和分析人员可用；县区不在辖区内答 404。")
    @ApiResponse(responseCode = "200", description = "名单文件（附件 premium-subsidies-<县区>-<年度>.xlsx）",
            content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "该县区不在当前用户的辖区内",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(ref = "#/components/schemas/Problem")))
    void export(@Parameter(description = "县区行政区划代码（抚顺市内6位，如 210422）") @RequestParam @Pattern(regexp = "2104\\d{2}", message = "应为抚顺市内6位县区代码") String county,
                @Parameter(description = "年度，2021–2100") @RequestParam @Min(value = 2021, message = "年份不能早于2021年") @Max(value = 2100, message = "年份无效") int year,
                HttpServletResponse response) throws IOException {
        try (XlsxRoster roster = subsidies.xlsx(county, year, Jurisdiction.current())) {
            roster.writeTo(XlsxRoster.download(response, "premium-subsidies-" + county + "-" + year + ".xlsx"));
        }
    }
}
