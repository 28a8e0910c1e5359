package fushun.console.report.web;

import fushun.console.report.AnnualReports;
import fushun.platform.security.Jurisdiction;
import fushun.platform.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The December report (年度工作总结报告): status, drafting, narrative, submission and the documents. */
@RestController
@Tag(name = "年度报告", description = "各县区每年12月上旬向市乡村振兴局报送的年度工作总结报告：12月1日自动起草（日期为参数），县审批人填写问题与不足和下一年度工作措施并在截止日（默认12月10日）前报送；"
        + "已报送的版本不可修改，各版本均保留；市分析人员查看报送与逾期情况并下载全市汇总报告。数据全部来自各部门发布的事件。")
class ReportController {

    private static final String PROBLEM = "application/problem+json";

    private final AnnualReports reports;

    ReportController(AnnualReports reports) {
        this.reports = reports;
    }

    /** The approver's narrative: free text, kept in the report only. */
    @Schema(name = "AnnualReportNarrative")
    record NarrativeRequest(
            @Schema(description = "问题与不足") @NotNull(message = "不能为空") @Size(max = 20000, message = "最多20000字") String problems,
            @Schema(description = "下一年度工作措施") @NotNull(message = "不能为空") @Size(max = 20000, message = "最多20000字") String nextYear) {
    }

    @GetMapping("/api/console/reports/{year}")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "查看各县区年度报告报送情况", description = "当前用户辖区内各县区该年度报告的状态：是否已起草、最新版本、是否已报送、报送人和时间、起草日和截止日、是否逾期（截止日后未报送或逾期报送）。"
            + "市分析人员看到全市7个县区，县审批人只看到本县区。分页，附总数；late=true 只列逾期的。")
    @ApiResponse(responseCode = "200", description = "一页县区报告状态及总数")
    @ApiResponse(responseCode = "422", description = "年度不在 2021 年至今年之间", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Page<AnnualReports.CountyStatus> statuses(
            @Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
            @Parameter(description = "只列逾期（true）或未逾期（false）的；不填为全部") @RequestParam(required = false) Boolean late,
            @Parameter(description = "页码，从0起") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
            @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少1条") @Max(value = 100, message = "最多100条") int size) {
        return reports.statuses(year, Jurisdiction.current(), late, page, size);
    }

    @PostMapping("/api/console/reports/{year}/drafts")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "立即起草年度报告", description = "为当前用户辖区内尚未起草的县区起草该年度报告（第1版，文字部分为空）；已起草的不变。平时由系统在起草日（参数 report.annual.draft-date，默认12月1日）自动起草。")
    @ApiResponse(responseCode = "200", description = "辖区内各县区的报告状态")
    @ApiResponse(responseCode = "422", description = "年度不在 2021 年至今年之间", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    List<AnnualReports.CountyStatus> draft(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year) {
        return reports.draftNow(year, Jurisdiction.current(), actor());
    }

    @GetMapping("/api/console/reports/{year}/counties/{county}")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "查看县区年度报告当前版本", description = "该县区该年度报告的最新版本：版本号、问题与不足、下一年度工作措施、起草人和时间、报送人和时间。县审批人只能查看本县区，其他县区答 404。")
    @ApiResponse(responseCode = "200", description = "最新版本")
    @ApiResponse(responseCode = "404", description = "县区不在辖区内，或尚未起草", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "年度不在 2021 年至今年之间", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    AnnualReports.Version current(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
                                  @Parameter(description = "6位县区代码，如 210422") @PathVariable @Pattern(regexp = "\\d{6}", message = "应为6位县区代码") String county) {
        return reports.current(county, year, Jurisdiction.current());
    }

    @GetMapping("/api/console/reports/{year}/counties/{county}/versions")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "查看县区年度报告的各版本", description = "该县区该年度报告的全部版本，新的在前，分页并附总数；已报送的版本标有报送人和时间，不可修改。")
    @ApiResponse(responseCode = "200", description = "一页版本及总数")
    @ApiResponse(responseCode = "404", description = "县区不在辖区内", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "年度不在 2021 年至今年之间", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    Page<AnnualReports.Version> versions(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
                                         @Parameter(description = "6位县区代码，如 210422") @PathVariable @Pattern(regexp = "\\d{6}", message = "应为6位县区代码") String county,
                                         @Parameter(description = "页码，从0起") @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码不能为负") int page,
                                         @Parameter(description = "每页条数，1–100") @RequestParam(defaultValue = "20") @Min(value = 1, message = "至少1条") @Max(value = 100, message = "最多100条") int size) {
        return reports.versions(county, year, Jurisdiction.current(), page, size);
    }

    @PutMapping("/api/console/reports/{year}/counties/{county}/narrative")
    @PreAuthorize("hasRole('county-approver')")
    @Operation(summary = "填写年度报告文字部分", description = "县审批人填写本县区报告的“问题与不足”和“下一年度工作措施”，每次保存为一个新版本。报告已报送后答 409。文字只保存在报告中，不进入事件和日志。")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(value = """
            {"problems": "部分乡镇季度审核不及时。", "nextYear": "按月调度各部门帮扶任务办理情况。"}""")))
    @ApiResponse(responseCode = "200", description = "保存后的新版本")
    @ApiResponse(responseCode = "404", description = "县区不在辖区内，或尚未起草", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "报告已报送，不能修改", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "年度不在范围内或内容过长", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    AnnualReports.Version narrative(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
                                    @Parameter(description = "6位县区代码，如 210422") @PathVariable @Pattern(regexp = "\\d{6}", message = "应为6位县区代码") String county,
                                    @Valid @RequestBody NarrativeRequest request) {
        return reports.saveNarrative(county, year, request.problems(), request.nextYear(), Jurisdiction.current(), actor());
    }

    @PostMapping("/api/console/reports/{year}/counties/{county}/submission")
    @PreAuthorize("hasRole('county-approver')")
    @Operation(summary = "报送年度报告", description = "县审批人报送本县区报告的最新版本：生成并保存该版本的 .docx 和 .xlsx，此后不可修改。每县区每年只能报送一次，再次报送答 409；文字部分未填写答 422。")
    @ApiResponse(responseCode = "200", description = "已报送的版本")
    @ApiResponse(responseCode = "404", description = "县区不在辖区内，或尚未起草", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "409", description = "已报送过", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "文字部分未填写，或年度不在范围内", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    AnnualReports.Version submit(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
                                 @Parameter(description = "6位县区代码，如 210422") @PathVariable @Pattern(regexp = "\\d{6}", message = "应为6位县区代码") String county) {
        return reports.submit(county, year, Jurisdiction.current(), actor());
    }

    @GetMapping("/api/console/reports/{year}/counties/{county}/document")
    @PreAuthorize("hasAnyRole('analyst', 'county-approver', 'admin')")
    @Operation(summary = "下载县区年度报告", description = "format=docx 为报告正文（含图表），xlsx 为全部表格的附件，png 为第一页预览图。不填 version 为最新版本；已报送的版本下载报送时保存的文件，草稿按当前数据生成。")
    @ApiResponse(responseCode = "200", description = "文件", content = {
            @Content(mediaType = AnnualReports.DOCX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = AnnualReports.XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "县区不在辖区内，或没有该版本", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "年度不在 2021 年至今年之间", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<byte[]> countyDocument(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
                                          @Parameter(description = "6位县区代码，如 210422") @PathVariable @Pattern(regexp = "\\d{6}", message = "应为6位县区代码") String county,
                                          @Parameter(description = "docx、xlsx 或 png") @RequestParam(defaultValue = "docx") @Pattern(regexp = "docx|xlsx|png", message = "应为 docx、xlsx 或 png") String format,
                                          @Parameter(description = "版本号；不填为最新") @RequestParam(required = false) @Min(value = 1, message = "版本号从1起") Integer version) {
        return file(reports.countyDocument(county, year, version, format, Jurisdiction.current()));
    }

    @GetMapping("/api/console/reports/{year}/city/document")
    @PreAuthorize("hasAnyRole('analyst', 'admin')")
    @Operation(summary = "下载全市年度报告", description = "全市汇总报告：全市指标、各县区主要指标和报告报送情况（谁已报送、谁逾期）。format=docx、xlsx 或 png（第一页预览）。只对市级用户开放。")
    @ApiResponse(responseCode = "200", description = "文件", content = {
            @Content(mediaType = AnnualReports.DOCX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = AnnualReports.XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "404", description = "当前用户不是市级用户", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    @ApiResponse(responseCode = "422", description = "年度不在 2021 年至今年之间", content = @Content(mediaType = PROBLEM, schema = @Schema(ref = "#/components/schemas/Problem")))
    ResponseEntity<byte[]> cityDocument(@Parameter(description = "年度，如 2026") @PathVariable @Min(value = 2021, message = "不早于2021年") @Max(value = 2100, message = "不晚于2100年") int year,
                                        @Parameter(description = "docx、xlsx 或 png") @RequestParam(defaultValue = "docx") @Pattern(regexp = "docx|xlsx|png", message = "应为 docx、xlsx 或 png") String format) {
        return file(reports.cityDocument(year, format, Jurisdiction.current()));
    }

    private static ResponseEntity<byte[]> file(AnnualReports.Document d) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(d.fileName(), StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(d.contentType()))
                .body(d.body());
    }

    private static String actor() {
        return SecurityContextHolder.getContext().getAuthentication().getName();
    }
}
